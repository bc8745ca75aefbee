package dev.atrium.ar.web;

import dev.atrium.ar.internal.TargetDuplicate;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A target of the project that shows the same picture. */
@Schema(name = "ImageTargetDuplicate")
record DuplicateView(
        long id,
        @Nullable String name,
        String description,

        @Schema(description = "How alike, 0 to 1: 1 when 40 or more features agree on one placement", example = "0.85")
        double similarity,

        @Schema(description = "How many features agree on one placement of this target", example = "34")
        int matchingFeatures,

        @Schema(description = "Where its JPEG is served") String imageUrl) {

    static DuplicateView of(TargetDuplicate duplicate) {
        return new DuplicateView(
                duplicate.target().id(),
                duplicate.target().name(),
                duplicate.target().description(),
                Math.round(duplicate.similarity() * 1000) / 1000.0,
                duplicate.matchingFeatures(),
                ImageTargetController.imageUrl(duplicate.target()));
    }
}
