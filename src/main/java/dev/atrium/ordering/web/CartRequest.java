package dev.atrium.ordering.web;

import dev.atrium.ordering.internal.OrderPlacement;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The cart's items as a whole, for PUT /api/cart. */
record CartRequest(
        @Schema(
                description = "At most 100 items, each product once, all from one shop",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull(message = "is required") @Size(max = OrderPlacement.MAX_PARTS, message = "must have at most 100 items") List<@NotNull(message = "must be an item: {\"product\": id, \"quantity\": n}") @Valid Item> items) {}
