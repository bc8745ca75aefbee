package dev.atrium;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Turns a failed start into the one line a person needs: what went wrong and what to do. Spring Boot's own report (a
 * banner, a description, an action and a stack trace) is silenced while {@link AtriumApplication#run} starts Atrium,
 * through {@link Quiet}; the stack trace stays available with {@code --debug}.
 */
final class StartupFailure {

    private StartupFailure() {}

    /** The reason, found by walking the cause chain from the outermost exception to the root. */
    static String reason(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable cause : chain) {
            if (cause instanceof PortInUseException portInUse) {
                return "port " + portInUse.getPort()
                        + " is already in use: stop the program listening there, or choose another port with SERVER_PORT";
            }
        }
        // Atrium's own refusals (the data folder in use, the signing key, the goods file, ...) are written for people;
        // the deepest one is the most precise.
        Throwable atriums = null;
        for (Throwable cause : chain) {
            if (thrownByAtrium(cause) && cause.getMessage() != null) {
                atriums = cause;
            }
        }
        if (atriums != null) {
            return atriums.getMessage();
        }
        for (Throwable cause : chain) {
            if (cause.getClass().getName().startsWith("org.postgresql.") && unreachable(cause)) {
                return "the database cannot be reached (" + cause.getMessage()
                        + "): check ATRIUM_DATABASE_URL and that PostgreSQL is running";
            }
            if (cause.getClass().getName().equals("io.lettuce.core.RedisConnectionException")) {
                return "Redis cannot be reached (" + rootMessage(cause)
                        + "): check ATRIUM_REDIS_URL and that Redis is running";
            }
        }
        Throwable root = chain.getLast();
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage())
                + " (run again with --debug for the details)";
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    private static boolean thrownByAtrium(Throwable cause) {
        StackTraceElement[] trace = cause.getStackTrace();
        return (cause instanceof IllegalStateException || cause instanceof IllegalArgumentException)
                && trace.length > 0
                && trace[0].getClassName().startsWith("dev.atrium.");
    }

    /** A connection that was refused, timed out or named an unknown host (SQL state class 08). */
    private static boolean unreachable(Throwable cause) {
        return (cause instanceof SQLException sql
                        && sql.getSQLState() != null
                        && sql.getSQLState().startsWith("08"))
                || chain(cause).stream()
                        .anyMatch(inner -> inner instanceof ConnectException || inner instanceof UnknownHostException);
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = chain(cause).getLast();
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /**
     * Tells Spring Boot that a failure has been reported, so that it prints neither its report nor the stack trace,
     * while the current thread runs {@link AtriumApplication#run} without {@code --debug}. Tests that start contexts
     * of their own keep Spring Boot's full report.
     */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static final class Quiet implements SpringBootExceptionReporter {

        private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

        static void activate() {
            ACTIVE.set(true);
        }

        static void deactivate() {
            ACTIVE.remove();
        }

        @Override
        public boolean reportException(Throwable failure) {
            return ACTIVE.get();
        }
    }
}
