package dev.atrium.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Tells a person's browser from an API client, for the failures both can meet: a browser that opened a page (it asks
 * for {@code text/html} by name) outside the API is shown a page, while the API, the actuator and every client that
 * does not ask for HTML by name ({@code curl}'s {@code *}{@code /*} included) keep their problem JSON.
 */
public final class BrowserPages {

    /** The view that shows a failure to a person: its status, title and detail, with links back in. */
    public static final String ERROR_VIEW = "page-error";

    private BrowserPages() {}

    /** Whether the failure of this request (or, on the error dispatch, of the request that failed) wants a page. */
    public static boolean wantPage(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed instanceof String uri ? uri : request.getRequestURI();
        String context = request.getContextPath();
        if (path.startsWith(context)) {
            path = path.substring(context.length());
        }
        if (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/actuator")) {
            return false;
        }
        return asksForHtml(request.getHeader(HttpHeaders.ACCEPT));
    }

    private static boolean asksForHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream()
                    .anyMatch(type -> !type.isWildcardSubtype()
                            && MediaType.TEXT_HTML.isCompatibleWith(type)
                            && type.getQualityValue() > 0);
        } catch (InvalidMediaTypeException ex) {
            return false;
        }
    }
}
