package dev.atrium.catalog.internal;

import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a product is made of when it is created or changed, already checked by {@link ProductRules}. */
public record ProductFields(
        @Nullable String sku,
        String name,
        String description,
        BigDecimal price,
        Map<String, Object> attributes,
        @Nullable String author,
        @Nullable String isbn,
        @Nullable String publisher,
        @Nullable Integer year) {}
