package dev.atrium.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;

/**
 * A finished answer of a catalogue list, as {@link CataloguePages} keeps it: the JSON sent, its strong ETag (computed
 * once, when the page is read) and when its data was read: the moment before its queries began, so that everything
 * committed before then is in it.
 *
 * @param readNanos the same moment on {@link System#nanoTime()}, which the expiry is measured on
 */
public record CataloguePage(byte[] body, String etag, Instant readAt, long readNanos) {

    static CataloguePage of(byte[] body, Instant readAt, long readNanos) {
        return new CataloguePage(body, etagOf(body), readAt, readNanos);
    }

    /** A strong ETag: the same bytes give the same tag on every replica, whichever filled its memory first. */
    static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JVM has SHA-256", impossible);
        }
    }

    /** What memory this page holds, roughly: its bytes, its tag and the objects around them. */
    int weight() {
        return body.length + etag.getBytes(StandardCharsets.US_ASCII).length + 200;
    }
}
