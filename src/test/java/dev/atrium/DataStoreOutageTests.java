package dev.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.embedded.EmbeddedServers;
import dev.atrium.web.SecurityHeaders;
import io.lettuce.core.RedisClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redis and PostgreSQL going away while Atrium serves, on servers of the test's own (so that it may freeze, kill and
 * restart them): every path a client or an administrator uses answers a 503 with {@code Retry-After}, quickly; nobody
 * is let in unchecked; and everything recovers without restarting Atrium.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataStoreOutageTests {

    /**
     * Atrium promises an answer within 2 s (its longest wait on a store is 1 s: a PostgreSQL connection or socket
     * read; Redis commands give up after 0.5 s). The test measures from before sending to after reading the whole
     * answer, on a loopback connection but on a small machine that other builds share, so it allows itself 0.5 s more:
     * what it may lose to its own HTTP client and to being descheduled.
     */
    static final Duration BOUND = Duration.ofMillis(2_500);

    static final String ADMIN_EMAIL = "outage-admin@atrium.dev";
    static final String ADMIN_PASSWORD = "outage-admin-password";

    static EmbeddedServers servers;
    static ConfigurableApplicationContext app;
    static String base;
    static Process restartedRedis;
    static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper json = JsonMapper.builder().build();

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
                "--atrium.admin.email=" + ADMIN_EMAIL,
                "--atrium.admin.password=" + ADMIN_PASSWORD);
        base = "http://localhost:"
                + ((WebServerApplicationContext) app).getWebServer().getPort();
        // Every write reaches the disk before Redis answers, so that a Redis killed right after a sign-in comes back
        // with that session (by default it syncs its append-only file once a second).
        redis(client -> client.configSet("appendfsync", "always"));
        // The API document is built on its first request, which takes seconds on a busy machine: built now, so that
        // during an outage the test measures what the outage costs, not that.
        assertThat(get("/api/schema", null).statusCode()).isEqualTo(200);
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
    @Order(1)
    void while_redis_is_frozen_every_path_answers_503_quickly_and_everything_works_again_after() throws Exception {
        Callers callers = Callers.signIn();
        ProcessHandle redis = redisProcess();
        List<Answer> answers;
        signal(List.of(redis), "STOP");
        try {
            answers = sendAll(probes(callers));
            // What needs no store still works.
            assertThat(get("/api/schema", null).statusCode()).isEqualTo(200);
            assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        } finally {
            signal(List.of(redis), "CONT");
        }
        assertUnavailable("Redis frozen", answers, Set.of("registration", "app token check"));
        assertRecovered(callers);
    }

    @Test
    @Order(2)
    void while_redis_is_down_every_path_answers_503_quickly_and_the_same_tokens_work_after_its_restart()
            throws Exception {
        Callers callers = Callers.signIn();
        ProcessHandle redis = redisProcess();
        String executable = redis.info().command().orElseThrow();
        redis.destroyForcibly();
        redis.onExit().get(10, TimeUnit.SECONDS);
        List<Answer> answers = sendAll(probes(callers));
        restartedRedis = new ProcessBuilder(
                        executable,
                        "--port",
                        redisPort(),
                        "--bind",
                        "127.0.0.1",
                        "--dir",
                        servers.dataDirectory().resolve("redis").toString(),
                        "--appendonly",
                        "yes",
                        "--appendfsync",
                        "always")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertUnavailable("Redis killed", answers, Set.of("registration", "app token check"));
        // Redis comes back with its append-only file: the sessions are still there.
        assertRecovered(callers);
    }

    @Test
    @Order(3)
    void while_postgresql_is_frozen_every_path_answers_503_quickly_and_everything_works_again_after() throws Exception {
        Callers callers = Callers.signIn();
        // The server and every backend serving a connection: a frozen machine, not just a frozen listener.
        ProcessHandle postmaster = postmaster();
        List<ProcessHandle> processes =
                Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
        List<Answer> answers;
        signal(processes, "STOP");
        try {
            answers = sendAll(probes(callers));
            assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        } finally {
            signal(processes, "CONT");
        }
        assertUnavailable("PostgreSQL frozen", answers, Set.of("refresh"));
        assertRecovered(callers);
    }

    @Test
    @Order(4)
    void while_postgresql_is_stopped_every_path_answers_503_quickly_and_everything_works_again_after_its_restart()
            throws Exception {
        Callers callers = Callers.signIn();
        ProcessHandle postmaster = postmaster();
        String directory = servers.dataDirectory().resolve("postgres").toString();
        List<String> arguments =
                commandLine(postmaster).subList(1, commandLine(postmaster).size());
        String options = String.join(" ", arguments.subList(2, arguments.size())); // all but "-D <dir>"
        String pgCtl = postmaster.info().command().orElseThrow().replace("bin/postgres", "bin/pg_ctl");
        // SIGINT is PostgreSQL's fast shutdown: clients are disconnected, the data is flushed.
        signal(List.of(postmaster), "INT");
        postmaster.onExit().get(30, TimeUnit.SECONDS);
        List<Answer> answers = sendAll(probes(callers));
        List<String> start = new ArrayList<>(List.of(pgCtl, "-D", directory, "-o", options, "-w", "start"));
        if ("root".equals(System.getProperty("user.name"))) {
            // As the embedded server itself does: PostgreSQL refuses to run as root, but not in a user namespace.
            start.addAll(0, List.of("unshare", "-U"));
        }
        Process restart = new ProcessBuilder(start)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(restart.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertUnavailable("PostgreSQL stopped", answers, Set.of("refresh"));
        assertRecovered(callers);
    }

    /** One request of one kind, and whether it is a page of the admin panel (which answers HTML, not JSON). */
    record Probe(String name, HttpRequest request, boolean page) {}

    record Answer(Probe probe, HttpResponse<String> response, Duration took) {
        int status() {
            return response.statusCode();
        }
    }

    /**
     * Everything a request may need a store for: signing in (both ways, and a wrong password, which the throttle
     * counts), refreshing, signing out, a call with an access token (its session is checked), registering, ordering,
     * a call with an AR app token (checked against its project), the admin panel with its session, the panel's form
     * sign-in, and the readiness probe.
     */
    static List<Probe> probes(Callers callers) {
        String fresh = "outage-" + UUID.randomUUID() + "@atrium.dev";
        return List.of(
                new Probe(
                        "API sign-in",
                        postJson("/api/auth", null, credentials("demo@atrium.dev", "demo-password")),
                        false),
                new Probe(
                        "sign-in throttle",
                        postJson("/api/auth", null, credentials("demo@atrium.dev", "not-the-password")),
                        false),
                new Probe(
                        "sign-in page",
                        postJson("/api", null, "{\"login\":\"demo@atrium.dev\",\"password\":\"demo-password\"}"),
                        false),
                new Probe(
                        "refresh",
                        postJson("/api/refresh", null, "{\"refresh\":\"" + callers.refresh() + "\"}"),
                        false),
                new Probe("sign-out", postJson("/api/logout", callers.toSignOut(), ""), false),
                new Probe(
                        "session check",
                        request("/api/sessions", callers.bearer()).build(),
                        false),
                new Probe(
                        "registration",
                        postJson(
                                "/api/users", null, "{\"email\":\"" + fresh + "\",\"password\":\"a long passphrase\"}"),
                        false),
                new Probe(
                        "order",
                        postJson(
                                "/api/order",
                                callers.bearer(),
                                "{\"parts\":[{\"product\":1,\"quantity_in_order\":1}]}"),
                        false),
                new Probe(
                        "app token check",
                        request("/api/project/" + callers.projectId() + "/imagetarget", callers.appBearer())
                                .build(),
                        false),
                new Probe(
                        "admin panel",
                        request("/admin", null)
                                .header("Cookie", callers.adminCookie())
                                .build(),
                        true),
                new Probe("admin form sign-in", callers.adminSignIn().submit(ADMIN_EMAIL, ADMIN_PASSWORD), true),
                new Probe(
                        "readiness probe",
                        request("/actuator/health/readiness", null).build(),
                        false));
    }

    static List<Answer> sendAll(List<Probe> probes) throws Exception {
        List<Answer> answers = new ArrayList<>();
        for (Probe probe : probes) {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(probe.request(), HttpResponse.BodyHandlers.ofString());
            answers.add(new Answer(probe, response, Duration.ofNanos(System.nanoTime() - started)));
        }
        return answers;
    }

    /**
     * Every probe answered within the bound, none with a 500; every one but those that do not need the store that
     * is away (which may carry on) answered 503 with {@code Retry-After}: a problem for the API, a page for the admin
     * panel.
     */
    static void assertUnavailable(String fault, List<Answer> answers, Set<String> notNeedingTheStore) {
        SoftAssertions softly = new SoftAssertions();
        for (Answer answer : answers) {
            Probe probe = answer.probe();
            // A successful answer's body may hold tokens, which must never reach a log: only refusals are shown.
            String what = fault + ", " + probe.name() + " (" + answer.status() + " in "
                    + answer.took().toMillis() + " ms)"
                    + (answer.status() >= 400
                            ? ": " + abbreviated(answer.response().body())
                            : "");
            System.out.println(what.replace("\n", " "));
            softly.assertThat(answer.took()).as(what).isLessThan(BOUND);
            if (notNeedingTheStore.contains(probe.name()) && answer.status() != 503) {
                softly.assertThat(answer.status()).as(what).isLessThan(500);
                continue;
            }
            softly.assertThat(answer.status()).as(what).isEqualTo(503);
            if (probe.name().equals("readiness probe")) {
                // Actuator's own answer, for load balancers: DOWN with 503 is all it has to say.
                continue;
            }
            softly.assertThat(answer.response().headers().firstValue("Retry-After"))
                    .as(what)
                    .isPresent();
            // The same security headers as every other answer, though the 503 starts afresh.
            SecurityHeaders.all()
                    .forEach((name, value) -> softly.assertThat(
                                    answer.response().headers().firstValue(name))
                            .as(what + ", " + name)
                            .contains(value));
            String contentType =
                    answer.response().headers().firstValue("Content-Type").orElse("");
            if (probe.page()) {
                softly.assertThat(contentType).as(what).startsWith("text/html");
                softly.assertThat(answer.response().body()).as(what).contains("Service unavailable");
            } else {
                softly.assertThat(contentType).as(what).isEqualTo("application/problem+json");
            }
            softly.assertThat(answer.response().body()).as(what).doesNotContain("Exception", "\tat ");
        }
        softly.assertAll();
    }

    /** Once the store answers again, without restarting Atrium: the same tokens and cookies work again. */
    static void assertRecovered(Callers callers) throws Exception {
        awaitStatus(200, () -> get("/actuator/health/readiness", null));
        awaitStatus(
                200,
                () -> http.send(
                        postJson("/api/auth", null, credentials("demo@atrium.dev", "demo-password")),
                        HttpResponse.BodyHandlers.ofString()));
        assertThat(get("/api/sessions", callers.bearer()).statusCode()).isEqualTo(200);
        assertThat(get("/api/project/" + callers.projectId() + "/imagetarget", callers.appBearer())
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> panel = http.send(
                request("/admin", null).header("Cookie", callers.adminCookie()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(panel.statusCode()).isEqualTo(200);
        HttpResponse<String> seedPage = http.send(
                postJson("/api", null, "{\"login\":\"demo@atrium.dev\",\"password\":\"demo-password\"}"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(seedPage.statusCode()).isEqualTo(200);
    }

    /** Polls until the answer has the status, for up to a minute (a restarted PostgreSQL replays its log first). */
    static void awaitStatus(int expected, ThrowingResponse send) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int last;
        do {
            last = send.get().statusCode();
            if (last == expected) {
                return;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        assertThat(last).as("the status after a minute of polling").isEqualTo(expected);
    }

    @FunctionalInterface
    interface ThrowingResponse {
        HttpResponse<String> get() throws Exception;
    }

    /**
     * Everyone the probes act as, signed in while the stores answer: a user with three sessions (one to use, one to
     * refresh, one to sign out), an AR project's app token, an administrator signed in to the panel, and a browser at
     * the panel's sign-in form.
     */
    record Callers(
            String bearer,
            String refresh,
            String toSignOut,
            long projectId,
            String appBearer,
            String adminCookie,
            AdminSignInForm adminSignIn) {

        static Callers signIn() throws Exception {
            JsonNode session = signInTokens();
            String bearer = "Bearer " + session.get("access").asString();
            String refresh = signInTokens().get("refresh").asString();
            String toSignOut = "Bearer " + signInTokens().get("access").asString();
            JsonNode project = json.readTree(
                    send(postJson("/api/project", bearer, "{\"name\":\"outage " + UUID.randomUUID() + "\"}"))
                            .body());
            long projectId = project.get("id").asLong();
            JsonNode appToken = json.readTree(send(postJson("/api/project/" + projectId + "/jwt", bearer, "{}"))
                    .body());
            String appBearer = "Bearer " + appToken.get("token").asString();
            AdminSignInForm adminForm = AdminSignInForm.open();
            HttpResponse<String> signedIn = send(adminForm.submit(ADMIN_EMAIL, ADMIN_PASSWORD));
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/admin"));
            String adminCookie = sessionCookie(signedIn).orElse(adminForm.cookie());
            assertThat(send(request("/admin", null)
                                    .header("Cookie", adminCookie)
                                    .build())
                            .statusCode())
                    .isEqualTo(200);
            return new Callers(bearer, refresh, toSignOut, projectId, appBearer, adminCookie, AdminSignInForm.open());
        }
    }

    /** The panel's sign-in form as a browser has it: its session cookie and the form's CSRF token. */
    record AdminSignInForm(String cookie, String csrf) {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        static AdminSignInForm open() throws Exception {
            HttpResponse<String> page = send(request("/admin/login", null).build());
            assertThat(page.statusCode()).isEqualTo(200);
            Matcher csrf = CSRF.matcher(page.body());
            assertThat(csrf.find()).as("the sign-in form has a CSRF token").isTrue();
            return new AdminSignInForm(sessionCookie(page).orElseThrow(), csrf.group(1));
        }

        HttpRequest submit(String email, String password) {
            String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            return request("/admin/login", null)
                    .header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
        }
    }

    static java.util.Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(Predicate.not(cookie -> cookie.contains("Max-Age=0")))
                .filter(cookie -> cookie.startsWith("SESSION="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .findFirst();
    }

    static JsonNode signInTokens() throws Exception {
        HttpResponse<String> response =
                send(postJson("/api/auth", null, credentials("demo@atrium.dev", "demo-password")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    static String credentials(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    static HttpRequest postJson(String path, String authorization, String body) {
        return request(path, authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** A request with a timeout far past the bound: a hang fails the bound's assertion instead of the whole run. */
    static HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    static HttpResponse<String> get(String path, String authorization) throws Exception {
        return send(request(path, authorization).build());
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviated(String body) {
        return body.length() > 160 ? body.substring(0, 160) + "…" : body;
    }

    interface RedisCommands {
        void run(io.lettuce.core.api.sync.RedisCommands<String, String> client);
    }

    static void redis(RedisCommands commands) {
        RedisClient client = RedisClient.create(servers.redisUrl());
        try (var connection = client.connect()) {
            commands.run(connection.sync());
        } finally {
            client.shutdown();
        }
    }

    /** Redis rewrites its own command line, so it is asked for its process id. */
    private static ProcessHandle redisProcess() {
        long[] pid = new long[1];
        redis(client -> pid[0] = client.info("server")
                .lines()
                .filter(line -> line.startsWith("process_id:"))
                .map(line ->
                        Long.parseLong(line.substring("process_id:".length()).trim()))
                .findFirst()
                .orElseThrow());
        return ProcessHandle.of(pid[0]).orElseThrow();
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
        List<String> command = new ArrayList<>();
        command.add(process.info().command().orElseThrow());
        command.addAll(List.of(process.info().arguments().orElseThrow()));
        return command;
    }

    private static void signal(List<ProcessHandle> processes, String signal) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(process -> command.add(Long.toString(process.pid())));
        assertThat(new ProcessBuilder(command).start().waitFor()).isZero();
    }
}
