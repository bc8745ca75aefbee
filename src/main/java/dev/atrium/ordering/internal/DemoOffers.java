package dev.atrium.ordering.internal;

import dev.atrium.shared.demo.DemoData;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo offers: buy 2 get 1 free on the last demo book, 15% off the last of the other demo goods, and an order-wide 5%
 * that is switched off (an administrator can switch it on). They sit on products at the end of the catalogue, so that
 * orders of the first products cost exactly their prices. Added once: an offer of the same name is left as it is.
 */
@Component
@Order(30)
class DemoOffers implements DemoData {

    private final JdbcClient jdbc;

    DemoOffers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public String load() {
        int added = 0;
        added += add(
                "Buy 2, get 1 free: " + productName("DEMO-B0400"), "buy_x_get_y_free", "DEMO-B0400", 2, 1, null, true);
        added += add(
                "15% off: " + productName("DEMO-G0600"), "percent_off_product", "DEMO-G0600", null, null, "15", true);
        added += add("5% off every order", "percent_off_order", null, null, null, "5", false);
        return added + " demo offers added (3 in all)";
    }

    private String productName(String sku) {
        return jdbc.sql("SELECT name FROM products WHERE sku = :sku")
                .param("sku", sku)
                .query(String.class)
                .optional()
                .orElse(sku);
    }

    private int add(
            String name,
            String kind,
            @Nullable String sku,
            @Nullable Integer buy,
            @Nullable Integer free,
            @Nullable String percent,
            boolean active) {
        return jdbc.sql("""
                        INSERT INTO offers (name, kind, product_id, buy_quantity, free_quantity, percent, active)
                        SELECT :name, :kind, (SELECT id FROM products WHERE sku = :sku), :buy, :free,
                               CAST(:percent AS numeric), :active
                        WHERE NOT EXISTS (SELECT 1 FROM offers WHERE name = :name)
                          AND (CAST(:sku AS text) IS NULL OR EXISTS (SELECT 1 FROM products WHERE sku = :sku))""")
                .param("name", name)
                .param("kind", kind)
                .param("sku", sku)
                .param("buy", buy)
                .param("free", free)
                .param("percent", percent)
                .param("active", active)
                .update();
    }
}
