package dev.atrium.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Catalogue rows for tests, written straight into the tables so that a test can set up hundreds of products at once;
 * the tests then look at them only through the API. Names carry a token unique to the test, so that a search for it
 * finds exactly what the test made, whatever other tests have added.
 */
public final class CatalogFixtures {

    private final JdbcClient jdbc;

    public CatalogFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A word no other test uses, to put in names and search for. */
    public static String token() {
        return "tok" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A valid ISBN-13 no other test uses (hyphenated as people type them). */
    public static String isbn() {
        String twelve = "979"
                + String.format(
                        "%09d", java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String digits = twelve + dev.atrium.catalog.internal.Isbn.checkDigit13(twelve);
        return digits.substring(0, 3) + "-" + digits.substring(3, 4) + "-" + digits.substring(4, 12) + "-"
                + digits.substring(12);
    }

    public long shop(String name) {
        return jdbc.sql("INSERT INTO shops (name) VALUES (:name) RETURNING id")
                .param("name", name + " " + token())
                .query(Long.class)
                .single();
    }

    public long product(String name, String price) {
        return product(name, price, "", null);
    }

    public long product(String name, String price, String description, @Nullable String author) {
        return jdbc.sql("""
                        INSERT INTO products (name, price, description, author) VALUES (:name, :price, :description, :author)
                        RETURNING id""")
                .param("name", name)
                .param("price", new BigDecimal(price))
                .param("description", description)
                .param("author", author)
                .query(Long.class)
                .single();
    }

    /** Many products at once, named "{prefix} {n}", all at the same price. */
    public List<Long> products(String prefix, int count, String price) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(prefix + " " + i);
        }
        return jdbc.sql("""
                        INSERT INTO products (name, price)
                        SELECT name, :price FROM unnest(:names::text[]) WITH ORDINALITY AS v(name, n) ORDER BY n
                        RETURNING id""")
                .param("names", names.toArray(String[]::new))
                .param("price", new BigDecimal(price))
                .query(Long.class)
                .list();
    }

    public void stock(long shop, long product, int quantity) {
        stock(shop, product, quantity, null);
    }

    public void stock(long shop, long product, int quantity, @Nullable String price) {
        jdbc.sql("""
                        INSERT INTO stock (shop_id, product_id, quantity, price) VALUES (:shop, :product, :quantity, :price)
                        ON CONFLICT (shop_id, product_id) DO UPDATE SET quantity = EXCLUDED.quantity, price = EXCLUDED.price""")
                .param("shop", shop)
                .param("product", product)
                .param("quantity", quantity)
                .param("price", price == null ? null : new BigDecimal(price))
                .update();
    }

    public int quantity(long shop, long product) {
        return jdbc.sql("SELECT quantity FROM stock WHERE shop_id = :shop AND product_id = :product")
                .param("shop", shop)
                .param("product", product)
                .query(Integer.class)
                .single();
    }

    /** The shop that stands for requests naming none, found by the same rule as Atrium's (no default is configured). */
    public long defaultShop() {
        return jdbc.sql("SELECT id FROM shops ORDER BY id LIMIT 1")
                .query(Long.class)
                .optional()
                .orElseGet(() -> shop("Default"));
    }
}
