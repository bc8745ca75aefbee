package dev.atrium.catalog.web;

import dev.atrium.catalog.internal.StockEntry;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

record StockView(
        long shop,
        long product,
        int quantity,

        @Schema(description = "The shop's own price; null when it sells at the list price") @Nullable BigDecimal shopPrice,

        Instant updatedAt) {

    static StockView of(StockEntry entry) {
        return new StockView(entry.shopId(), entry.productId(), entry.quantity(), entry.ownPrice(), entry.updatedAt());
    }
}
