package dev.atrium.shared.problem;

import jakarta.validation.ConstraintViolation;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
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

    /**
     * The field errors of Bean Validation violations found by a service (which validates what reaches it from the API
     * and the admin panel alike), named in snake_case as the caller wrote them: one error per field, its messages
     * joined when it breaks several rules.
     */
    public static List<FieldError> fieldErrors(Collection<? extends ConstraintViolation<?>> violations) {
        Map<String, SortedSet<String>> messages = new TreeMap<>();
        for (ConstraintViolation<?> violation : violations) {
            // "organizations[0].<list element>" is "organizations[0]" to the caller.
            String path = violation.getPropertyPath().toString().replaceAll("\\.?<[^>]*>", "");
            messages.computeIfAbsent(ProblemTranslation.snakePath(path), field -> new TreeSet<>())
                    .add(violation.getMessage());
        }
        return messages.entrySet().stream()
                .map(entry -> new FieldError(entry.getKey(), String.join("; ", entry.getValue())))
                .toList();
    }
}
