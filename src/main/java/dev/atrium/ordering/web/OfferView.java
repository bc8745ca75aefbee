package dev.atrium.ordering.web;

import dev.atrium.ordering.internal.Offer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A special offer, and whether it applies to an order placed now. */
record OfferView(
        long id,
        @Schema(example = "Buy 2, get 1 free") String name,

        @Schema(allowableValues = {"buy_x_get_y_free", "percent_off_product", "percent_off_order"})
        String kind,

        @Schema(description = "The product it is for; null for an order-wide offer") @Nullable Long product,

        @Schema(description = "buy_x_get_y_free: of every buy + free units, the free ones cost nothing") @Nullable Integer buyQuantity,

        @Nullable Integer freeQuantity,

        @Schema(description = "The percentage off, for percentage offers", example = "15.00") @Nullable BigDecimal percent,

        @Schema(description = "From when it applies; null: always has") @Nullable Instant validFrom,

        @Schema(description = "Until when (excluded); null: no end") @Nullable Instant validTo,

        boolean active,

        @Schema(description = "Whether it applies to an order placed now")
        boolean inForce,

        Instant createdAt,
        Instant updatedAt) {

    static OfferView of(Offer offer, Instant now) {
        return new OfferView(
                offer.id(),
                offer.name(),
                offer.kind().value(),
                offer.productId(),
                offer.buyQuantity(),
                offer.freeQuantity(),
                offer.percent(),
                offer.validFrom(),
                offer.validTo(),
                offer.active(),
                offer.inForce(now),
                offer.createdAt(),
                offer.updatedAt());
    }
}
