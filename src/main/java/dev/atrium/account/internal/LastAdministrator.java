package dev.atrium.account.internal;

import dev.atrium.shared.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The change would leave no active administrator, and nobody could administer Atrium any more. */
public final class LastAdministrator extends ProblemException {

    private LastAdministrator(String detail) {
        super(HttpStatus.CONFLICT, "last-administrator", "Last administrator", detail);
    }

    public static LastAdministrator cannotBe(String what) {
        return new LastAdministrator("The last active administrator cannot be " + what + "; make another one first");
    }
}
