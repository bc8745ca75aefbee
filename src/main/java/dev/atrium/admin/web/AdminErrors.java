package dev.atrium.admin.web;

import dev.atrium.admin.AdminPages;
import dev.atrium.shared.problem.ProblemTranslation;
import dev.atrium.shared.problem.ServiceUnavailable;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;

/**
 * A failure on an admin page that the page did not turn into a flash message itself is shown as a page of the panel,
 * with the status and words the API would give it (a bad id is a 400, a missing thing a 404), rather than as the API's
 * problem JSON.
 */
@ControllerAdvice(annotations = AdminPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminErrors {

    private final ProblemTranslation problems;

    AdminErrors(ProblemTranslation problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Exception.class)
    String failure(Exception ex, WebRequest request, Model model, HttpServletResponse response) {
        ProblemDetail problem = problems.problemFor(ex, request);
        response.setStatus(problem.getStatus());
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            // A store not answering (or too much work at once): the browser, like an API client, learns when to retry.
            response.setHeader("Retry-After", ServiceUnavailable.RETRY_AFTER_SECONDS);
        }
        model.addAttribute("status", problem.getStatus());
        model.addAttribute("title", problem.getTitle());
        model.addAttribute("detail", problem.getDetail());
        return "admin/error";
    }
}
