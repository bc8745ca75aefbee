package dev.atrium.web;

import dev.atrium.shared.web.BrowserPages;
import dev.atrium.shared.web.RequestIdAttribute;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers what reaches the servlet container's error page (a failure before Spring MVC, such as a malformed URL) with
 * a problem body too, instead of Spring Boot's default error JSON; a person's browser outside the API gets the same
 * words as a page (see {@link BrowserPages}).
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    // One method for both kinds of answer: two mappings told apart by what they produce would tie on Accept: */*.
    @RequestMapping(path = "/error")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setDetail(
                status.is5xxServerError()
                        ? "Something went wrong on our side. Quote the request id when reporting it."
                        : "The request could not be served: "
                                + status.getReasonPhrase().toLowerCase());
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException malformed) {
                // A path Tomcat let through but that is no URI (a bare %): the answer goes without an instance.
            }
        }
        String requestId = RequestIdAttribute.of(request);
        if (requestId != null) {
            problem.setProperty("request_id", requestId);
        }
        if (BrowserPages.wantPage(request)) {
            return new ModelAndView(
                    BrowserPages.ERROR_VIEW,
                    Map.of(
                            "status", status.value(),
                            "title", problem.getTitle(),
                            "detail", problem.getDetail(),
                            "requestId", requestId == null ? "" : requestId),
                    status);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
