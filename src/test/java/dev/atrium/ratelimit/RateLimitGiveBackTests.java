package dev.atrium.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;

/** A permit given back after a failure never hides that failure, even when Redis fails the give-back too. */
class RateLimitGiveBackTests {

    @Test
    void a_give_back_that_fails_is_attached_to_the_failure_that_caused_it() {
        RateLimits store = mock(RateLimits.class);
        QueryTimeoutException redisAway = new QueryTimeoutException("Redis command timed out");
        when(store.buckets()).thenThrow(redisAway);
        RateLimit failing = new RateLimit(
                store,
                "give-back",
                BucketConfiguration.builder()
                        .addLimit(limit -> limit.capacity(1).refillIntervally(1, Duration.ofMinutes(1)))
                        .build());
        IllegalStateException original = new IllegalStateException("the sign-in failed");

        failing.giveBackAfter("192.0.2.1", original);

        assertThat(original.getSuppressed()).containsExactly(redisAway);
    }
}
