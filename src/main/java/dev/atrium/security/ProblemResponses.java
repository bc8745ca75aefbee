package dev.atrium.security;

import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.problem.ServiceUnavailable;
import dev.atrium.shared.problem.Unauthorized;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Security's refusals (401, 403) answered as problem bodies by the same translation as every other error, so that a
 * missing token and a missing product look alike to a client.
 */
@Component
@ConditionalOnWebApplication
public class ProblemResponses
        implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler, RequestRejectedHandler {

    private final HandlerExceptionResolver problems;

    ProblemResponses(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) {
        String detail = request.getHeader("Authorization") == null
                ? "Sign in first: send 'Authorization: Bearer <access token>'"
                : "The access token is not valid: it is malformed, expired, revoked or its session has ended";
        Unauthorized problem = Unauthorized.because(detail);
        response.setHeader("WWW-Authenticate", "Bearer");
        problems.resolveException(request, response, null, problem);
    }

    /** A bearer token that could not be checked because a data store is down is a 503, never a pass. */
    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) {
        if (ex instanceof AuthenticationServiceException) {
            problems.resolveException(request, response, null, ServiceUnavailable.dataStore());
        } else {
            commence(request, response, ex);
        }
    }

    /** A URL the firewall refuses (an encoded slash, a semicolon, ...) is a 400 problem like any other bad input. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex) {
        problems.resolveException(
                request,
                response,
                null,
                ProblemException.badRequest(
                        "rejected-request",
                        "Rejected request",
                        "The URL or headers of this request are not accepted (e.g. encoded slashes or semicolons)"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex) {
        problems.resolveException(
                request, response, null, ProblemException.forbidden("You are not allowed to do this"));
    }
}
