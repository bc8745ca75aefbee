package dev.atrium.shared.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisCommandTimeoutException;
import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;

/** Which failures count as a store not answering (503), however deeply they are wrapped, and which do not. */
class ServiceUnavailableTests {

    @Test
    void a_store_that_does_not_answer_is_recognised_through_any_wrapping() {
        // Bucket4j hands Lettuce's timeout on inside its own exceptions; a filter's failure arrives as a servlet one.
        assertThat(ServiceUnavailable.isDataStoreOutage(new ServletException(
                        new CompletionException(new RedisCommandTimeoutException("Command timed out")))))
                .isTrue();
        assertThat(ServiceUnavailable.isDataStoreOutage(
                        new IllegalStateException(new RedisConnectionFailureException("Unable to connect"))))
                .isTrue();
        assertThat(ServiceUnavailable.isDataStoreOutage(new QueryTimeoutException("Redis command timed out")))
                .isTrue();
        assertThat(ServiceUnavailable.isDataStoreOutage(
                        new RuntimeException(new SQLTransientConnectionException("Connection is not available"))))
                .isTrue();
        // PostgreSQL's driver after a socket read timed out, and a server shutting down.
        assertThat(ServiceUnavailable.isDataStoreOutage(new SQLException("An I/O error occurred", "08006")))
                .isTrue();
        assertThat(ServiceUnavailable.isDataStoreOutage(new SQLException("terminating connection", "57P01")))
                .isTrue();
        // A statement PostgreSQL cancelled for taking longer than statement_timeout.
        assertThat(ServiceUnavailable.isDataStoreOutage(new RuntimeException(
                        new SQLException("canceling statement due to statement timeout", "57014"))))
                .isTrue();
        assertThat(ServiceUnavailable.isDataStoreOutage(ServiceUnavailable.dataStore()))
                .isTrue();
    }

    @Test
    void mistakes_and_a_busy_server_are_not_outages_of_a_store() {
        assertThat(ServiceUnavailable.isDataStoreOutage(new IllegalStateException("a bug")))
                .isFalse();
        assertThat(ServiceUnavailable.isDataStoreOutage(new DataIntegrityViolationException(
                        "duplicate key", new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(ServiceUnavailable.isDataStoreOutage(ServiceUnavailable.busy("Too many sign-ins at once")))
                .isFalse();
        assertThat(ServiceUnavailable.isDataStoreOutage(null)).isFalse();
    }

    @Test
    void every_503_says_when_to_retry() {
        assertThat(ServiceUnavailable.dataStore().getHeaders().getFirst("Retry-After"))
                .isEqualTo(ServiceUnavailable.RETRY_AFTER_SECONDS);
        assertThat(ServiceUnavailable.busy("busy").getHeaders().getFirst("Retry-After"))
                .isEqualTo(ServiceUnavailable.RETRY_AFTER_SECONDS);
    }
}
