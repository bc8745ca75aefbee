package dev.atrium.admin;

import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;

/** A refusal from a module's services, as the admin pages show it: a flash message and messages by field. */
public final class AdminProblems {

    private AdminProblems() {}

    /**
     * Puts a refusal on the form being shown again: the message as a flash-style failure, the field errors next to
     * their fields, and the refusal's status on the response.
     */
    public static void showOnForm(ProblemException problem, Model model, HttpServletResponse response) {
        model.addAttribute("failure", message(problem));
        model.addAttribute("errors", byField(problem));
        response.setStatus(problem.getStatusCode().value());
    }

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
