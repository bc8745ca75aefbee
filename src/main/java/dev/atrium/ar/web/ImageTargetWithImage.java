package dev.atrium.ar.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One image target with its JPEG inline, as GET /api/project/{projectId}/imagetarget/{targetId} answers it. */
@Schema(name = "ImageTargetWithImage")
record ImageTargetWithImage(
        long id,
        String description,
        int width,
        int height,
        long sizeBytes,
        String sha256,
        String imageUrl,
        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "The JPEG, base64-encoded") String image) {}
