package dev.atrium.ordering.internal;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An offer's fields when it is created or changed, already checked. */
record OfferFields(
        String name,
        OfferKind kind,
        @Nullable Long productId,
        @Nullable Integer buyQuantity,
        @Nullable Integer freeQuantity,
        @Nullable BigDecimal percent,
        @Nullable Instant validFrom,
        @Nullable Instant validTo,
        boolean active) {}
