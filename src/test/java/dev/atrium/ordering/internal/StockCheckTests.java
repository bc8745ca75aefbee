package dev.atrium.ordering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.catalog.NotEnoughStock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one stock rule, as placement applies it without locks and the batch writer under them. */
class StockCheckTests {

    static final long SHOP = 7;

    @Test
    void an_order_the_shop_can_supply_in_full_is_not_refused() {
        List<PendingOrder.Part> parts = List.of(new PendingOrder.Part(1, 3, 0), new PendingOrder.Part(2, 5, 1));

        assertThat(StockCheck.refusal(SHOP, parts, part -> new StockCheck.Stock("Pen", 5)))
                .isNull();
    }

    @Test
    void each_part_the_shop_is_short_of_is_named_with_what_was_asked_and_what_is_there() {
        Map<Long, StockCheck.Stock> stock = Map.of(
                1L, new StockCheck.Stock("Pen", 10),
                2L, new StockCheck.Stock("Ink", 1),
                3L, new StockCheck.Stock("Pad", 0));
        List<PendingOrder.Part> parts = List.of(
                new PendingOrder.Part(1, 10, 0), new PendingOrder.Part(2, 2, 1), new PendingOrder.Part(3, 1, 2));

        PartsRefused refused = StockCheck.refusal(SHOP, parts, part -> stock.get(part.productId()));

        assertThat(refused).isNotNull();
        assertThat(refused.forWantOfStock()).isTrue();
        assertThat(refused.getBody().getType()).hasToString("https://atrium.dev/problems/not-enough-stock");
        assertThat(refused.reasons())
                .containsExactly(
                        new PartsRefused.Reason.Short(1, new NotEnoughStock.Shortage(SHOP, 2, "Ink", 2, 1)),
                        new PartsRefused.Reason.Short(2, new NotEnoughStock.Shortage(SHOP, 3, "Pad", 1, 0)));
    }

    @Test
    void what_earlier_orders_of_a_batch_took_counts_as_gone() {
        // The writer passes what is left of a locked row after the batch's earlier orders, not the row's quantity.
        List<PendingOrder.Part> parts = List.of(new PendingOrder.Part(1, 4, 0));

        assertThat(StockCheck.refusal(SHOP, parts, part -> new StockCheck.Stock("Pen", 4)))
                .isNull();
        assertThat(StockCheck.refusal(SHOP, parts, part -> new StockCheck.Stock("Pen", 3)))
                .isNotNull();
    }
}
