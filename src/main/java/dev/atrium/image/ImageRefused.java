package dev.atrium.image;

import org.jspecify.annotations.Nullable;

/**
 * An image Atrium will not decode, and why. Each upload path turns it into the problem it already answers with
 * (avatars, image targets and product photos each have their own), so this never reaches a client as it is.
 */
public final class ImageRefused extends RuntimeException {

    public enum Reason {
        /** The bytes are none of the formats the path accepts, whatever the name or declared type said. */
        NOT_AN_IMAGE,
        /** A format the path accepts, but this server has no decoder for it (WebP on a plain JDK). */
        UNREADABLE,
        /** A kind of the format Atrium does not decode: lossless or arithmetic JPEG, five colour components, ... */
        UNSUPPORTED,
        /** The header cannot be read: a marker or chunk runs past the end, or a frame header is missing or wrong. */
        BAD_HEADER,
        /** The header is fine but the image data is cut short or corrupt. */
        DAMAGED,
        /** More pixels than the path accepts. */
        TOO_MANY_PIXELS,
        /** Decoding would cost too much CPU or memory, judged from the header or stopped at the deadline. */
        TOO_COSTLY
    }

    private final Reason reason;
    private final @Nullable ImageFacts facts;

    ImageRefused(Reason reason, String message, @Nullable ImageFacts facts) {
        super(message, null, false, false);
        this.reason = reason;
        this.facts = facts;
    }

    static ImageRefused of(Reason reason, String message) {
        return new ImageRefused(reason, message, null);
    }

    static ImageRefused of(Reason reason, String message, ImageFacts facts) {
        return new ImageRefused(reason, message, facts);
    }

    public Reason reason() {
        return reason;
    }

    /** The header's facts, when the header could be read. */
    public @Nullable ImageFacts facts() {
        return facts;
    }
}
