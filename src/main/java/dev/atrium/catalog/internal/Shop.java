package dev.atrium.catalog.internal;

import java.time.Instant;

/** A row of {@code shops}. */
public record Shop(
        long id, String name, String description, String address, String site, Instant createdAt, Instant updatedAt) {}
