package dev.atrium.catalog.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

record StockRequest(
        @Schema(
                description = "How many the shop has now: 0 to 1000000000",
                example = "25",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable Integer quantity,

        @Schema(description = "The shop's own price; null or left out: the product's list price", example = "11.50")
        @Nullable BigDecimal price,

        @Schema(description = "Why the level changed, kept with the change", example = "Delivery from the publisher")
        @Nullable String reason) {}
