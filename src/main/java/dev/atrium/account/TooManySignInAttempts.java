package dev.atrium.account;

import dev.atrium.shared.problem.ProblemException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** Too many failed sign-ins for this account or from this address: wait before trying again. */
public final class TooManySignInAttempts extends ProblemException {

    private TooManySignInAttempts(Duration retryAfter) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-sign-in-attempts",
                "Too many sign-in attempts",
                "Too many failed sign-ins; try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds");
        getHeaders().set("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        with("retry_after_seconds", Math.max(1, retryAfter.toSeconds()));
    }

    public static TooManySignInAttempts retryAfter(Duration wait) {
        return new TooManySignInAttempts(wait);
    }
}
