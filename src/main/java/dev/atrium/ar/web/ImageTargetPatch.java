package dev.atrium.ar.web;

import dev.atrium.ar.internal.ImageTargetService;
import dev.atrium.ar.internal.TargetChange;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A change to an image target: the fields sent are changed and the others kept. */
@Schema(name = "ImageTargetPatch")
record ImageTargetPatch(
        @Schema(
                description = "A new JPEG or PNG, base64-encoded; absent keeps the image",
                example = ImageTargetRequest.EXAMPLE_JPEG)
        @Nullable String image,

        @Schema(description = "A new description; absent keeps it", example = "Poster by the stairs")
        @Size(max = ImageTargetService.MAX_DESCRIPTION_LENGTH) @Nullable String description,

        @Schema(description = "A new name; an empty one removes it; absent keeps it", example = "stairs-poster")
        @Nullable String name,

        @Schema(description = "A new width in scene units; absent keeps it", example = "0.75") @Nullable Double width,

        @Schema(description = "Activates or deactivates the target; absent keeps it", example = "false") @Nullable Boolean active,

        @Schema(
                description = "New application metadata, base64 (at most 1 MB decoded); an empty string removes "
                        + "it; absent keeps it",
                example = "eyJ2aWRlbyI6ICJzdGFpcnMubXA0In0=")
        @Nullable String applicationMetadata) {

    TargetChange change() {
        return new TargetChange(image, name, description, width, active, applicationMetadata);
    }
}
