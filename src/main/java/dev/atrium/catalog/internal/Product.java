package dev.atrium.catalog.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A row of {@code products}. A book is a product with author, ISBN, publisher and year. */
public record Product(
        long id,
        @Nullable String sku,
        String name,
        String description,
        BigDecimal price,
        @Nullable String photoKey,
        Map<String, Object> attributes,
        @Nullable String author,
        @Nullable String isbn,
        @Nullable String publisher,
        @Nullable Integer year,
        Instant createdAt,
        Instant updatedAt) {}
