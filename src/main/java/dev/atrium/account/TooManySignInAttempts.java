package dev.atrium.account;

import dev.atrium.shared.problem.ProblemException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** Too many failed sign-ins for this account or from this address: wait before trying again. */
public final class TooManySignInAttempts extends ProblemException {

    private TooManySignInAttempts(long retryAfterSeconds) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-sign-in-attempts",
                "Too many sign-in attempts",
                "Too many failed sign-ins; try again in " + retryAfterSeconds + " seconds");
        retryAfter(retryAfterSeconds);
    }

    public static TooManySignInAttempts retryAfter(Duration wait) {
        return new TooManySignInAttempts(retryAfterSeconds(wait));
    }
}
