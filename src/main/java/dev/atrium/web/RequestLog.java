package dev.atrium.web;

import dev.atrium.shared.security.CurrentUser;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One line per request, at INFO: method, route, status, duration and, when signed in, the user's id; the request id
 * comes with every line written while serving it (see {@link RequestId}). The route is the pattern that matched
 * ({@code /api/products/{id}}), so that a line never carries what a path holds; the raw path, cut short, only when
 * nothing matched. Query strings, headers and bodies are never written: they may carry passwords and tokens. Probes
 * and static assets are logged at DEBUG, so that the console shows the traffic a person causes.
 *
 * <p>With {@code LOGGING_STRUCTURED_FORMAT_CONSOLE} the same fields are JSON members (key-value pairs of the event).
 */
@Configuration(proxyBeanMethods = false)
class RequestLog {

    static final int MAX_PATH = 200;

    private static final Logger log = LoggerFactory.getLogger(RequestLog.class);
    private static final String USER_ATTRIBUTE = RequestLog.class.getName() + ".user";
    private static final List<String> QUIET_PREFIXES =
            List.of("/css/", "/js/", "/images/", "/webjars/", "/swagger-ui/", "/actuator/health", "/livez", "/readyz");
    private static final List<String> QUIET_PATHS = List.of("/favicon.ico", "/swagger-ui.html");

    /** Writes the line: just inside {@link RequestId}, so that it carries the request id, and outside security. */
    @Bean
    FilterRegistrationBean<Lines> requestLines() {
        FilterRegistrationBean<Lines> registration = new FilterRegistrationBean<>(new Lines());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /**
     * Notes who the user is, from inside Spring Security's chain: by the time the outer filter writes its line the
     * security context has been cleared. A request refused by security itself is logged without a user.
     */
    @Bean
    FilterRegistrationBean<Users> requestUsers() {
        FilterRegistrationBean<Users> registration = new FilterRegistrationBean<>(new Users());
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    static final class Lines extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long started = System.nanoTime();
            boolean failed = true;
            try {
                chain.doFilter(request, response);
                failed = false;
            } finally {
                // An exception that escapes the chain becomes a 500 in the container.
                int status = failed ? 500 : response.getStatus();
                write(request, status, (System.nanoTime() - started) / 1_000_000);
            }
        }

        private static void write(HttpServletRequest request, int status, long millis) {
            String path = request.getRequestURI();
            Level level = quiet(path) ? Level.DEBUG : Level.INFO;
            if (!log.isEnabledForLevel(level)) {
                return;
            }
            String method = cut(request.getMethod(), 16);
            String route = route(request);
            Object user = request.getAttribute(USER_ATTRIBUTE);
            LoggingEventBuilder line = log.atLevel(level)
                    .addKeyValue("http_method", method)
                    .addKeyValue("http_route", route)
                    .addKeyValue("http_status", status)
                    .addKeyValue("duration_ms", millis);
            if (user != null) {
                line = line.addKeyValue("user_id", user);
            }
            line.log(
                    method + " " + route + " " + status + " " + millis + " ms" + (user == null ? "" : " user=" + user));
        }
    }

    static final class Users implements Filter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
                request.setAttribute(USER_ATTRIBUTE, user.id());
            }
            chain.doFilter(request, response);
        }
    }

    /** The pattern of the handler that served the request, or the raw path, cut short, when none matched. */
    static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        // "/**" is the catch-all of static resources: it matches everything and names nothing.
        if (pattern instanceof String matched && !matched.isEmpty() && !matched.equals("/**")) {
            return cut(matched, MAX_PATH);
        }
        return cut(request.getRequestURI(), MAX_PATH);
    }

    static boolean quiet(@Nullable String path) {
        if (path == null) {
            return false;
        }
        return QUIET_PATHS.contains(path) || QUIET_PREFIXES.stream().anyMatch(path::startsWith);
    }

    /** At most {@code max} characters, control characters replaced, so that a line cannot be forged or flooded. */
    static String cut(@Nullable String text, int max) {
        if (text == null) {
            return "";
        }
        String shown = text.length() > max ? text.substring(0, max) : text;
        StringBuilder plain = new StringBuilder(shown.length() + 1);
        shown.codePoints().forEach(c -> plain.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        if (text.length() > max) {
            plain.append('…');
        }
        return plain.toString();
    }
}
