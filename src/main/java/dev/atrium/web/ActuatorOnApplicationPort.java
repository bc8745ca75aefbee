package dev.atrium.web;

import dev.atrium.shared.problem.ProblemException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * On the application port, the only actuator endpoint is health (with its liveness and readiness probes): metrics
 * and the endpoint index say too much to hand to the internet. Prometheus metrics are served on the management port
 * ({@code ATRIUM_MANAGEMENT_PORT}), whose server is a context of its own that this filter is not part of; when that
 * port is set, the actuator leaves the application port altogether and the probes stay at {@code /livez} and
 * {@code /readyz}.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class ActuatorOnApplicationPort extends OncePerRequestFilter {

    private final HandlerExceptionResolver problems;

    ActuatorOnApplicationPort(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The decoded, normalised path Tomcat maps with, not the raw URI: "/actuator/health/../prometheus" and
        // "/actuator;x/prometheus" are the metrics too.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean actuator = path.equals("/actuator") || path.startsWith("/actuator/");
        boolean health = path.equals("/actuator/health") || path.startsWith("/actuator/health/");
        return !actuator || health;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        problems.resolveException(request, response, null, ProblemException.notFound("This path"));
    }
}
