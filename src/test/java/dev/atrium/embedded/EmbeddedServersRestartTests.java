package dev.atrium.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a developer sees across restarts of embedded mode: the data stays, and no server is left running twice. */
class EmbeddedServersRestartTests {

    Path directory;

    @BeforeEach
    void createDirectory() throws Exception {
        directory = Files.createTempDirectory("atrium-restart-");
    }

    @AfterEach
    void deleteDirectory() {
        DirectoryDeletion.deleteQuietly(directory);
    }

    @Test
    void data_written_before_a_restart_is_there_after_it() {
        EmbeddedServers first = EmbeddedServers.start(directory, true, true, true, false);
        database(first).sql("CREATE TABLE notes (text text)").update();
        database(first).sql("INSERT INTO notes VALUES ('kept')").update();
        redis(first, "SET", "session", "kept");
        first.stop();

        EmbeddedServers second = EmbeddedServers.start(directory, true, true, true, false);
        try {
            assertThat(database(second)
                            .sql("SELECT text FROM notes")
                            .query(String.class)
                            .single())
                    .isEqualTo("kept");
            assertThat(redis(second, "GET", "session")).isEqualTo("kept");
        } finally {
            second.stop();
        }
    }

    @Test
    void servers_left_behind_by_a_killed_run_are_stopped_before_new_ones_start() throws Exception {
        Process killedRun = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        AbandonedServers.class.getName(),
                        directory.toString())
                .redirectErrorStream(true)
                .start();
        try (var output = killedRun.inputReader()) {
            String line;
            while ((line = output.readLine()) != null && !line.equals("ready")) {
                // The child's own log lines.
            }
        }
        killedRun.destroyForcibly().waitFor();
        assertThat(pidsServing(directory.resolve("postgres"))).isEqualTo(1);

        EmbeddedServers next = EmbeddedServers.start(directory, true, true, true, false);
        try {
            assertThat(database(next).sql("SELECT 1").query(Integer.class).single())
                    .isEqualTo(1);
            assertThat(pidsServing(directory.resolve("postgres"))).isEqualTo(1);
        } finally {
            next.stop();
        }
        assertThat(pidsServing(directory.resolve("postgres"))).isZero();
    }

    @Test
    void a_second_atrium_on_the_same_data_is_refused_with_a_reason() {
        EmbeddedServers running = EmbeddedServers.start(directory, true, false, true, false);
        try {
            assertThatThrownBy(() -> EmbeddedServers.start(directory, true, false, true, false))
                    .hasMessageContaining("already running embedded servers with data in " + directory);
        } finally {
            running.stop();
        }
    }

    /** Starts embedded servers in a JVM of its own, says so, and waits to be killed. */
    static final class AbandonedServers {
        public static void main(String[] args) throws Exception {
            EmbeddedServers.start(Path.of(args[0]), true, true, true, false);
            System.out.println("ready");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static long pidsServing(Path dataDirectory) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .arguments()
                        .map(arguments -> String.join(" ", arguments).contains("-D " + dataDirectory))
                        .orElse(false))
                .count();
    }

    private static JdbcClient database(EmbeddedServers servers) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(servers.jdbcUrl());
        dataSource.setUser("postgres");
        return JdbcClient.create(dataSource);
    }

    private static String redis(EmbeddedServers servers, String command, String... arguments) {
        RedisClient client = RedisClient.create(servers.redisUrl());
        try (var connection = client.connect()) {
            return switch (command) {
                case "SET" -> connection.sync().set(arguments[0], arguments[1]);
                case "GET" -> connection.sync().get(arguments[0]);
                default -> throw new IllegalArgumentException(command);
            };
        } finally {
            client.shutdown();
        }
    }
}
