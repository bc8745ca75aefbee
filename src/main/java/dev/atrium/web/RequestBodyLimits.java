package dev.atrium.web;

import dev.atrium.shared.problem.RequestBodyTooLarge;
import dev.atrium.shared.web.BodyLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses bodies over their endpoint's limit with 413, without reading them whole: a declared length is checked before
 * anything is read, and a body without one (chunked) is counted while it is read and cut off at the limit. Multipart
 * uploads are limited by {@code spring.servlet.multipart.*} instead.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimits extends OncePerRequestFilter {

    private final DataSize defaultLimit;
    private final List<BodyLimit> limits;
    private final HandlerExceptionResolver problems;
    private final AntPathMatcher matcher = new AntPathMatcher();

    RequestBodyLimits(
            @Value("${atrium.http.max-body-size:1MB}") DataSize defaultLimit,
            List<BodyLimit> limits,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.defaultLimit = defaultLimit;
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase().startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        DataSize limit = limitFor(request.getRequestURI());
        long declared = request.getContentLengthLong();
        if (declared > limit.toBytes()) {
            problems.resolveException(request, response, null, RequestBodyTooLarge.over(limit));
            return;
        }
        chain.doFilter(declared >= 0 ? request : new CountedRequest(request, limit), response);
    }

    private DataSize limitFor(String path) {
        for (BodyLimit limit : limits) {
            if (matcher.match(limit.pathPattern(), path)) {
                return limit.limit();
            }
        }
        return defaultLimit;
    }

    private static final class CountedRequest extends HttpServletRequestWrapper {

        private final DataSize limit;
        private ServletInputStream stream;

        CountedRequest(HttpServletRequest request, DataSize limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final DataSize limit;
        private long count;

        CountedStream(ServletInputStream in, DataSize limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > limit.toBytes()) {
                throw RequestBodyTooLarge.over(limit).asIOException();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
