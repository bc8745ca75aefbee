package dev.atrium.ar.web;

import dev.atrium.ar.internal.ImageTarget;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Base64;

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

        @Schema(description = "The JPEG, base64-encoded") String image) {

    static ImageTargetWithImage of(ImageTarget target, byte[] jpeg) {
        ImageTargetView view = ImageTargetView.of(target);
        return new ImageTargetWithImage(
                view.id(),
                view.description(),
                view.width(),
                view.height(),
                view.sizeBytes(),
                view.sha256(),
                view.imageUrl(),
                view.createdAt(),
                view.updatedAt(),
                Base64.getEncoder().encodeToString(jpeg));
    }
}
