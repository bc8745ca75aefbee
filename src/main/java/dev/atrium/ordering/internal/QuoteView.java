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
        OrderView shaped = OrderView.of(0, 0, shop, shopName, priced, java.time.Instant.EPOCH, OrderStatus.CREATED);
        return new QuoteView(
                shaped.parts(),
                shop,
                shopName,
                shaped.subtotal(),
                shaped.discount(),
                shaped.total(),
                shaped.orderOffer());
    }
}
