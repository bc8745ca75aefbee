package dev.atrium.shared.web;

import dev.atrium.shared.problem.ProblemException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses, before anything else reads them, the parts of a request that would otherwise fail wherever they are first
 * touched, as a 500: parameters (query string and form body) that are not valid percent-encoded UTF-8 or that hold
 * control characters, a {@code Content-Type} that is not one media type, and an {@code Accept} that is no list of
 * media types. Tomcat parses parameters lazily and
 * throws from whichever {@code getParameter} call comes first (a filter, a controller, a link builder); Spring refuses
 * a wildcard or malformed content type only when a body is read. Parsing both here, once, turns each into one 4xx
 * problem, whatever endpoint was asked.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class MalformedRequests extends OncePerRequestFilter {

    private final HandlerExceptionResolver problems;

    MalformedRequests(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Exception refusal = contentTypeRefusal(request.getContentType());
        if (refusal == null) {
            refusal = acceptRefusal(request.getHeaders(HttpHeaders.ACCEPT));
        }
        if (refusal == null) {
            refusal = parameterRefusal(request);
        }
        if (refusal != null) {
            problems.resolveException(request, response, null, refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    private static @Nullable Exception contentTypeRefusal(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return new HttpMediaTypeNotSupportedException(
                        "Content-Type must name one media type, not a range: " + type, List.of());
            }
            return null;
        } catch (InvalidMediaTypeException malformed) {
            return new HttpMediaTypeNotSupportedException("Content-Type is not a media type", List.of());
        }
    }

    /**
     * An {@code Accept} header that does not parse fails wherever an answer is written, even after the endpoint has
     * done its work, and then leaves an answer without a body.
     */
    private static @Nullable Exception acceptRefusal(Enumeration<String> accepts) {
        while (accepts.hasMoreElements()) {
            try {
                MediaType.parseMediaTypes(accepts.nextElement());
            } catch (InvalidMediaTypeException malformed) {
                return new HttpMediaTypeNotAcceptableException("Accept is not a list of media types");
            }
        }
        return null;
    }

    private static @Nullable Exception parameterRefusal(HttpServletRequest request) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (InvalidParameterException invalid) {
            HttpStatus status = HttpStatus.resolve(invalid.getErrorCode());
            return status == HttpStatus.PAYLOAD_TOO_LARGE
                    ? MalformedRequest.tooManyParameters()
                    : MalformedRequest.undecodableParameters();
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (hasControlCharacter(parameter.getKey())) {
                return MalformedRequest.controlCharacter("a parameter name");
            }
            for (String value : parameter.getValue()) {
                if (hasControlCharacter(value)) {
                    return MalformedRequest.controlCharacter("parameter " + printable(parameter.getKey()));
                }
            }
        }
        return null;
    }

    /** NUL and the other C0 controls and DEL; tabs and line breaks are text (a form's text area sends them). */
    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static String printable(String name) {
        String cut = name.length() > 40 ? name.substring(0, 40) : name;
        return cut.replaceAll("[^A-Za-z0-9_.\\[\\]-]", "?");
    }

    /** A request whose parameters cannot be read as text. */
    static final class MalformedRequest extends ProblemException {

        private MalformedRequest(HttpStatus status, String detail) {
            super(status, "malformed-request", "Malformed request", detail);
        }

        static MalformedRequest undecodableParameters() {
            return new MalformedRequest(
                    HttpStatus.BAD_REQUEST,
                    "The query string or form body is not valid percent-encoded UTF-8 (e.g. %ff, or a lone %)");
        }

        static MalformedRequest tooManyParameters() {
            return new MalformedRequest(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "The request has more parameters, or a larger form body, than allowed");
        }

        static MalformedRequest controlCharacter(String where) {
            return new MalformedRequest(
                    HttpStatus.BAD_REQUEST, "A control character (such as NUL) is not allowed in " + where);
        }
    }
}
