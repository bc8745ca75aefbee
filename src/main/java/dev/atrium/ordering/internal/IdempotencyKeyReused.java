package dev.atrium.ordering.internal;

import dev.atrium.shared.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** An Idempotency-Key already answered a request with another body (within the last 24 hours). */
public final class IdempotencyKeyReused extends ProblemException {

    private IdempotencyKeyReused(String key) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "idempotency-key-reused",
                "Idempotency key reused",
                "The Idempotency-Key '" + key + "' was used for a different request in the last 24 hours; "
                        + "use a new key for a new request");
    }

    public static IdempotencyKeyReused key(String key) {
        return new IdempotencyKeyReused(key);
    }
}
