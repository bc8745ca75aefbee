package dev.atrium.ratelimit;

import dev.atrium.shared.problem.ProblemException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** A client has used up a {@link RateLimit}: 429, with {@code Retry-After} saying when the next request may pass. */
public final class TooManyRequests extends ProblemException {

    private final long retryAfterSeconds;

    private TooManyRequests(String what, long retryAfterSeconds) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-requests",
                "Too many requests",
                "Too many " + what + "; try again in " + retryAfterSeconds + " seconds");
        this.retryAfterSeconds = retryAfterSeconds;
        retryAfter(retryAfterSeconds);
    }

    /** @param wait how long until the limit lets the next request pass; rounded up to whole seconds, at least 1 */
    public static TooManyRequests of(String what, Duration wait) {
        return new TooManyRequests(what, retryAfterSeconds(wait));
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
