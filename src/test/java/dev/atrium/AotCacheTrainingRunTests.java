package dev.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image records the JVM's AOT cache by starting Atrium once while the image is built, where there is no
 * database and no Redis (see the Dockerfile): that run must get through the whole context and exit 0, or the image
 * cannot be built. A bean that reaches a server while the context starts breaks it, and this test says so first.
 */
class AotCacheTrainingRunTests {

    @Test
    void the_training_run_of_the_image_build_gets_through_the_context_without_a_database_or_redis(
            @TempDir Path directory) throws Exception {
        int nobody = closedPort();
        Path log = directory.resolve("training.log");
        Process training = new ProcessBuilder(List.of(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Dspring.context.exit=onRefresh",
                        "-cp",
                        System.getProperty("java.class.path"),
                        AtriumApplication.class.getName(),
                        // The same settings as the Dockerfile's training run.
                        "--atrium.database.url=jdbc:postgresql://127.0.0.1:" + nobody + "/training",
                        "--atrium.redis.url=redis://127.0.0.1:" + nobody,
                        "--atrium.jwt.secret=a-training-run-key-that-signs-nothing-0123456789",
                        "--spring.data.jdbc.dialect=postgresql",
                        "--server.port=0"))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            // A bound, not a guess: the run ends by itself once the context is refreshed, or fails at once.
            assertThat(training.waitFor(5, TimeUnit.MINUTES))
                    .as("the training run ends by itself")
                    .isTrue();
            assertThat(training.exitValue())
                    .as("exit code; its output:%n%s", Files.readString(log))
                    .isZero();
        } finally {
            training.destroyForcibly();
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
