package dev.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.embedded.EmbeddedServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The commands of the jar, and external mode: Atrium pointed at a PostgreSQL and a Redis it did not start (here a
 * second embedded pair started by the test) uses them and starts nothing of its own.
 */
class AtriumApplicationTests {

    static EmbeddedServers external;

    @BeforeAll
    static void startExternalServers() throws Exception {
        external = EmbeddedServers.start(Files.createTempDirectory("atrium-external-"), true, true, false, true);
    }

    @AfterAll
    static void stopExternalServers() {
        external.stop();
    }

    @Test
    void an_unknown_command_prints_the_usage_and_exits_with_2() {
        PrintStream err = System.err;
        var captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            assertThat(AtriumApplication.run("frobnicate")).isEqualTo(2);
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString()).contains("Unknown command: frobnicate", "migrate", "seed", "serve");
    }

    @Test
    void seed_takes_the_size_of_the_catalogue_as_two_arguments_or_one() {
        assertThat(AtriumApplication.seedProperties(new String[] {"--products", "1000000", "--debug"}))
                .containsExactly("--atrium.demo-data.products=1000000", "--debug");
        assertThat(AtriumApplication.seedProperties(new String[] {"--products=5000"}))
                .containsExactly("--atrium.demo-data.products=5000");
    }

    @Test
    void a_size_that_is_not_a_whole_number_in_range_is_refused_before_anything_starts() {
        PrintStream err = System.err;
        var captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            assertThat(AtriumApplication.run("seed", "--products", "lots")).isEqualTo(2);
            assertThat(AtriumApplication.run("seed", "--products=-5")).isEqualTo(2);
            assertThat(AtriumApplication.run("seed", "--products=20000000")).isEqualTo(2);
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString())
                .contains("--products needs a whole number from 0 to 10000000, not 'lots'")
                .contains("not '-5'", "not '20000000'")
                .doesNotContain("Exception");
    }

    @Test
    void migrate_applies_the_schema_to_an_external_database_and_exits_0() {
        int exitCode = AtriumApplication.run(
                "migrate",
                "--atrium.database.url=" + external.jdbcUrl(),
                "--atrium.database.username=postgres",
                "--atrium.redis.url=" + external.redisUrl(),
                "--spring.main.banner-mode=off");
        assertThat(exitCode).isEqualTo(0);
        Integer applied = externalDatabase()
                .sql("SELECT count(*) FROM flyway_schema_history WHERE success")
                .query(Integer.class)
                .single();
        assertThat(applied).isPositive();
    }

    @Test
    void serving_in_external_mode_uses_the_configured_servers_and_starts_none() throws Exception {
        AtriumApplication.run(
                "migrate",
                "--atrium.database.url=" + external.jdbcUrl(),
                "--atrium.database.username=postgres",
                "--atrium.redis.url=" + external.redisUrl());
        try (ConfigurableApplicationContext context = SpringApplication.run(
                AtriumApplication.class,
                "--server.port=0",
                "--atrium.database.url=" + postgresUrl(external.jdbcUrl()),
                "--atrium.redis.url=" + external.redisUrl(),
                "--atrium.jwt.secret=" + "external-mode-test-secret-".repeat(3))) {
            assertThat(context.getEnvironment().getProperty("atrium.mode")).isEqualTo("external");
            assertThat(context.containsBean(EmbeddedServers.BEAN_NAME)).isFalse();
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"UP\"");
        }
    }

    /** The form most hosting platforms hand out: postgres://user:password@host:port/database. */
    private static String postgresUrl(String jdbcUrl) {
        return jdbcUrl.replace("jdbc:postgresql://", "postgres://postgres:@");
    }

    private static JdbcClient externalDatabase() {
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(external.jdbcUrl());
        dataSource.setUser("postgres");
        return JdbcClient.create(dataSource);
    }
}
