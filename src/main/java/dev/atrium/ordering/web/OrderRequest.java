package dev.atrium.ordering.web;

import dev.atrium.ordering.internal.OrderPlacement;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An order: the parts, and optionally the shop (default: the default shop). */
record OrderRequest(
        @Schema(description = "1 to 100 parts, each product at most once", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull(message = "is required") @Size(min = 1, message = "must not be empty") @Size(max = OrderPlacement.MAX_PARTS, message = "must have at most 100 parts") List<@NotNull(message = "must be a part: {\"product\": id, \"quantity_in_order\": n}") @Valid Part> parts,

        @Schema(description = "The shop to order from; default: the default shop", example = "1") @Nullable Long shop) {

    @Schema(name = "OrderRequestPart")
    record Part(
            @Schema(description = "The product's id", example = "42", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "is required") Long product,

            @Schema(
                    description = "How many: a whole number from 1 to 1000000",
                    example = "2",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1") @Max(value = OrderPlacement.MAX_QUANTITY, message = "must be at most 1000000") Integer quantityInOrder) {}

    List<OrderPlacement.RequestedPart> requestedParts() {
        return parts.stream()
                .map(part -> new OrderPlacement.RequestedPart(part.product(), part.quantityInOrder()))
                .toList();
    }
}
