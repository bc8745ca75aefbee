package dev.atrium.ar.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code image_targets}: the facts checked about its JPEG, and where the image and its thumbnail are kept in
 * the blob store.
 */
public record ImageTarget(
        long id,
        long projectId,
        String description,
        String imageKey,
        String thumbnailKey,
        int width,
        int height,
        long sizeBytes,
        String sha256,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant deletedAt) {

    public boolean deleted() {
        return deletedAt != null;
    }
}
