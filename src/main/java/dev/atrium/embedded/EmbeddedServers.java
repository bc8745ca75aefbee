package dev.atrium.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import redis.embedded.RedisServer;

/**
 * A real PostgreSQL and a real Redis, started as child processes of Atrium when nothing external is configured.
 *
 * <p>Both keep their data under one directory, so a second start finds what the first one wrote. A server left
 * running by an Atrium that was killed is stopped before a new one starts on the same directory.
 */
public final class EmbeddedServers implements DisposableBean {

    private static final Log log = LogFactory.getLog(EmbeddedServers.class);

    /** The name under which a Spring context holds the servers it owns, so that it stops them last. */
    public static final String BEAN_NAME = "atriumEmbeddedServers";

    static final String DATABASE = "atrium";

    private final Path dataDirectory;
    private final boolean ephemeral;
    private volatile @Nullable EmbeddedPostgres postgres;
    private volatile @Nullable RedisServer redis;
    private int postgresPort;
    private int redisPort;
    private CompletableFuture<Void> ready = CompletableFuture.completedFuture(null);
    private boolean stopped;

    private EmbeddedServers(Path dataDirectory, boolean ephemeral) {
        this.dataDirectory = dataDirectory;
        this.ephemeral = ephemeral;
    }

    /**
     * Starts the servers asked for, in parallel, and waits until both accept connections.
     *
     * @param dataDirectory where PostgreSQL ({@code postgres/}) and Redis ({@code redis/}) keep their files
     * @param durable whether commits are flushed to disk (off only for throwaway test data)
     * @param ephemeral whether the data directory is deleted when the servers stop
     */
    public static EmbeddedServers start(
            Path dataDirectory, boolean withPostgres, boolean withRedis, boolean durable, boolean ephemeral) {
        EmbeddedServers servers = launch(dataDirectory, withPostgres, withRedis, durable, ephemeral);
        servers.awaitReady();
        return servers;
    }

    /**
     * Starts the servers in the background and returns at once: their addresses are fixed up front, so the rest of
     * the application can start while PostgreSQL opens its data directory. {@link #awaitReady()} waits for them.
     */
    public static EmbeddedServers launch(
            Path dataDirectory, boolean withPostgres, boolean withRedis, boolean durable, boolean ephemeral) {
        var servers = new EmbeddedServers(dataDirectory.toAbsolutePath().normalize(), ephemeral);
        // Until a Spring context owns these servers, a JVM shutdown hook is their only way to stop.
        Runtime.getRuntime().addShutdownHook(new Thread(servers::stop, "atrium-embedded-servers-stop"));
        try {
            if (!ephemeral) {
                refuseIfInUse(servers.dataDirectory);
            }
            servers.postgresPort = withPostgres ? freePort() : 0;
            servers.redisPort = withRedis ? freePort() : 0;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        var postgres = withPostgres
                ? CompletableFuture.runAsync(() -> servers.startPostgres(durable))
                : CompletableFuture.completedFuture(null);
        var redis =
                withRedis ? CompletableFuture.runAsync(servers::startRedis) : CompletableFuture.completedFuture(null);
        servers.ready = CompletableFuture.allOf(postgres, redis);
        return servers;
    }

    /** Blocks until the servers accept connections; a server that could not start fails here, saying why. */
    public void awaitReady() {
        try {
            ready.join();
        } catch (CompletionException ex) {
            stop();
            Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
            String reason = cause.getMessage() != null ? cause.getMessage() : cause.toString();
            throw new IllegalStateException("Could not start the embedded servers: " + reason, cause);
        }
    }

    /**
     * A running PostgreSQL holds a lock on its data directory for as long as the JVM that started it lives. If that
     * lock is taken, another Atrium is using these files; if it is free, any server found running there was left by a
     * run that was killed, and may be stopped.
     */
    private static void refuseIfInUse(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve("postgres").resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        try (var channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another Atrium is running with its data in " + dataDirectory
                        + ": stop it first, or give this one its own directory with ATRIUM_DATA_DIR");
            }
        } catch (OverlappingFileLockException ex) {
            throw new IllegalStateException(
                    "This JVM is already running embedded servers with data in " + dataDirectory);
        }
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public boolean hasRedis() {
        return redisPort != 0;
    }

    public String jdbcUrl() {
        if (postgresPort == 0) {
            throw new IllegalStateException("No embedded PostgreSQL was started");
        }
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + DATABASE;
    }

    public String redisUrl() {
        if (redisPort == 0) {
            throw new IllegalStateException("No embedded Redis was started");
        }
        return "redis://127.0.0.1:" + redisPort + "/0";
    }

    private void startPostgres(boolean durable) {
        Path directory = dataDirectory.resolve("postgres");
        try {
            Files.createDirectories(directory);
            OrphanedServer.stopIfRunning(directory.resolve("postmaster.pid"), "PostgreSQL");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(postgresPort)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "200");
            if (durable) {
                // zonky's defaults favour test speed (fsync off, asynchronous commit); Atrium's data must survive.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            EmbeddedPostgres started = whileTextFileBusy(builder::start);
            this.postgres = started;
            createDatabase(started);
            log.info("Embedded PostgreSQL is up on 127.0.0.1:" + started.getPort() + ", data in " + directory);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void createDatabase(EmbeddedPostgres postgres) {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + DATABASE);
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("Could not create the database '" + DATABASE + "': " + ex.getMessage(), ex);
        }
    }

    private void startRedis() {
        Path directory = dataDirectory.resolve("redis");
        try {
            Files.createDirectories(directory);
            Path pidFile = directory.resolve("redis.pid");
            OrphanedServer.stopIfRunning(pidFile, "Redis");
            RedisServer server = RedisServer.newRedisServer()
                    .port(redisPort)
                    .bind("127.0.0.1")
                    .setting("dir " + directory)
                    .setting("pidfile " + pidFile)
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .setting("save \"\"")
                    .setting("protected-mode yes")
                    .build();
            whileTextFileBusy(() -> {
                server.start();
                return server;
            });
            this.redis = server;
            log.info("Embedded Redis is up on 127.0.0.1:" + redisPort + ", data in " + directory);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Starting a program just written to disk fails with "Text file busy" when another thread forks at that moment
     * (the child briefly holds the file open for writing): PostgreSQL and Redis are unpacked and started in parallel,
     * so each start is retried a few times before giving up.
     */
    static <T> T whileTextFileBusy(IOAction<T> start) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return start.run();
            } catch (IOException | RuntimeException ex) {
                if (attempt == 5 || !textFileBusy(ex)) {
                    throw ex;
                }
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw ex;
                }
            }
        }
    }

    private static boolean textFileBusy(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("Text file busy")) {
                return true;
            }
        }
        return false;
    }

    @FunctionalInterface
    interface IOAction<T> {
        T run() throws IOException;
    }

    private static int freePort() throws IOException {

        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void destroy() {
        stop();
    }

    /** Stops whatever was started; safe to call more than once and from any thread. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            // A server still starting would otherwise be left running.
            ready.join();
        } catch (CompletionException ignored) {
            // Whatever did start is stopped below.
        }
        if (redis != null) {
            try {
                redis.stop();
            } catch (IOException | RuntimeException ex) {
                log.warn("Could not stop the embedded Redis: " + ex.getMessage());
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException | RuntimeException ex) {
                log.warn("Could not stop the embedded PostgreSQL: " + ex.getMessage());
            }
        }
        if (ephemeral) {
            DirectoryDeletion.deleteQuietly(dataDirectory);
        }
    }
}
