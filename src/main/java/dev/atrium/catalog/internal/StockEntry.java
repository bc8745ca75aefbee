package dev.atrium.catalog.internal;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A row of stock as the assortment pages show it. */
public record StockEntry(
        long shopId, long productId, int quantity, @Nullable BigDecimal ownPrice, Instant updatedAt) {}
