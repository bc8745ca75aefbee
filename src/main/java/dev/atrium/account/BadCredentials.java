package dev.atrium.account;

import dev.atrium.shared.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * The email and password do not name an active user. Unknown emails, wrong passwords and deactivated accounts all get
 * this same answer, in the same time, so that nobody can learn which emails have accounts.
 */
public final class BadCredentials extends ProblemException {

    private BadCredentials() {
        super(
                HttpStatus.UNAUTHORIZED,
                "bad-credentials",
                "Bad credentials",
                "No active user has this email and password");
    }

    public static BadCredentials create() {
        return new BadCredentials();
    }
}
