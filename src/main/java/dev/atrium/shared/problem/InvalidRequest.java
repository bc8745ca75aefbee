package dev.atrium.shared.problem;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A request whose fields break the rules, each broken rule named in {@code errors}. */
public final class InvalidRequest extends ProblemException {

    private InvalidRequest(String detail, List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        with("errors", errors);
    }

    public static InvalidRequest of(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        return new InvalidRequest(detail, errors);
    }

    public static InvalidRequest field(String field, String message) {
        return of(List.of(new FieldError(field, message)));
    }
}
