package dev.atrium.ordering.internal;

import dev.atrium.catalog.NotEnoughStock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The one stock rule, that a shop has at least the quantity asked of each part. It is applied twice to every order:
 * without locks when it is placed, so that a doomed order is refused at once, and under the stock rows' locks when its
 * batch is written, where it decides.
 */
final class StockCheck {

    private StockCheck() {}

    /** A product as the shop has it: its name, and how many are there for this order. */
    record Stock(String productName, int available) {}

    /** Why the shop cannot supply the parts, naming each part it is short of; null when it can supply them all. */
    static @Nullable PartsRefused refusal(
            long shopId, List<PendingOrder.Part> parts, Function<PendingOrder.Part, Stock> stockOf) {
        List<PartsRefused.Reason.Short> shortages = new ArrayList<>();
        for (PendingOrder.Part part : parts) {
            Stock stock = stockOf.apply(part);
            if (stock.available() < part.quantity()) {
                shortages.add(new PartsRefused.Reason.Short(
                        part.position(),
                        new NotEnoughStock.Shortage(
                                shopId, part.productId(), stock.productName(), part.quantity(), stock.available())));
            }
        }
        return shortages.isEmpty() ? null : PartsRefused.of(shortages);
    }
}
