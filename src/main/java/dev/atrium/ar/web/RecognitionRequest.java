package dev.atrium.ar.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** A camera frame to recognise a project's targets in, as base64. */
@Schema(name = "RecognitionRequest")
record RecognitionRequest(
        @Schema(
                description = "The camera frame, a JPEG or PNG, base64-encoded (a data: URL too); checked as a "
                        + "target's image is, and never kept",
                example = ImageTargetRequest.EXAMPLE_JPEG)
        @NotNull(message = "is required: a base64-encoded JPEG or PNG") String image) {}
