package dev.atrium.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atrium.AtriumApplication;
import dev.atrium.Replica;
import dev.atrium.embedded.EmbeddedServers;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Atrium killed with SIGKILL in the middle of a burst of orders on one product, then started again: no order is half
 * written, every order it acknowledged is there, and the stock equals what it was less exactly what the committed
 * orders took. Atrium runs in a JVM of its own here, so that it can really be killed.
 */
class KilledDuringOrdersTests {

    static final int STOCK = 1_000_000;
    /** Enough orders that the burst is in full swing, so that the kill lands among orders in flight. */
    static final int ACKNOWLEDGED_BEFORE_KILL = 50;
    /** Generous: on a loaded machine, starting a JVM and a burst of orders can take far longer than on a quiet one. */
    static final Duration PATIENCE = Duration.ofMinutes(3);

    static EmbeddedServers servers;
    static JdbcClient database;
    static long shop;
    static long product;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void storesWithAHotProduct() throws Exception {
        servers = EmbeddedServers.start(Files.createTempDirectory("atrium-killed-"), true, true, true, true);
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(servers.jdbcUrl());
        dataSource.setUser("postgres");
        database = JdbcClient.create(dataSource);
        Process migrate = atrium("migrate");
        assertThat(migrate.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(migrate.exitValue()).isZero();
        shop = database.sql("INSERT INTO shops (name) VALUES ('Hot shop') RETURNING id")
                .query(Long.class)
                .single();
        product = database.sql("INSERT INTO products (name, price) VALUES ('Hot item', 5.00) RETURNING id")
                .query(Long.class)
                .single();
        database.sql("INSERT INTO stock (shop_id, product_id, quantity) VALUES (?, ?, ?)")
                .params(shop, product, STOCK)
                .update();
    }

    @AfterAll
    static void stopStores() {
        servers.stop();
    }

    @Test
    void a_killed_atrium_leaves_no_half_order_and_no_lost_unit() throws Exception {
        int port = freePort();
        Process atrium = atrium("serve", "--server.port=" + port);
        String base = "http://127.0.0.1:" + port;
        String bearer = "Bearer " + signIn(base, atrium);

        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        String order = "{\"parts\":[{\"product\":" + product + ",\"quantity_in_order\":3}],\"shop\":" + shop + "}";
        try (ExecutorService buyers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int buyer = 0; buyer < 32; buyer++) {
                buyers.submit(() -> {
                    while (!killed.get()) {
                        try {
                            HttpResponse<String> answer = http.send(
                                    HttpRequest.newBuilder(URI.create(base + "/api/order"))
                                            .header("Authorization", bearer)
                                            .header("Content-Type", "application/json")
                                            .timeout(Duration.ofSeconds(30))
                                            .POST(HttpRequest.BodyPublishers.ofString(order))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (answer.statusCode() == 201) {
                                acknowledged.add(
                                        json.readTree(answer.body()).get("id").asLong());
                            }
                        } catch (Exception slowOrKilled) {
                            // A slow answer on a busy machine is no reason to stop buying; the kill is.
                            if (killed.get()) {
                                return;
                            }
                        }
                    }
                });
            }
            try {
                await("orders acknowledged before the kill")
                        .atMost(PATIENCE)
                        .pollInterval(Duration.ofMillis(20))
                        .failFast("Atrium stopped before the kill", () -> !atrium.isAlive())
                        .until(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);
            } finally {
                atrium.destroyForcibly();
                killed.set(true);
            }
            assertThat(atrium.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("orders acknowledged before the kill").isNotEmpty();
        System.out.println("Acknowledged before the kill: " + acknowledged.size() + " orders; stored: "
                + database.sql("SELECT count(*) FROM orders").query(Long.class).single());

        assertConsistent(acknowledged);

        // Started again, it carries on from exactly there.
        int again = freePort();
        Process restarted = atrium("serve", "--server.port=" + again);
        try {
            String restartedBase = "http://127.0.0.1:" + again;
            String token = "Bearer " + signIn(restartedBase, restarted);
            HttpResponse<String> next = http.send(
                    HttpRequest.newBuilder(URI.create(restartedBase + "/api/order"))
                            .header("Authorization", token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(order))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(next.statusCode()).isEqualTo(201);
            acknowledged.add(json.readTree(next.body()).get("id").asLong());
            assertConsistent(acknowledged);
        } finally {
            restarted.destroy();
            restarted.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static void assertConsistent(Set<Long> acknowledged) {
        List<Long> stored =
                database.sql("SELECT id FROM orders").query(Long.class).list();
        assertThat(stored).as("every acknowledged order was committed").containsAll(acknowledged);
        assertThat(database.sql("""
                        SELECT count(*) FROM orders o
                        WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)""").query(Long.class).single())
                .as("orders without their lines")
                .isZero();
        long taken = database.sql("SELECT coalesce(sum(quantity), 0) FROM order_lines WHERE product_id = ?")
                .param(product)
                .query(Long.class)
                .single();
        long left = database.sql("SELECT quantity FROM stock WHERE shop_id = ? AND product_id = ?")
                .params(shop, product)
                .query(Long.class)
                .single();
        assertThat(left).as("stock left").isEqualTo(STOCK - taken);
    }

    /** Signs the demo user in once Atrium answers, which takes as long as the JVM takes to start. */
    private String signIn(String base, Process atrium) {
        return await("Atrium answers a sign-in")
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(300))
                .failFast("Atrium stopped while starting", () -> !atrium.isAlive())
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> accessToken(base), Objects::nonNull);
    }

    private @Nullable String accessToken(String base) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/auth"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"demo@atrium.dev\",\"password\":\"demo-password\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 200
                ? json.readTree(answer.body()).get("access").asString()
                : null;
    }

    /** Atrium in a JVM of its own, on the test's PostgreSQL and Redis, with Atrium's classes only. */
    private static Process atrium(String command, String... arguments) throws Exception {
        List<String> line = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-cp",
                classPathWithoutTests(),
                AtriumApplication.class.getName(),
                command,
                "--atrium.database.url=" + servers.jdbcUrl(),
                "--atrium.database.username=postgres",
                "--atrium.redis.url=" + servers.redisUrl(),
                "--atrium.jwt.secret=" + Replica.SHARED_JWT_SECRET,
                "--logging.level.root=warn"));
        line.addAll(List.of(arguments));
        return new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(new File("target/killed-during-orders-" + command + ".log"))
                .start();
    }

    /** Surefire hands the test JVM a manifest-only jar; its Class-Path lists the real entries. */
    private static String classPathWithoutTests() throws Exception {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && entry.contains("surefire")) {
                try (JarFile jar = new JarFile(entry)) {
                    String manifest = jar.getManifest().getMainAttributes().getValue("Class-Path");
                    if (manifest != null) {
                        for (String url : manifest.split(" ")) {
                            entries.add(Path.of(URI.create(url)).toString());
                        }
                    }
                }
            } else {
                entries.add(entry);
            }
        }
        return entries.stream()
                .filter(entry -> !entry.contains("test-classes") && !entry.contains("surefire"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
