package dev.atrium.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers every answer carries, whoever writes it: Spring Security's filter chains for what reaches them,
 * the edge filters for what they refuse first, and Tomcat's error report for what it refuses before any filter runs.
 * Defined once so that the three cannot drift apart.
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
    static void writeTo(HttpServletResponse response) {
        HEADERS.forEach(response::setHeader);
    }
}
