package dev.atrium.ar.web;

import dev.atrium.ar.internal.ImageTarget;
import dev.atrium.ar.internal.QualityPart;
import dev.atrium.ar.internal.TrackingQuality;
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

        @Schema(
                description = "How well an AR camera can track the target, 0 to 5 stars (docs/ar.md); null while "
                        + "its features are being computed",
                example = "4")
        @Nullable Integer trackingRating,

        @Schema(description = "What the rating comes from, each part with a reason; null with the rating") @Nullable Tracking tracking,

        Instant createdAt,
        Instant updatedAt) {

    /** The parts of a tracking rating. */
    @Schema(name = "TrackingQuality")
    record Tracking(Part features, Part coverage, Part contrast, Part ambiguity) {

        static @Nullable Tracking of(@Nullable TrackingQuality quality) {
            return quality == null
                    ? null
                    : new Tracking(
                            Part.of(quality.features()),
                            Part.of(quality.coverage()),
                            Part.of(quality.contrast()),
                            Part.of(quality.ambiguity()));
        }
    }

    /** One measure of a tracking rating and what it means for the target. */
    @Schema(name = "TrackingQualityPart")
    record Part(
            @Schema(example = "212") double value,

            @Schema(example = "212 distinct features: plenty to track")
            String reason) {

        static Part of(QualityPart part) {
            return new Part(part.value(), part.reason());
        }
    }

    static ImageTargetView of(ImageTarget target, @Nullable TrackingQuality quality) {
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
                quality == null ? null : quality.rating(),
                Tracking.of(quality),
                target.createdAt(),
                target.updatedAt());
    }
}
