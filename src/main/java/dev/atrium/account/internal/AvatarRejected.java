package dev.atrium.account.internal;

import dev.atrium.shared.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * An uploaded avatar that Atrium will not store: not an image of a kind it reads (415), or an image that is damaged or
 * has more pixels than it is willing to decode (400). Nothing is stored when an avatar is rejected.
 */
public final class AvatarRejected extends ProblemException {

    private AvatarRejected(HttpStatus status, String type, String title, String detail) {
        super(status, type, title, detail);
        with("field", "avatar");
    }

    /** The bytes are no JPEG, PNG or WebP image, whatever the file's name or declared type says. */
    public static AvatarRejected notAnImage() {
        return new AvatarRejected(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-image",
                "Unsupported image",
                "The avatar must be a JPEG, PNG or WebP image; this file is not one, whatever its name says");
    }

    /** An image of a kind Atrium recognises but cannot decode on this server. */
    public static AvatarRejected unreadable(String format) {
        return new AvatarRejected(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-image",
                "Unsupported image",
                format + " images cannot be read by this server; send a JPEG or PNG image");
    }

    /** The header is fine but the image data is cut short or corrupt. */
    public static AvatarRejected damaged() {
        return new AvatarRejected(
                HttpStatus.BAD_REQUEST,
                "damaged-image",
                "Damaged image",
                "The avatar image is damaged or truncated and cannot be decoded");
    }

    /** Refused from the header alone, before decoding: such an image could take all the memory (a decompression bomb). */
    public static AvatarRejected tooManyPixels(long width, long height, long maxPixels) {
        return (AvatarRejected) new AvatarRejected(
                        HttpStatus.BAD_REQUEST,
                        "image-too-large",
                        "Image too large",
                        "The avatar is " + width + "×" + height + " pixels; at most " + (maxPixels / 1_000_000)
                                + " megapixels are accepted")
                .with("width", width)
                .with("height", height)
                .with("max_pixels", maxPixels);
    }

    /** The upload has no content. */
    public static AvatarRejected empty() {
        return new AvatarRejected(
                HttpStatus.BAD_REQUEST,
                "empty-image",
                "Empty image",
                "Send the image as multipart/form-data in the field 'avatar'; it was missing or empty");
    }
}
