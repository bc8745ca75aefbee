package dev.atrium.ordering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AtriumTest;
import dev.atrium.shared.demo.DemoData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo offers land on the demo catalogue, once. */
@AtriumTest
class DemoOffersTests {

    @Autowired
    List<DemoData> demoData;

    @Autowired
    DemoOffers offers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_demo_offers_are_added_once_on_the_demo_catalogue() {
        demoData.forEach(DemoData::load);

        assertThat(offers.load()).startsWith("0 demo offers added");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM offers o JOIN products p ON p.id = o.product_id
                        WHERE p.sku IN ('DEMO-B0400', 'DEMO-G0600') AND o.active""").query(Long.class).single()).isEqualTo(2);
        // The order-wide offer is there to be switched on, not on: orders of other tests keep their prices.
        assertThat(jdbc.sql("SELECT count(*) FROM offers WHERE name = '5% off every order' AND NOT active")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
