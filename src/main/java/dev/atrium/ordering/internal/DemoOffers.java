package dev.atrium.ordering.internal;

import dev.atrium.shared.demo.DemoData;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo offers, so that a first order shows a discount: buy 2 get 1 free on the first demo book, 15% off the first demo
 * notebook-like goods item, and 5% off every order. Added once: an offer of the same name is left as it is.
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
        added += add("Buy 2, get 1 free: " + productName("DEMO-B0001"), "buy_x_get_y_free", "DEMO-B0001", 2, 1, null);
        added += add("15% off: " + productName("DEMO-G0001"), "percent_off_product", "DEMO-G0001", null, null, "15");
        added += add("5% off every order", "percent_off_order", null, null, null, "5");
        return added + " demo offers added (3 in all)";
    }

    private String productName(String sku) {
        return jdbc.sql("SELECT name FROM products WHERE sku = :sku")
                .param("sku", sku)
                .query(String.class)
                .optional()
                .orElse(sku);
    }

    private int add(String name, String kind, String sku, Integer buy, Integer free, String percent) {
        return jdbc.sql("""
                        INSERT INTO offers (name, kind, product_id, buy_quantity, free_quantity, percent)
                        SELECT :name, :kind, (SELECT id FROM products WHERE sku = :sku), :buy, :free, CAST(:percent AS numeric)
                        WHERE NOT EXISTS (SELECT 1 FROM offers WHERE name = :name)
                          AND (CAST(:sku AS text) IS NULL OR EXISTS (SELECT 1 FROM products WHERE sku = :sku))""")
                .param("name", name)
                .param("kind", kind)
                .param("sku", sku)
                .param("buy", buy)
                .param("free", free)
                .param("percent", percent)
                .update();
    }
}
