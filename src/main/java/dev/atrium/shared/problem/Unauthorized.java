package dev.atrium.shared.problem;

import org.springframework.http.HttpStatus;

/** No valid credentials came with the request: missing, expired, revoked or not ours. */
public final class Unauthorized extends ProblemException {

    private Unauthorized(String detail) {
        super(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    }

    public static Unauthorized because(String detail) {
        return new Unauthorized(detail);
    }
}
