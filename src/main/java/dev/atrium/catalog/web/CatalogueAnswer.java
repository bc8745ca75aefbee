package dev.atrium.catalog.web;

import dev.atrium.catalog.internal.CataloguePage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The HTTP answer of a catalogue list from a {@link CataloguePage}: the page with its strong ETag, or 304 when the
 * client already has it. The lists answer the same to everyone (no user's data, nothing that depends on who asks), so
 * any cache may keep them; what bounds how long is explained in docs/performance.md:
 *
 * <ul>
 *   <li>{@code Cache-Control: public, max-age=0, must-revalidate}: a browser or proxy keeps the page and asks again
 *       with {@code If-None-Match} each time (a 304 costs Atrium no query while the page is in its memory). A fresh
 *       lifetime cannot be given: max-age counts whole seconds, and one second is the whole bound.
 *   <li>{@code X-Accel-Expires: @<second>}: nginx's micro-cache may serve the page until the end of the wall-clock
 *       second in which its data was read, which is always less than 1 s after it was read.
 * </ul>
 *
 * A problem answer never passes here: it is thrown, and carries none of these headers.
 */
final class CatalogueAnswer {

    static final String CACHE_CONTROL = "public, max-age=0, must-revalidate";

    static final String CACHE_CONTROL_DOC = "`" + CACHE_CONTROL + "`: any cache may keep the answer and revalidates "
            + "it with If-None-Match before each use. Atrium answers from memory within 0.5 s of a page's read; what "
            + "a page shows is never more than 1 s behind a change";

    private CatalogueAnswer() {}

    /**
     * What the answer depends on besides the data: the origin its links name, the path and the query string as sent
     * (the {@code next} and {@code previous} links repeat every parameter), and the parameters the listing read, in
     * name order (the same as the query string's in a servlet container, but a parameter may reach the request
     * another way, and two requests must never share a page their parameters would not both give).
     */
    static String request(HttpServletRequest request) {
        StringBuilder key = new StringBuilder(
                ServletUriComponentsBuilder.fromRequest(request).build().toUriString());
        new TreeMap<>(request.getParameterMap())
                .forEach((name, values) ->
                        key.append('\n').append(name).append('=').append(String.join("\u0000", values)));
        return key.toString();
    }

    static ResponseEntity<byte[]> of(CataloguePage page, @Nullable String ifNoneMatch) {
        HttpHeaders headers = headers(page);
        if (matches(ifNoneMatch, page.etag())) {
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(page.body(), headers, HttpStatus.OK);
    }

    /** The same answer as {@link #of}, written straight to the response (by {@link CatalogueFastPath}). */
    static void write(CataloguePage page, @Nullable String ifNoneMatch, HttpServletResponse response)
            throws IOException {
        headers(page).forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        if (matches(ifNoneMatch, page.etag())) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }

    private static HttpHeaders headers(CataloguePage page) {
        HttpHeaders headers = new HttpHeaders();
        // Before Cache-Control: nginx before 1.23 lets a max-age=0 read first override X-Accel-Expires.
        headers.set("X-Accel-Expires", "@" + page.readAt().getEpochSecond());
        headers.setETag(page.etag());
        headers.setCacheControl(CACHE_CONTROL);
        return headers;
    }

    /** If-None-Match compares weakly (RFC 9110, 13.1.2): {@code *}, or any tag of the list, with or without W/. */
    static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }
}
