package dev.atrium.ar.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.atrium.ar.internal.ImageTarget;
import dev.atrium.ar.internal.TrackingQuality;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * One image target with its JPEG and its application metadata inline, as GET
 * /api/project/{projectId}/imagetarget/{targetId} answers it.
 */
@Schema(name = "ImageTargetWithImage")
record ImageTargetWithImage(
        @JsonUnwrapped ImageTargetView target,

        @Schema(description = "The application metadata, base64-encoded; null when the target has none") @Nullable String applicationMetadata,

        @Schema(description = "The JPEG, base64-encoded") String image) {

    static ImageTargetWithImage of(
            ImageTarget target, @Nullable TrackingQuality quality, byte[] jpeg, byte[] metadata) {
        Base64.Encoder base64 = Base64.getEncoder();
        return new ImageTargetWithImage(
                ImageTargetView.of(target, quality),
                metadata.length == 0 ? null : base64.encodeToString(metadata),
                base64.encodeToString(jpeg));
    }
}
