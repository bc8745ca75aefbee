package dev.atrium.ordering.internal;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code offers}. */
@Table("offers")
public record Offer(
        @Id long id,
        String name,
        OfferKind kind,
        @Nullable Long productId,
        @Nullable Integer buyQuantity,
        @Nullable Integer freeQuantity,
        @Nullable BigDecimal percent,
        @Nullable Instant validFrom,
        @Nullable Instant validTo,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {

    /** Whether the offer applies to orders placed at that moment. */
    public boolean inForce(Instant at) {
        return active && (validFrom == null || !at.isBefore(validFrom)) && (validTo == null || at.isBefore(validTo));
    }
}
