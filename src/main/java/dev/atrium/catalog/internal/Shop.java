package dev.atrium.catalog.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code shops}. */
@Table("shops")
public record Shop(
        @Id long id,
        String name,
        String description,
        String address,
        String site,
        Instant createdAt,
        Instant updatedAt) {}
