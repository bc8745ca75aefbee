package dev.atrium.ordering.web;

import dev.atrium.ordering.internal.CartService;
import dev.atrium.ordering.internal.OrderPlacement;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** One item of the cart: a product, how many, and from which shop. */
record Item(
        @Schema(description = "The product's id", example = "42", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull(message = "is required") Long product,

        @Schema(
                description = "How many: a whole number from 1 to 1000000",
                example = "2",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1") @Max(value = OrderPlacement.MAX_QUANTITY, message = "must be at most 1000000") Integer quantity,

        @Schema(
                description = "The shop; default: the cart's shop, or the default shop for an empty cart",
                example = "1")
        @Nullable Long shop) {

    CartService.ItemRequest request() {
        return new CartService.ItemRequest(product, quantity, shop);
    }
}
