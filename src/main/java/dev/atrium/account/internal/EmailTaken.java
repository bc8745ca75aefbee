package dev.atrium.account.internal;

import dev.atrium.shared.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** Another account already uses this email, whatever the case of its letters: an email names one account. */
public final class EmailTaken extends ProblemException {

    private EmailTaken(String email) {
        super(HttpStatus.CONFLICT, "email-taken", "Email taken", "An account with the email " + email + " exists");
        with("field", "email");
    }

    public static EmailTaken of(String email) {
        return new EmailTaken(email);
    }
}
