package dev.atrium.admin.web;

import dev.atrium.admin.AdminPages;
import dev.atrium.shared.problem.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A failure on an admin page that the page did not turn into a flash message itself is shown as a page of the panel,
 * with its status, rather than as the API's problem JSON.
 */
@ControllerAdvice(annotations = AdminPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminErrors {

    private static final Log log = LogFactory.getLog(AdminErrors.class);

    @ExceptionHandler(ProblemException.class)
    String problem(ProblemException ex, Model model, HttpServletResponse response) {
        response.setStatus(ex.getStatusCode().value());
        model.addAttribute("status", ex.getStatusCode().value());
        model.addAttribute("title", ex.getBody().getTitle());
        model.addAttribute("detail", ex.getBody().getDetail());
        return "admin/error";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception ex, Model model, HttpServletResponse response) {
        log.error("Unexpected failure of an admin page", ex);
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        model.addAttribute("status", 500);
        model.addAttribute("title", "Something went wrong");
        model.addAttribute("detail", "Something went wrong on our side; the logs say more under this request's id.");
        return "admin/error";
    }
}
