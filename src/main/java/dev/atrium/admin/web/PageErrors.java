package dev.atrium.admin.web;

import dev.atrium.shared.problem.ProblemTranslation;
import dev.atrium.shared.web.BrowserPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What a person meets most when typing an address: a page that does not exist (404) or a form sent with the wrong
 * method (405). A browser outside the API is shown that as a page with links back to the start and to the panel; an
 * API client gets exactly the problem JSON that {@link ProblemTranslation} gives it, headers ({@code Allow}) included.
 * Failures of the panel's own pages are {@link AdminErrors}'.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PageErrors {

    private final ProblemTranslation problems;

    PageErrors(ProblemTranslation problems) {
        this.problems = problems;
    }

    // Object: Spring MVC picks how to write the answer from the value returned, a page or a problem.
    @ExceptionHandler({
        NoResourceFoundException.class,
        NoHandlerFoundException.class,
        HttpRequestMethodNotSupportedException.class
    })
    Object failure(Exception ex, WebRequest request, HttpServletRequest servletRequest, HttpServletResponse response)
            throws Exception {
        ResponseEntity<Object> answer = problems.handleException(ex, request);
        if (answer == null) {
            // The response was already committed: nothing more can be said.
            return new ModelAndView();
        }
        if (!BrowserPages.wantPage(servletRequest) || !(answer.getBody() instanceof ProblemDetail problem)) {
            return answer;
        }
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        HttpStatus status = HttpStatus.valueOf(answer.getStatusCode().value());
        String requestId = problem.getProperties() == null
                ? null
                : (String) problem.getProperties().get("request_id");
        return new ModelAndView(
                BrowserPages.ERROR_VIEW,
                Map.of(
                        "status",
                        status.value(),
                        "title",
                        problem.getTitle() == null ? status.getReasonPhrase() : problem.getTitle(),
                        "detail",
                        // Spring's "No static resource x" speaks of files; a person asked for a page.
                        ex instanceof HttpRequestMethodNotSupportedException && problem.getDetail() != null
                                ? problem.getDetail()
                                : "There is no page at " + servletRequest.getRequestURI() + ".",
                        "requestId",
                        requestId == null ? "" : requestId),
                status);
    }
}
