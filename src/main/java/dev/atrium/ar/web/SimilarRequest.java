package dev.atrium.ar.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** An image to compare with a project's targets before adding it. */
@Schema(name = "SimilarImageRequest")
record SimilarRequest(
        @Schema(
                description = "A JPEG or PNG, base64-encoded, checked as a new target's image is",
                example = ImageTargetRequest.EXAMPLE_JPEG)
        @NotNull(message = "is required: a base64-encoded JPEG or PNG") String image) {}
