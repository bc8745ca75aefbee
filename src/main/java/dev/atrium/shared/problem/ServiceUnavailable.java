package dev.atrium.shared.problem;

import io.lettuce.core.RedisException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpStatus;

/** A store Atrium depends on (PostgreSQL or Redis) does not answer; the request changed nothing and may be retried. */
public final class ServiceUnavailable extends ProblemException {

    /** Seconds a client is told to wait: about how long a restarted Redis or PostgreSQL takes to answer again. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private final boolean dataStore;

    private ServiceUnavailable(String detail, boolean dataStore) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable", detail);
        this.dataStore = dataStore;
        getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
    }

    public static ServiceUnavailable dataStore() {
        return new ServiceUnavailable("A data store is not answering right now; try again in a few seconds", true);
    }

    public static ServiceUnavailable busy(String detail) {
        return new ServiceUnavailable(detail, false);
    }

    /**
     * Whether a failure, or anything it wraps, is PostgreSQL or Redis not answering (down, frozen, unreachable, or
     * timing out), as opposed to a mistake in a request or in Atrium. Failures arrive wrapped in many ways: Spring's
     * translations, Bucket4j's and Spring Session's own exceptions, servlet and template exceptions; the cause chain is
     * what they share. Whatever this recognises answers 503 with {@code Retry-After}.
     */
    public static boolean isDataStoreOutage(@Nullable Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof ServiceUnavailable unavailable && unavailable.dataStore
                    || cause instanceof TransientDataAccessException // timeouts, a pool with no connection to give
                    || cause instanceof NonTransientDataAccessResourceException // a connection that cannot be had
                    || cause instanceof RedisConnectionFailureException
                    || cause instanceof RedisSystemException
                    || cause instanceof RedisException // untranslated, e.g. through Bucket4j
                    || cause instanceof SQLTransientConnectionException // Hikari's pool timing out
                    || cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * 08: connection exceptions (a socket read that timed out too); 57P0x: the server shutting down or starting;
     * 57014: a statement cancelled, by {@code statement_timeout} above all (PostgreSQL too slow to answer in time).
     */
    private static boolean isConnectionState(@Nullable String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0") || state.equals("57014"));
    }
}
