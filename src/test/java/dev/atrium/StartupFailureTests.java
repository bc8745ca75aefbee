package dev.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.embedded.EmbeddedServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that fails says why in one line on the standard error, with what to do, and exits 1: no Spring Boot report,
 * no stack trace.
 */
class StartupFailureTests {

    static final String SECRET = "startup-failure-test-secret-".repeat(3);

    static EmbeddedServers external;

    @BeforeAll
    static void startExternalServers() throws Exception {
        external = EmbeddedServers.start(Files.createTempDirectory("atrium-failures-"), true, true, false, true);
        assertThat(AtriumApplication.run(
                        "migrate",
                        "--atrium.database.url=" + external.jdbcUrl(),
                        "--atrium.database.username=postgres",
                        "--atrium.redis.url=" + external.redisUrl()))
                .isZero();
    }

    @AfterAll
    static void stopExternalServers() {
        external.stop();
    }

    @Test
    void a_second_atrium_on_the_same_data_folder_is_refused_in_one_line(@TempDir Path directory) throws Exception {
        Process first = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        FirstAtrium.class.getName(),
                        directory.toString())
                .redirectErrorStream(true)
                .start();
        try {
            try (var output = first.inputReader()) {
                String line;
                while ((line = output.readLine()) != null && !line.equals("ready")) {
                    // The first one's own log lines.
                }
            }
            start("--atrium.data-dir=" + directory, "--server.port=0")
                    .saysOnly("Another Atrium is running with its data in " + directory, "ATRIUM_DATA_DIR");
        } finally {
            first.getOutputStream().close();
            first.waitFor();
        }
    }

    /** Holds embedded servers on a data folder, in a JVM of its own, until its standard input closes. */
    static final class FirstAtrium {
        public static void main(String[] args) throws Exception {
            EmbeddedServers servers = EmbeddedServers.start(Path.of(args[0]), true, false, true, false);
            System.out.println("ready");
            System.in.read();
            servers.stop();
        }
    }

    @Test
    void a_port_in_use_is_named_with_what_to_do() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Start start = start(externalMode("--server.port=" + taken.getLocalPort(), "--atrium.jwt.secret=" + SECRET));
            start.saysOnly("port " + taken.getLocalPort() + " is already in use", "SERVER_PORT");
        }
    }

    @Test
    void a_missing_signing_key_outside_embedded_mode_is_named_with_what_to_do() {
        start(externalMode("--server.port=0")).saysOnly("No JWT signing key is configured", "ATRIUM_JWT_SECRET");
    }

    @Test
    void a_weak_signing_key_is_refused_in_one_line() {
        start(externalMode("--server.port=0", "--atrium.jwt.secret=short")).saysOnly("at least 32 bytes");
    }

    @Test
    void a_goods_file_that_cannot_be_read_is_named() {
        start(externalMode(
                        "--server.port=0", "--atrium.jwt.secret=" + SECRET, "--atrium.goods.file=no/such/goods.json"))
                .saysOnly("The goods file no/such/goods.json does not exist");
    }

    @Test
    void a_database_that_cannot_be_reached_is_named_with_what_to_do() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        start(
                        "--server.port=0",
                        "--atrium.jwt.secret=" + SECRET,
                        "--atrium.database.url=jdbc:postgresql://127.0.0.1:" + closed + "/atrium",
                        "--atrium.database.username=postgres",
                        "--atrium.redis.url=" + external.redisUrl())
                .saysOnly("the database cannot be reached", "ATRIUM_DATABASE_URL");
    }

    @Test
    void a_redis_that_cannot_be_reached_is_named_with_what_to_do() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        start(
                        "--server.port=0",
                        "--atrium.jwt.secret=" + SECRET,
                        "--atrium.database.url=" + external.jdbcUrl(),
                        "--atrium.database.username=postgres",
                        "--atrium.redis.url=redis://127.0.0.1:" + closed)
                .saysOnly("Redis cannot be reached", "ATRIUM_REDIS_URL");
    }

    @Test
    void with_debug_the_full_report_and_the_stack_trace_come_too() {
        Start start = start(externalMode("--server.port=0", "--debug"));
        assertThat(start.exitCode()).isEqualTo(1);
        assertThat(start.err().lines().toList().getLast())
                .isEqualTo(
                        "Atrium could not start: No JWT signing key is configured: set ATRIUM_JWT_SECRET (at least 32"
                                + " random bytes, e.g. `openssl rand -base64 48`) or ATRIUM_JWT_SECRET_FILE");
        assertThat(start.out() + start.err()).contains("Application run failed", "Caused by", "\tat ");
    }

    private static String[] externalMode(String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--atrium.database.url=" + external.jdbcUrl(),
                "--atrium.database.username=postgres",
                "--atrium.redis.url=" + external.redisUrl()));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    /** Runs Atrium as {@code java -jar atrium.jar} would, capturing what it prints. */
    private static Start start(String... arguments) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        var capturedOut = new ByteArrayOutputStream();
        var capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(capturedOut, true));
        System.setErr(new PrintStream(capturedErr, true));
        int exitCode;
        try {
            exitCode = AtriumApplication.run(arguments);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Start(exitCode, capturedOut.toString(), capturedErr.toString());
    }

    record Start(int exitCode, String out, String err) {

        void saysOnly(String... phrases) {
            assertThat(exitCode).isEqualTo(1);
            assertThat(err.lines().toList())
                    .singleElement()
                    .satisfies(line -> assertThat(line)
                            .startsWith("Atrium could not start: ")
                            .contains(phrases));
            assertThat(out + err)
                    .doesNotContain("\tat ", "Caused by", "APPLICATION FAILED TO START", "Application run failed");
        }
    }
}
