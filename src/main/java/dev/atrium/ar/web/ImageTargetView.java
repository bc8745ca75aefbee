package dev.atrium.ar.web;

import dev.atrium.ar.internal.ImageTarget;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** An image target without its JPEG, which image_url serves. */
@Schema(name = "ImageTarget")
record ImageTargetView(
        long id,
        @Schema(example = "Poster in the hall") String description,

        @Schema(description = "Width in pixels", example = "800")
        int width,

        @Schema(description = "Height in pixels", example = "600")
        int height,

        @Schema(description = "Size of the JPEG in bytes", example = "48213")
        long sizeBytes,

        @Schema(description = "Hex SHA-256 of the JPEG; also the ETag of image_url")
        String sha256,

        @Schema(description = "Where the JPEG itself is served (image/jpeg)")
        String imageUrl,

        Instant createdAt,
        Instant updatedAt) {

    static ImageTargetView of(ImageTarget target) {
        return new ImageTargetView(
                target.id(),
                target.description(),
                target.width(),
                target.height(),
                target.sizeBytes(),
                target.sha256(),
                ImageTargetController.imageUrl(target),
                target.createdAt(),
                target.updatedAt());
    }
}
