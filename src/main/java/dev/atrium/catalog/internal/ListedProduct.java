package dev.atrium.catalog.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A product as a list shows it: its price and quantity are those of the shop asked about. */
public record ListedProduct(
        long id,
        String name,
        String description,
        BigDecimal price,
        BigDecimal listPrice,
        int quantity,
        boolean sold,
        @Nullable String author,
        @Nullable String isbn,
        @Nullable String publisher,
        @Nullable Integer year,
        @Nullable String photoKey,
        @Nullable Long shopId) {}
