package dev.atrium.shared.problem;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A failure the caller can act on, answered as RFC 9457 {@code application/problem+json}. Each module names its own
 * problems as subclasses with static factories ({@code ProductNotFound.byId(id)}); {@link ProblemTranslation} turns
 * them into responses in one place.
 */
public class ProblemException extends ErrorResponseException {

    private static final String TYPE_BASE = "https://atrium.dev/problems/";

    /**
     * @param type a short slug naming the kind of problem, e.g. {@code not-enough-stock}; it becomes the type URI
     * @param title a short summary of that kind of problem, the same for every occurrence
     * @param detail what went wrong this time, in a sentence the caller can show
     */
    protected ProblemException(HttpStatus status, String type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /** Adds a member to the problem body, e.g. the product and quantities of a refused order line. */
    public ProblemException with(String name, Object value) {
        getBody().setProperty(name, value);
        return this;
    }

    /**
     * The whole seconds a client is told to wait for {@code wait}: rounded up, and at least 1, since a client that came
     * back sooner than the limit allows would only be refused again. Every {@code Retry-After} of a wait counts so.
     */
    public static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /** Says how long to wait, in {@code Retry-After} and in the body's {@code retry_after_seconds}. */
    protected final void retryAfter(long seconds) {
        getHeaders().set("Retry-After", Long.toString(seconds));
        with("retry_after_seconds", seconds);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist");
    }

    public static ProblemException badRequest(String type, String title, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, type, title, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static ProblemException conflict(String type, String title, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, type, title, detail);
    }
}
