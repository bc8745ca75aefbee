package dev.atrium.ar.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code projects}; {@code deletedAt} is set once it has been (softly) deleted. The id is 0 until the
 * database assigns one on insert.
 */
@Table("projects")
public record Project(
        @Id long id,
        String name,
        long ownerId,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant deletedAt) {

    /** A new project, not yet saved. */
    static Project create(String name, long ownerId, Instant at) {
        return new Project(0, name, ownerId, at, at, null);
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
