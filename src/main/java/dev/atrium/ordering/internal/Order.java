package dev.atrium.ordering.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order as Atrium keeps it: what placing decided, what the {@code orders} and {@code order_lines} rows hold, and
 * what the API's answer ({@link OrderView}) is made from.
 *
 * @param orderOffer the order-wide offer applied, if any
 */
public record Order(
        long id,
        long userId,
        long shopId,
        String shopName,
        OrderStatus status,
        List<Line> lines,
        BigDecimal subtotal,
        BigDecimal discount,
        BigDecimal total,
        @Nullable OrderOffer orderOffer,
        Instant created,
        Instant updated) {

    public Order {
        lines = List.copyOf(lines);
    }

    /** One line: {@code productName} and {@code unitPrice} are the product's when the order was placed. */
    public record Line(
            long productId,
            String productName,
            int quantity,
            BigDecimal unitPrice,
            BigDecimal discount,
            BigDecimal lineTotal,
            Pricing.@Nullable AppliedOffer offer) {

        static Line of(Pricing.PricedLine priced) {
            return new Line(
                    priced.productId(),
                    priced.productName(),
                    priced.quantity(),
                    priced.unitPrice(),
                    priced.discount(),
                    priced.lineTotal(),
                    priced.offer());
        }
    }

    /** The order-wide offer applied and what it took off. */
    public record OrderOffer(long id, String name, BigDecimal discount) {

        static @Nullable OrderOffer of(Pricing.PricedOrder priced) {
            return priced.orderOffer() == null
                    ? null
                    : new OrderOffer(
                            priced.orderOffer().id(), priced.orderOffer().name(), priced.orderDiscount());
        }
    }

    /** A new order, as priced now. */
    static Order placed(long id, long userId, long shopId, String shopName, Pricing.PricedOrder priced, Instant at) {
        return new Order(
                id,
                userId,
                shopId,
                shopName,
                OrderStatus.CREATED,
                priced.lines().stream().map(Line::of).toList(),
                priced.subtotal(),
                priced.discount(),
                priced.total(),
                OrderOffer.of(priced),
                at,
                at);
    }
}
