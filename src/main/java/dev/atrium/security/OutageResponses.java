package dev.atrium.security;

import dev.atrium.shared.problem.ServiceUnavailable;
import dev.atrium.shared.web.RequestIdAttribute;
import dev.atrium.web.RequestId;
import dev.atrium.web.SecurityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * The last word on PostgreSQL or Redis not answering: a 503 with {@code Retry-After}, whichever filter or page the
 * failure escaped from. Spring MVC translates what controllers throw, but much of a request runs before it: Spring
 * Session reading the cookie's session from Redis (every browser request), the security filters (CSRF tokens kept in
 * that session, the admin panel's form sign-in, the session checks). A failure there used to reach the servlet
 * container, which sent its error dispatch through the same filters (Redis timing out again) and answered 500 with its
 * own HTML page. This filter runs outside all of them, so it needs neither the session nor the stores to answer: the API
 * gets a problem body, browser pages a plain page of their own.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // inside RequestId (the answer names the request), outside Spring Session
class OutageResponses extends OncePerRequestFilter {

    private static final Log log = LogFactory.getLog(OutageResponses.class);

    private final HandlerExceptionResolver problems;

    OutageResponses(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException ex) {
            if (!ServiceUnavailable.isDataStoreOutage(ex) || response.isCommitted()) {
                throw ex;
            }
            log.warn("A data store is unavailable (" + request.getMethod() + " " + request.getRequestURI() + "): "
                    + ex.getMessage());
            answer(request, response);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Whatever the failed request had set (cookies, caching, a half-written page) must not go out with the 503.
        response.reset();
        SecurityHeaders.writeTo(response);
        String requestId = RequestIdAttribute.of(request);
        if (requestId != null) {
            response.setHeader(RequestId.HEADER, requestId);
        }
        if (isApi(request)) {
            problems.resolveException(request, response, null, ServiceUnavailable.dataStore());
        } else {
            page(response, requestId);
        }
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/actuator");
    }

    /**
     * A page of its own rather than a template of the panel: the panel's layout needs the session (its CSRF token) that
     * Redis holds.
     */
    private static void page(HttpServletResponse response, @Nullable String requestId) throws IOException {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", ServiceUnavailable.RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        String page = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Service unavailable · Atrium</title>
                  <link rel="stylesheet" href="/css/atrium.css">
                </head>
                <body>
                <div class="centered">
                  <div class="card">
                    <h1>Service unavailable</h1>
                    <p>A data store is not answering right now; try again in a few seconds.</p>
                    <p class="muted">Status 503%s</p>
                  </div>
                </div>
                </body>
                </html>
                """.formatted(requestId == null ? "" : " · request " + HtmlUtils.htmlEscape(requestId));
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
