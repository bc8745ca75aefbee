package dev.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.shared.embedded.EmbeddedServers;
import io.lettuce.core.RedisClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis and PostgreSQL going away while Atrium serves, on servers of the test's own (so that it may stop them): nobody is
 * let in unchecked, answers are clean 503 problems, and everything recovers without restarting Atrium.
 */
class DataStoreOutageTests {

    static EmbeddedServers servers;
    static ConfigurableApplicationContext app;
    static String base;
    static Process restartedRedis;
    static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        servers = EmbeddedServers.start(Files.createTempDirectory("atrium-outage-"), true, true, false, true);
        app = org.springframework.boot.SpringApplication.run(
                AtriumApplication.class,
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=error",
                "--atrium.migrate-on-start=true",
                "--atrium.database.url=" + servers.jdbcUrl(),
                "--atrium.database.username=postgres",
                "--atrium.redis.url=" + servers.redisUrl(),
                "--atrium.jwt.secret=" + Replica.SHARED_JWT_SECRET,
                "--spring.datasource.hikari.connection-timeout=2000");
        base = "http://localhost:"
                + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        app.close();
        if (restartedRedis != null) {
            // Killed, not asked to stop: a Redis asked to stop first saves a snapshot, and refuses to exit when it
            // cannot, which outlived the test run once its data directory had gone.
            restartedRedis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        servers.stop();
    }

    @Test
    void while_redis_does_not_answer_signed_in_calls_get_503_and_then_recover() throws Exception {
        String bearer = "Bearer " + signIn();
        assertThat(get("/api/sessions", bearer).statusCode()).isEqualTo(200);
        ProcessHandle redis = redisProcess();
        signal(redis, "STOP");
        try {
            HttpResponse<String> refused = get("/api/sessions", bearer);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            // What needs no session still works.
            assertThat(get("/api/schema", null).statusCode()).isEqualTo(200);
            assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        } finally {
            signal(redis, "CONT");
        }
        assertThat(get("/api/sessions", bearer).statusCode()).isEqualTo(200);
    }

    @Test
    void after_redis_restarts_the_same_tokens_work_again_without_restarting_atrium() throws Exception {
        String bearer = "Bearer " + signIn();
        Thread.sleep(1500); // Redis syncs its append-only file every second
        ProcessHandle redis = redisProcess();
        String executable = redis.info().command().orElseThrow();
        redis.destroyForcibly();
        redis.onExit().get(10, TimeUnit.SECONDS);
        assertThat(get("/api/sessions", bearer).statusCode()).isEqualTo(503);
        restartedRedis = new ProcessBuilder(
                        executable,
                        "--port",
                        redisPort(),
                        "--bind",
                        "127.0.0.1",
                        "--dir",
                        servers.dataDirectory().resolve("redis").toString(),
                        "--appendonly",
                        "yes")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        // Redis comes back with its append-only file: the session is still there.
        assertThat(eventually(() -> get("/api/sessions", bearer).statusCode())).isEqualTo(200);
    }

    @Test
    void while_postgresql_restarts_requests_fail_cleanly_and_then_succeed_again() throws Exception {
        ProcessHandle postmaster = postmaster();
        String directory = servers.dataDirectory().resolve("postgres").toString();
        List<String> arguments =
                commandLine(postmaster).subList(1, commandLine(postmaster).size());
        String options = String.join(" ", arguments.subList(2, arguments.size())); // all but "-D <dir>"
        String pgCtl = postmaster.info().command().orElseThrow().replace("bin/postgres", "bin/pg_ctl");
        // SIGINT is PostgreSQL's fast shutdown: clients are disconnected, the data is flushed.
        signal(postmaster, "INT");
        postmaster.onExit().get(30, TimeUnit.SECONDS);
        HttpResponse<String> refused = signInResponse();
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).doesNotContain("Exception", "\tat ");
        List<String> start = new java.util.ArrayList<>(List.of(pgCtl, "-D", directory, "-o", options, "-w", "start"));
        if ("root".equals(System.getProperty("user.name"))) {
            // As the embedded server itself does: PostgreSQL refuses to run as root, but not in a user namespace.
            start.addAll(0, List.of("unshare", "-U"));
        }
        Process restart = new ProcessBuilder(start)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(restart.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(eventually(() -> signInResponse().statusCode())).isEqualTo(200);
    }

    private static int eventually(ThrowingStatus status) throws Exception {
        int last = -1;
        for (int attempt = 0; attempt < 60; attempt++) {
            last = status.get();
            if (last == 200) {
                return last;
            }
            Thread.sleep(500);
        }
        return last;
    }

    @FunctionalInterface
    interface ThrowingStatus {
        int get() throws Exception;
    }

    private static String signIn() throws Exception {
        HttpResponse<String> response = signInResponse();
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder()
                .build()
                .readTree(response.body())
                .get("access")
                .asString();
    }

    private static HttpResponse<String> signInResponse() throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/auth"))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(15))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"demo@atrium.dev\",\"password\":\"demo-password\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Redis rewrites its own command line, so it is asked for its process id. */
    private static ProcessHandle redisProcess() {
        RedisClient client = RedisClient.create(servers.redisUrl());
        try (var connection = client.connect()) {
            String info = connection.sync().info("server");
            long pid = info.lines()
                    .filter(line -> line.startsWith("process_id:"))
                    .map(line -> Long.parseLong(
                            line.substring("process_id:".length()).trim()))
                    .findFirst()
                    .orElseThrow();
            return ProcessHandle.of(pid).orElseThrow();
        } finally {
            client.shutdown();
        }
    }

    private static ProcessHandle postmaster() {
        String directory = servers.dataDirectory().resolve("postgres").toString();
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().orElse("").endsWith("bin/postgres"))
                .filter(process -> List.of(process.info().arguments().orElse(new String[0]))
                        .contains(directory))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No PostgreSQL serving " + directory));
    }

    private static String redisPort() {
        return servers.redisUrl().replaceAll(".*:(\\d+)/.*", "$1");
    }

    private static List<String> commandLine(ProcessHandle process) {
        List<String> command = new java.util.ArrayList<>();
        command.add(process.info().command().orElseThrow());
        command.addAll(List.of(process.info().arguments().orElseThrow()));
        return command;
    }

    private static void signal(ProcessHandle process, String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .start()
                .waitFor();
    }
}
