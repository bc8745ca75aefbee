package dev.atrium.ordering.web;

import dev.atrium.ordering.internal.Offer;
import dev.atrium.ordering.internal.OfferService.OfferDraft;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A new offer; for a change, the fields sent are changed and the others kept. */
record OfferRequest(
        @Schema(description = "1 to 200 characters", example = "Buy 2, get 1 free") @Nullable String name,

        @Schema(allowableValues = {"buy_x_get_y_free", "percent_off_product", "percent_off_order"}) @Nullable String kind,

        @Schema(description = "Required for the product kinds; none for percent_off_order", example = "42") @Nullable Long product,

        @Schema(description = "buy_x_get_y_free only: 1 to 1000", example = "2") @Nullable Integer buyQuantity,

        @Schema(description = "buy_x_get_y_free only: 1 to 1000", example = "1") @Nullable Integer freeQuantity,

        @Schema(description = "Percentage offers only: above 0, at most 100", example = "15") @Nullable BigDecimal percent,

        @Nullable Instant validFrom,
        @Nullable Instant validTo,
        @Schema(description = "Default true") @Nullable Boolean active) {

    OfferDraft draft() {
        return new OfferDraft(name, kind, product, buyQuantity, freeQuantity, percent, validFrom, validTo, active);
    }

    /** The fields sent (non-null) over the offer's current ones. */
    OfferDraft over(Offer offer) {
        OfferDraft current = OfferDraft.of(offer);
        boolean kindChanges = kind != null && !kind.equals(current.kind());
        return new OfferDraft(
                name != null ? name : current.name(),
                kind != null ? kind : current.kind(),
                product != null || kindChanges ? product : current.product(),
                buyQuantity != null || kindChanges ? buyQuantity : current.buyQuantity(),
                freeQuantity != null || kindChanges ? freeQuantity : current.freeQuantity(),
                percent != null || kindChanges ? percent : current.percent(),
                validFrom != null ? validFrom : current.validFrom(),
                validTo != null ? validTo : current.validTo(),
                active != null ? active : current.active());
    }
}
