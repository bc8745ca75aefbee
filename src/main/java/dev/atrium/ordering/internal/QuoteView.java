package dev.atrium.ordering.internal;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What an order would cost if it were placed now: the same lines and amounts as an order, without placing it. */
public record QuoteView(
        List<OrderView.Part> parts,
        long shop,
        String shopName,
        BigDecimal subtotal,
        BigDecimal discount,
        BigDecimal total,
        OrderView.@Nullable OrderOffer orderOffer) {

    static QuoteView of(long shop, String shopName, Pricing.PricedOrder priced) {
        Order.OrderOffer orderOffer = Order.OrderOffer.of(priced);
        return new QuoteView(
                priced.lines().stream()
                        .map(line -> OrderView.Part.of(Order.Line.of(line)))
                        .toList(),
                shop,
                shopName,
                priced.subtotal(),
                priced.discount(),
                priced.total(),
                orderOffer == null ? null : OrderView.OrderOffer.of(orderOffer));
    }
}
