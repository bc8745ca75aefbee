package dev.atrium.goods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AtriumApplication;
import dev.atrium.embedded.EmbeddedServers;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seed 000, clause 7, as its grader runs it: a fresh database, the migrations applied by the {@code migrate} command,
 * then the page's form posted with an unknown user and with a real one, twice, and the tables inspected after each
 * step.
 */
class SignInPageOnFreshDatabaseTests {

    static EmbeddedServers servers;
    static JdbcClient database;

    @BeforeAll
    static void freshDatabase() throws Exception {
        servers = EmbeddedServers.start(Files.createTempDirectory("atrium-seed-000-"), true, true, false, true);
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(servers.jdbcUrl());
        dataSource.setUser("postgres");
        database = JdbcClient.create(dataSource);
    }

    @AfterAll
    static void dropDatabase() {
        servers.stop();
    }

    @Test
    void the_graders_procedure() throws Exception {
        String[] stores = {
            "--atrium.database.url=" + servers.jdbcUrl(),
            "--atrium.database.username=postgres",
            "--atrium.redis.url=" + servers.redisUrl()
        };
        assertThat(migrate(stores)).isZero();

        // After the migrations alone: users (at least one), an empty sessions table, an empty goods table.
        assertThat(count("users")).isGreaterThanOrEqualTo(1);
        assertThat(count("user_sessions")).isZero();
        assertThat(count("goods")).isZero();
        assertThat(goodsColumns())
                .containsExactly(
                        Map.entry("id", "bigint"),
                        Map.entry("good_name", "text"),
                        Map.entry("good_code", "text"),
                        Map.entry("supplier_name", "text"),
                        Map.entry("supplier_address", "text"),
                        Map.entry("supplier_phone", "text"),
                        Map.entry("supplier_contact", "text"),
                        Map.entry("is_bulk", "boolean"),
                        Map.entry("price", "integer"),
                        Map.entry("dt_of_license", "date"));

        try (ConfigurableApplicationContext app = SpringApplication.run(
                AtriumApplication.class,
                "--server.port=0",
                stores[0],
                stores[1],
                stores[2],
                "--atrium.jwt.secret=a-key-of-the-graders-deployment-32-bytes-or-more")) {
            String page = "http://localhost:"
                    + ((WebServerApplicationContext) app).getWebServer().getPort();

            HttpResponse<String> unknown = submit(page, "nobody@example.com", "not-a-password");
            assertThat(unknown.statusCode()).isEqualTo(401);
            assertThat(unknown.body()).isEqualTo("{\"status\":\"error\",\"message\":\"user does not exist\"}");
            assertThat(count("user_sessions")).isZero();
            assertThat(count("goods")).isZero();

            HttpResponse<String> first = submit(page, "demo@atrium.dev", "demo-password");
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).contains("\"status\":\"success\"");
            assertThat(count("user_sessions")).isEqualTo(1);
            assertThat(database.sql("SELECT opened_at IS NOT NULL FROM user_sessions")
                            .query(Boolean.class)
                            .single())
                    .isTrue();
            assertThat(count("goods")).isEqualTo(999);

            HttpResponse<String> second = submit(page, "demo@atrium.dev", "demo-password");
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(count("user_sessions")).isEqualTo(2);
            assertThat(count("goods")).isEqualTo(1998);
        }
    }

    private static HttpResponse<String> submit(String page, String login, String password) throws Exception {
        String form = "login=" + java.net.URLEncoder.encode(login, java.nio.charset.StandardCharsets.UTF_8)
                + "&password=" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(page + "/api"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static int migrate(String... stores) throws Exception {
        Method run = AtriumApplication.class.getDeclaredMethod("run", String[].class);
        run.setAccessible(true);
        String[] args = new String[stores.length + 1];
        args[0] = "migrate";
        System.arraycopy(stores, 0, args, 1, stores.length);
        return (int) run.invoke(null, (Object) args);
    }

    private static long count(String table) {
        return database.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static List<Map.Entry<String, String>> goodsColumns() {
        return database.sql("""
                        SELECT column_name, data_type FROM information_schema.columns
                        WHERE table_name = 'goods' ORDER BY ordinal_position""")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list();
    }
}
