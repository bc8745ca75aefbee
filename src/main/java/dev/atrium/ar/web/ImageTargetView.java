package dev.atrium.ar.web;

import dev.atrium.ar.internal.ImageTarget;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An image target without its JPEG, which image_url serves. */
@Schema(name = "ImageTarget")
record ImageTargetView(
        long id,

        @Schema(description = "Unique among the project's targets; null when it has none", example = "hall-poster")
        @Nullable String name,

        @Schema(example = "Poster in the hall") String description,

        @Schema(
                description = "Width in the app's scene units; the image's width in pixels unless one was given",
                example = "0.5")
        double width,

        @Schema(description = "Height in scene units: the width scaled by the image's aspect ratio", example = "0.375")
        double height,

        @Schema(description = "Whether the target is found as a duplicate and recognised", example = "true")
        boolean active,

        @Schema(description = "Width of the image in pixels", example = "800")
        int imageWidth,

        @Schema(description = "Height of the image in pixels", example = "600")
        int imageHeight,

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
                target.name(),
                target.description(),
                target.sceneWidth(),
                target.sceneHeight(),
                target.active(),
                target.width(),
                target.height(),
                target.sizeBytes(),
                target.sha256(),
                ImageTargetController.imageUrl(target),
                target.createdAt(),
                target.updatedAt());
    }
}
