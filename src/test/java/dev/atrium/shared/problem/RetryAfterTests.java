package dev.atrium.shared.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.account.TooManySignInAttempts;
import dev.atrium.ratelimit.TooManyRequests;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every 429 rounds its wait up to whole seconds, the same way: a client that waits as told is not refused again. */
class RetryAfterTests {

    static Stream<Arguments> waits() {
        Function<Duration, ProblemException> requests = wait -> TooManyRequests.of("registrations", wait);
        Function<Duration, ProblemException> signIns = TooManySignInAttempts::retryAfter;
        return Stream.of(requests, signIns)
                .flatMap(refusal -> Stream.of(
                        Arguments.of(refusal, Duration.ZERO, 1),
                        Arguments.of(refusal, Duration.ofNanos(1), 1),
                        Arguments.of(refusal, Duration.ofMillis(999), 1),
                        Arguments.of(refusal, Duration.ofSeconds(1), 1),
                        Arguments.of(refusal, Duration.ofMillis(1_001), 2),
                        Arguments.of(refusal, Duration.ofMillis(14_500), 15),
                        Arguments.of(refusal, Duration.ofMinutes(15), 900)));
    }

    @ParameterizedTest
    @MethodSource("waits")
    void a_wait_is_told_in_whole_seconds_rounded_up(
            Function<Duration, ProblemException> refusal, Duration wait, long seconds) {
        ProblemException refused = refusal.apply(wait);
        assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo(Long.toString(seconds));
        assertThat(refused.getBody().getProperties()).containsEntry("retry_after_seconds", seconds);
        assertThat(refused.getMessage()).contains("try again in " + seconds + " seconds");
    }
}
