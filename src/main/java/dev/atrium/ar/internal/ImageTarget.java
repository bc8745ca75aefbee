package dev.atrium.ar.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code image_targets}: the facts checked about its JPEG, and where the image and its thumbnail are kept in
 * the blob store. The id is 0 until the database assigns one on insert.
 */
@Table("image_targets")
public record ImageTarget(
        @Id long id,
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

    /** A new target of the project, not yet saved. */
    static ImageTarget create(long projectId, String description, StoredImage image, Instant at) {
        return new ImageTarget(
                0,
                projectId,
                description,
                image.imageKey(),
                image.thumbnailKey(),
                image.width(),
                image.height(),
                image.sizeBytes(),
                image.sha256(),
                at,
                at,
                null);
    }

    /** This target with a new description and image, changed at the given time. */
    ImageTarget changed(String description, StoredImage image, Instant at) {
        return new ImageTarget(
                id,
                projectId,
                description,
                image.imageKey(),
                image.thumbnailKey(),
                image.width(),
                image.height(),
                image.sizeBytes(),
                image.sha256(),
                createdAt,
                at,
                deletedAt);
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
