package dev.atrium.ar.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of {@code projects}; {@code deletedAt} is set once it has been (softly) deleted. */
public record Project(
        long id,
        String name,
        long ownerId,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant deletedAt) {

    public boolean deleted() {
        return deletedAt != null;
    }
}
