package dev.atrium.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers every answer carries, defined and written here alone: {@link RequestId}, the first filter,
 * writes them on every request before anything can answer it; an answer that starts afresh ({@code response.reset()},
 * as the outage answers do) writes them again; Tomcat's error report writes them for what it refuses before any filter
 * runs. Spring Security's writers of the same headers are off.
 */
public final class SecurityHeaders {

    /**
     * Pages load nothing from elsewhere and run no inline script or style: a script injected into a page would not
     * run. Images may be data URLs (thumbnails).
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static final String REFERRER_POLICY = "same-origin";

    public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()";

    private static final Map<String, String> HEADERS = headers();

    private SecurityHeaders() {}

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("Referrer-Policy", REFERRER_POLICY);
        headers.put("Permissions-Policy", PERMISSIONS_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        return headers;
    }

    /** The headers by name, in the order they are written. */
    public static Map<String, String> all() {
        return HEADERS;
    }

    /** Writes the headers, replacing any value already set, so that none appears twice. */
    public static void writeTo(HttpServletResponse response) {
        HEADERS.forEach(response::setHeader);
    }
}
