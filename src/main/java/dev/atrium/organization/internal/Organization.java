package dev.atrium.organization.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code organizations}.
 *
 * @param creatorId the user who created it, who may manage it with the administrators; null once that user is gone
 */
public record Organization(
        long id, String name, String description, @Nullable Long creatorId, Instant createdAt, Instant updatedAt) {}
