package dev.atrium.admin;

import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A refusal from a module's services, as the admin pages show it: a flash message and messages by field. */
public final class AdminProblems {

    private AdminProblems() {}

    public static String message(ProblemException problem) {
        String detail = problem.getBody().getDetail();
        return detail == null ? "That did not work" : detail;
    }

    public static Map<String, String> byField(ProblemException problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> properties = problem.getBody().getProperties();
        if (properties != null && properties.get("errors") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof FieldError error) {
                    errors.putIfAbsent(error.field(), error.message());
                }
            }
        }
        if (properties != null && properties.get("field") instanceof String field) {
            errors.putIfAbsent(field, message(problem));
        }
        return errors;
    }
}
