package dev.atrium.organization.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code organizations}; its id is 0 until the database assigns one on insert.
 *
 * @param creatorId the user who created it, who may manage it with the administrators; null once that user is gone
 */
@Table("organizations")
public record Organization(
        @Id long id,
        String name,
        String description,
        @Nullable Long creatorId,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * A new organization, not yet saved. The time is cut to the microseconds the database keeps, so the organization
     * the API answers with is the one it will read back later.
     */
    static Organization create(String name, String description, long creatorId, Instant at) {
        Instant stored = at.truncatedTo(ChronoUnit.MICROS);
        return new Organization(0, name, description, creatorId, stored, stored);
    }
}
