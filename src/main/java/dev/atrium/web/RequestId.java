package dev.atrium.web;

import dev.atrium.shared.web.RequestIdAttribute;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, answered in {@code X-Request-Id} and carried by every log line written while serving it.
 * An id sent by the caller (or by nginx in front) is kept when it is short and plain, so one id follows a request
 * through every hop; anything else is replaced rather than echoed into logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestId extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** The id a request with this {@code X-Request-Id} header gets: the header when it is plain, else a new one. */
    static String forHeader(@Nullable String header) {
        return header != null && ACCEPTABLE.matcher(header).matches() ? header : newId();
    }

    /**
     * A random (version 4) UUID drawn from the thread's own generator. An id has to be unique, not secret: the
     * SecureRandom behind {@link UUID#randomUUID()} reads the kernel's generator under one lock shared by every
     * request, which showed in profiles of catalogue reads.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The error dispatch of a request is the same request: it keeps the id the request was given, so that the
        // error answer and its log lines name the request they belong to.
        String given = RequestIdAttribute.of(request);
        String id = given != null ? given : forHeader(request.getHeader(HEADER));
        RequestIdAttribute.set(request, id);
        response.setHeader(HEADER, id);
        // Written first, so that an answer refused by any later filter carries them too.
        SecurityHeaders.writeTo(response);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        // The error dispatch belongs to the same request: keep its id in the logs.
        return false;
    }
}
