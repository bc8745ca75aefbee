package dev.atrium.ordering.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order as the API answers it: {@code id, parts, created, user} with the prices, discounts, shop and
 * status on top, made from an {@link Order}. Its JSON is also what an Idempotency-Key replays.
 */
public record OrderView(
        @Schema(example = "1042") long id,
        List<Part> parts,

        @Schema(description = "When the order was placed (UTC)")
        Instant created,

        @Schema(description = "The id of the user who placed it")
        long user,

        @Schema(description = "The id of the shop it was placed with")
        long shop,

        String shopName,

        @Schema(allowableValues = {"created", "paid", "shipped", "cancelled"})
        String status,

        @Schema(description = "The lines at their unit prices, before discounts", example = "45.00")
        BigDecimal subtotal,

        @Schema(description = "Every discount: the lines' offers and the order-wide offer", example = "5.00")
        BigDecimal discount,

        @Schema(description = "What is to be paid: subtotal less discount", example = "40.00")
        BigDecimal total,

        @Schema(description = "The order-wide offer applied, if any") @Nullable OrderOffer orderOffer,

        Instant updated) {

    /** One line of an order. {@code product_name} is kept even after the product is deleted. */
    public record Part(
            @Schema(description = "The product's id", example = "42")
            long product,

            String productName,
            @Schema(example = "3") int quantityInOrder,

            @Schema(description = "The shop's price when the order was placed", example = "15.00")
            BigDecimal unitPrice,

            @Schema(description = "The discount of the offer applied to the line", example = "5.00")
            BigDecimal discount,

            @Schema(description = "quantity × unit price − discount", example = "40.00")
            BigDecimal lineTotal,

            @Schema(description = "The offer applied to the line, if any")
            Pricing.@Nullable AppliedOffer offer) {

        static Part of(Order.Line line) {
            return new Part(
                    line.productId(),
                    line.productName(),
                    line.quantity(),
                    line.unitPrice(),
                    line.discount(),
                    line.lineTotal(),
                    line.offer());
        }
    }

    public record OrderOffer(long id, String name, BigDecimal discount) {

        static OrderOffer of(Order.OrderOffer offer) {
            return new OrderOffer(offer.id(), offer.name(), offer.discount());
        }
    }

    /** The answer for an order. */
    public static OrderView of(Order order) {
        return new OrderView(
                order.id(),
                order.lines().stream().map(Part::of).toList(),
                order.created(),
                order.userId(),
                order.shopId(),
                order.shopName(),
                order.status().value(),
                order.subtotal(),
                order.discount(),
                order.total(),
                order.orderOffer() == null ? null : OrderOffer.of(order.orderOffer()),
                order.updated());
    }
}
