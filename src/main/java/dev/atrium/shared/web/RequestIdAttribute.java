package dev.atrium.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Where a request keeps the id the web edge gave it, so that an answer made anywhere (a problem body, an outage answer)
 * can name the request it belongs to without knowing the filter that gave the id.
 */
public final class RequestIdAttribute {

    private static final String NAME = RequestIdAttribute.class.getName();

    private RequestIdAttribute() {}

    /** The id of the request being served, or null before it was given one. */
    public static @Nullable String of(HttpServletRequest request) {
        return (String) request.getAttribute(NAME);
    }

    /** Remembers the id given to the request. */
    public static void set(HttpServletRequest request, String id) {
        request.setAttribute(NAME, id);
    }
}
