package dev.atrium.ar.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code image_targets}: what its owner says of it (name, description, width in the scene, whether it is
 * active), the facts checked about its JPEG (width and height in pixels), and where the image and its thumbnail are
 * kept in the blob store. The id is 0 until the database assigns one on insert.
 */
@Table("image_targets")
public record ImageTarget(
        @Id long id,
        long projectId,
        @Nullable String name,
        String description,
        double sceneWidth,
        boolean active,
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
    static ImageTarget create(long projectId, TargetDetails details, StoredImage image, Instant at) {
        return new ImageTarget(
                0,
                projectId,
                details.name(),
                details.description(),
                details.sceneWidth() == null ? image.width() : details.sceneWidth(),
                details.active(),
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

    /** This target with new details and image, changed at the given time. */
    ImageTarget changed(TargetDetails details, StoredImage image, Instant at) {
        return new ImageTarget(
                id,
                projectId,
                details.name(),
                details.description(),
                details.sceneWidth() == null ? sceneWidth : details.sceneWidth(),
                details.active(),
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

    /** The height in the scene's units: the scene width scaled by the image's aspect ratio. */
    public double sceneHeight() {
        return sceneWidth * height / width;
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
