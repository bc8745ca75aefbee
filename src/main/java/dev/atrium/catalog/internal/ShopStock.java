package dev.atrium.catalog.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** How one shop stands with one product: whether it sells it, at what price, and how many it has. */
public record ShopStock(
        long shopId,
        String shopName,
        boolean sold,
        @Nullable BigDecimal price,
        int quantity) {}
