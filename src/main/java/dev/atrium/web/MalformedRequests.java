package dev.atrium.web;

import dev.atrium.shared.problem.ProblemException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
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
import org.springframework.web.util.UrlPathHelper;

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

    /**
     * What Spring Security's {@code StrictHttpFirewall} allows in a parameter or header name (assigned characters,
     * no control characters at all) and in a header value (the same, and tabs). It checks these lazily, when they are
     * read, and its refusal would end as a 500 wherever that happens: checked here first, they are a 400.
     */
    private static final Pattern PLAIN_NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    private final HandlerExceptionResolver problems;

    MalformedRequests(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Exception refusal = contentTypeRefusal(request.getContentType());
        if (refusal == null) {
            refusal = headerRefusal(request);
        }
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
     * Header names and values as Spring Security's firewall wants them. It checks them only when they are read, and
     * its refusal, thrown from deep inside whatever read them, would end as a 500.
     */
    private static @Nullable Exception headerRefusal(HttpServletRequest request) {
        Enumeration<String> names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (!PLAIN_NAME.matcher(name).matches()) {
                return MalformedRequest.controlCharacter("a header name");
            }
            Enumeration<String> values = request.getHeaders(name);
            while (values.hasMoreElements()) {
                if (!HEADER_VALUE.matcher(values.nextElement()).matches()) {
                    return MalformedRequest.controlCharacter("header " + printable(name));
                }
            }
        }
        return null;
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
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            // Reading the parameters would read the parts too, and a part's failure (too large, cut short) is Spring's
            // multipart handling's to report: only the query string is checked here.
            return queryRefusal(request.getQueryString());
        }
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
            if (!PLAIN_NAME.matcher(parameter.getKey()).matches()) {
                return MalformedRequest.controlCharacter("a parameter name");
            }
            if (parameter.getValue() == null || adminPanel(request)) {
                // The panel shows a NUL in a search as a 400 page of its own, in the panel's layout.
                continue;
            }
            for (String value : parameter.getValue()) {
                if (value != null && hasControlCharacter(value)) {
                    return MalformedRequest.controlCharacter("parameter " + printable(parameter.getKey()));
                }
            }
        }
        return null;
    }

    private static boolean adminPanel(HttpServletRequest request) {
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        return path.equals("/admin") || path.startsWith("/admin/");
    }

    private static @Nullable Exception queryRefusal(@Nullable String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            String name = strictlyDecoded(nameAndValue[0]);
            String value = nameAndValue.length > 1 ? strictlyDecoded(nameAndValue[1]) : "";
            if (name == null || value == null) {
                return MalformedRequest.undecodableParameters();
            }
            if (!PLAIN_NAME.matcher(name).matches()) {
                return MalformedRequest.controlCharacter("a parameter name");
            }
            if (hasControlCharacter(value)) {
                return MalformedRequest.controlCharacter("parameter " + printable(name));
            }
        }
        return null;
    }

    /** A query string component decoded as Tomcat would, or null where Tomcat would refuse it. */
    static @Nullable String strictlyDecoded(String component) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(component.length());
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '%') {
                if (i + 2 >= component.length()
                        || Character.digit(component.charAt(i + 1), 16) < 0
                        || Character.digit(component.charAt(i + 2), 16) < 0) {
                    return null;
                }
                bytes.write(Character.digit(component.charAt(i + 1), 16) * 16
                        + Character.digit(component.charAt(i + 2), 16));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
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
