package dev.atrium.catalog.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A change of stock made by hand, as recorded. */
// The API document has always called it Adjustment.
@Schema(name = "Adjustment")
public record StockAdjustment(
        long id,
        long shopId,
        long productId,
        @Nullable Integer quantityBefore,
        int quantityAfter,
        @Nullable BigDecimal priceAfter,
        String reason,
        @Nullable String adjustedBy,
        Instant adjustedAt) {}
