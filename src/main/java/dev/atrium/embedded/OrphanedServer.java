package dev.atrium.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A server process that an earlier Atrium started and could not stop (it was killed): its pid file names it. It is
 * stopped before a new server opens the same data directory, so nothing is left running twice.
 */
final class OrphanedServer {

    private static final Log log = LogFactory.getLog(OrphanedServer.class);

    private OrphanedServer() {}

    static void stopIfRunning(Path pidFile, String name) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> process = Files.readAllLines(pidFile).stream()
                .findFirst()
                .map(String::trim)
                .filter(line -> line.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info()
                        .command()
                        .map(command -> command.contains("postgres") || command.contains("redis"))
                        .orElse(false));
        if (process.isEmpty()) {
            return;
        }
        ProcessHandle handle = process.get();
        log.warn("Stopping the " + name + " (pid " + handle.pid() + ") that a previous run left behind");
        // SIGTERM: PostgreSQL finishes its work and flushes (smart shutdown, clients are gone); Redis saves and exits.
        handle.destroy();
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception ex) {
            handle.destroyForcibly();
        }
        if (name.equals("Redis")) {
            Files.deleteIfExists(pidFile);
        }
    }
}
