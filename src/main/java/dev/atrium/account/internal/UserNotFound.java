package dev.atrium.account.internal;

import dev.atrium.shared.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No user has this id; deactivated users are not found either, except by administrators. */
public final class UserNotFound extends ProblemException {

    private UserNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "user-not-found", "User not found", "User " + id + " does not exist");
    }

    public static UserNotFound byId(long id) {
        return new UserNotFound(id);
    }
}
