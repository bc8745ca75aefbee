package dev.atrium.ar.web;

import dev.atrium.ar.internal.ImageTargetService;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A change to an image target: the fields sent are changed and the others kept. */
@Schema(name = "ImageTargetPatch")
record ImageTargetPatch(
        @Schema(
                description = "A new JPEG, base64-encoded; absent keeps the image",
                example = ImageTargetRequest.EXAMPLE_JPEG)
        @Nullable String image,

        @Schema(description = "A new description; absent keeps it", example = "Poster by the stairs")
        @Size(max = ImageTargetService.MAX_DESCRIPTION_LENGTH) @Nullable String description) {}
