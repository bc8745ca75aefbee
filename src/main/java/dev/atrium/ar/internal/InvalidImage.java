package dev.atrium.ar.internal;

import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The {@code image} of an image target was refused, and nothing was stored. Each kind of refusal has its own status:
 * not base64 or damaged 400, neither a JPEG nor a PNG (or a kind of JPEG that is not baseline or progressive) 415, more bytes than
 * allowed 413, more pixels than allowed 400. The body names the field in {@code errors}, like every invalid request.
 */
public final class InvalidImage extends ProblemException {

    private InvalidImage(HttpStatus status, String type, String title, String detail) {
        super(status, type, title, detail);
        with("errors", List.of(new FieldError("image", detail)));
    }

    public static InvalidImage notBase64(String why) {
        return new InvalidImage(
                HttpStatus.BAD_REQUEST,
                "image-not-base64",
                "Image is not base64",
                "The image is not valid base64: " + why);
    }

    public static InvalidImage notJpeg(String what) {
        return new InvalidImage(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "image-not-jpeg",
                "Image is not a JPEG",
                "The image must be a baseline or progressive JPEG, or a PNG, and this is " + what);
    }

    public static InvalidImage damaged(String why) {
        return new InvalidImage(
                HttpStatus.BAD_REQUEST, "image-damaged", "Image is damaged", "The image could not be decoded: " + why);
    }

    public static InvalidImage tooManyBytes(long bytes, long limit) {
        InvalidImage problem = new InvalidImage(
                HttpStatus.CONTENT_TOO_LARGE,
                "image-too-large",
                "Image too large",
                "The image is " + bytes + " bytes; at most " + limit + " bytes (2.25 MB) are accepted");
        problem.with("size_bytes", bytes).with("limit_bytes", limit);
        return problem;
    }

    public static InvalidImage tooManyPixels(int width, int height, int limit) {
        InvalidImage problem = new InvalidImage(
                HttpStatus.BAD_REQUEST,
                "image-too-many-pixels",
                "Image too large in pixels",
                "The image is " + width + "×" + height + " pixels; at most " + limit + "×" + limit + " are accepted");
        problem.with("width", width).with("height", height).with("limit_pixels", limit);
        return problem;
    }
}
