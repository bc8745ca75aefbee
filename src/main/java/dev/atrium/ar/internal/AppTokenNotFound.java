package dev.atrium.ar.internal;

import dev.atrium.shared.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The project has no live app token with this id: it never existed, was deleted, or has expired. */
public final class AppTokenNotFound extends ProblemException {

    private AppTokenNotFound(String id) {
        super(
                HttpStatus.NOT_FOUND,
                "app-token-not-found",
                "App token not found",
                "No live app token " + id + " exists for this project");
        with("token_id", id);
    }

    public static AppTokenNotFound byId(String id) {
        return new AppTokenNotFound(id);
    }
}
