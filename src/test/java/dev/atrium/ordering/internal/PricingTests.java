package dev.atrium.ordering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** How offers price an order: the best one per line, then the best order-wide one, exact to the cent. */
class PricingTests {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void without_offers_an_order_costs_its_lines() {
        var priced = Pricing.price(List.of(line(1, 3, "2.50"), line(2, 1, "7.00")), List.of(), NOW);
        assertThat(priced.subtotal()).isEqualByComparingTo("14.50");
        assertThat(priced.discount()).isEqualByComparingTo("0");
        assertThat(priced.total()).isEqualByComparingTo("14.50");
        assertThat(priced.lines()).allSatisfy(l -> assertThat(l.offer()).isNull());
    }

    @Test
    void buy_two_get_one_free_makes_every_third_unit_free() {
        Offer offer = offer(10, OfferKind.BUY_X_GET_Y_FREE, 1L, 2, 1, null, null, null, true);

        var seven = Pricing.price(List.of(line(1, 7, "10.00")), List.of(offer), NOW);
        var two = Pricing.price(List.of(line(1, 2, "10.00")), List.of(offer), NOW);

        assertThat(seven.lines().getFirst().discount()).isEqualByComparingTo("20.00");
        assertThat(seven.lines().getFirst().lineTotal()).isEqualByComparingTo("50.00");
        assertThat(seven.lines().getFirst().offer().id()).isEqualTo(10);
        assertThat(two.discount()).isEqualByComparingTo("0");
        assertThat(two.lines().getFirst().offer()).isNull();
    }

    @Test
    void a_percentage_off_a_product_rounds_half_up_to_the_cent() {
        Offer offer = offer(11, OfferKind.PERCENT_OFF_PRODUCT, 1L, null, null, "15", null, null, true);
        var priced = Pricing.price(List.of(line(1, 3, "3.33"), line(2, 1, "1.00")), List.of(offer), NOW);
        // 15% of 9.99 is 1.4985: 1.50
        assertThat(priced.lines().get(0).discount()).isEqualByComparingTo("1.50");
        assertThat(priced.lines().get(1).discount()).isEqualByComparingTo("0");
        assertThat(priced.total()).isEqualByComparingTo("9.49");
    }

    @Test
    void the_best_offer_for_a_line_wins_and_offers_do_not_stack() {
        Offer small = offer(12, OfferKind.PERCENT_OFF_PRODUCT, 1L, null, null, "10", null, null, true);
        Offer big = offer(13, OfferKind.BUY_X_GET_Y_FREE, 1L, 1, 1, null, null, null, true);
        var priced = Pricing.price(List.of(line(1, 4, "10.00")), List.of(small, big), NOW);
        assertThat(priced.lines().getFirst().offer().id()).isEqualTo(13);
        assertThat(priced.discount()).isEqualByComparingTo("20.00");
    }

    @Test
    void an_order_wide_percentage_applies_after_the_line_discounts() {
        Offer line = offer(14, OfferKind.PERCENT_OFF_PRODUCT, 1L, null, null, "50", null, null, true);
        Offer order = offer(15, OfferKind.PERCENT_OFF_ORDER, null, null, null, "10", null, null, true);
        var priced = Pricing.price(List.of(line(1, 2, "10.00"), line(2, 1, "30.00")), List.of(line, order), NOW);
        assertThat(priced.subtotal()).isEqualByComparingTo("50.00");
        assertThat(priced.orderDiscount()).isEqualByComparingTo("4.00");
        assertThat(priced.discount()).isEqualByComparingTo("14.00");
        assertThat(priced.total()).isEqualByComparingTo("36.00");
        assertThat(priced.orderOffer().id()).isEqualTo(15);
    }

    @Test
    void offers_out_of_their_dates_or_switched_off_do_not_apply() {
        Offer later = offer(16, OfferKind.PERCENT_OFF_PRODUCT, 1L, null, null, "20", NOW.plusSeconds(60), null, true);
        Offer over = offer(17, OfferKind.PERCENT_OFF_PRODUCT, 1L, null, null, "20", null, NOW, true);
        Offer off = offer(18, OfferKind.PERCENT_OFF_ORDER, null, null, null, "20", null, null, false);
        var priced = Pricing.price(List.of(line(1, 1, "10.00")), List.of(later, over, off), NOW);
        assertThat(priced.discount()).isEqualByComparingTo("0");
    }

    static Pricing.LineInput line(long product, int quantity, String price) {
        return new Pricing.LineInput(product, "Product " + product, quantity, new BigDecimal(price));
    }

    static Offer offer(
            long id,
            OfferKind kind,
            @Nullable Long product,
            @Nullable Integer buy,
            @Nullable Integer free,
            @Nullable String percent,
            @Nullable Instant from,
            @Nullable Instant to,
            boolean active) {
        return new Offer(
                id,
                "Offer " + id,
                kind,
                product,
                buy,
                free,
                percent == null ? null : new BigDecimal(percent),
                from,
                to,
                active,
                NOW,
                NOW);
    }
}
