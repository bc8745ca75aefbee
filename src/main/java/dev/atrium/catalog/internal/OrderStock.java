package dev.atrium.catalog.internal;

import dev.atrium.catalog.ProductInShop;
import dev.atrium.catalog.StockKey;
import dev.atrium.catalog.StockLevel;
import dev.atrium.catalog.StockLine;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stock statements of the order path, with {@code JdbcClient} on purpose: placing an order is the hot path measured
 * with pgbench, and it reads, locks and decrements every line of an order in one array-bound statement each, in a fixed
 * lock order, which repository methods working a row at a time would turn into one round trip per line; and each row
 * is read straight from its columns, without Spring Data's per-column conversions. A class of its own, not a fragment
 * of {@link StockRepository}, so that nothing of Spring Data's stands between the order path and these statements.
 */
@Repository
class OrderStock {

    private final JdbcClient jdbc;

    OrderStock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How each existing product of the list stands in the shop; products that do not exist are left out. */
    Map<Long, ProductInShop> inShop(long shopId, Collection<Long> productIds) {
        Map<Long, ProductInShop> found = new LinkedHashMap<>();
        if (productIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        SELECT p.id, p.name, s.product_id IS NOT NULL AS sold,
                               CASE WHEN s.product_id IS NULL THEN NULL ELSE coalesce(s.price, p.price) END AS price,
                               coalesce(s.quantity, 0) AS quantity
                        FROM products p LEFT JOIN stock s ON s.product_id = p.id AND s.shop_id = :shop
                        WHERE p.id = ANY (:ids)""")
                .param("shop", shopId)
                .param("ids", productIds.toArray(Long[]::new))
                .query((rs, row) -> new ProductInShop(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getBoolean("sold"),
                        rs.getBigDecimal("price"),
                        rs.getInt("quantity")))
                .list()
                .forEach(product -> found.put(product.productId(), product));
        return found;
    }

    /**
     * Locks the stock rows in (shop, product) order and returns them as they are now. Every writer of stock that
     * touches more than one row locks in this order, so that two orders can never deadlock.
     */
    SortedMap<StockKey, StockLevel> lock(Collection<StockKey> keys) {
        SortedMap<StockKey, StockLevel> levels = new TreeMap<>();
        if (keys.isEmpty()) {
            return levels;
        }
        List<StockKey> sorted = keys.stream().distinct().sorted().toList();
        jdbc.sql("""
                        SELECT s.shop_id, s.product_id, p.name, coalesce(s.price, p.price) AS price, s.quantity
                        FROM stock s JOIN products p ON p.id = s.product_id
                        WHERE (s.shop_id, s.product_id) IN (SELECT * FROM unnest(:shops::bigint[], :products::bigint[]))
                        ORDER BY s.shop_id, s.product_id
                        FOR UPDATE OF s""")
                .param("shops", sorted.stream().map(StockKey::shopId).toArray(Long[]::new))
                .param("products", sorted.stream().map(StockKey::productId).toArray(Long[]::new))
                .query((rs, row) -> new StockLevel(
                        rs.getLong("shop_id"),
                        rs.getLong("product_id"),
                        rs.getString("name"),
                        rs.getBigDecimal("price"),
                        rs.getInt("quantity")))
                .list()
                .forEach(level -> levels.put(level.key(), level));
        return levels;
    }

    /** Takes the quantities from rows this transaction has locked; the quantities must be there. */
    void decrement(Collection<StockLine> lines) {
        List<StockLine> sorted =
                lines.stream().sorted((a, b) -> a.key().compareTo(b.key())).toList();
        int updated = jdbc.sql("""
                        UPDATE stock s SET quantity = s.quantity - v.quantity, updated_at = now()
                        FROM unnest(:shops::bigint[], :products::bigint[], :quantities::int[])
                             AS v(shop_id, product_id, quantity)
                        WHERE s.shop_id = v.shop_id AND s.product_id = v.product_id""")
                .param("shops", sorted.stream().map(StockLine::shopId).toArray(Long[]::new))
                .param("products", sorted.stream().map(StockLine::productId).toArray(Long[]::new))
                .param("quantities", sorted.stream().map(StockLine::quantity).toArray(Integer[]::new))
                .update();
        if (updated != sorted.size()) {
            throw new IllegalStateException("Stock rows vanished while locked");
        }
    }

    /**
     * Puts quantities back (a cancelled order). A row the shop has dropped since is created again, at the list price;
     * a product or shop that no longer exists takes nothing back.
     */
    void increment(Collection<StockLine> lines) {
        List<StockLine> sorted =
                lines.stream().sorted((a, b) -> a.key().compareTo(b.key())).toList();
        jdbc.sql("""
                        INSERT INTO stock (shop_id, product_id, quantity)
                        SELECT v.shop_id, v.product_id, v.quantity
                        FROM unnest(:shops::bigint[], :products::bigint[], :quantities::int[])
                             AS v(shop_id, product_id, quantity)
                        WHERE EXISTS (SELECT 1 FROM shops WHERE id = v.shop_id)
                          AND EXISTS (SELECT 1 FROM products WHERE id = v.product_id)
                        ORDER BY v.shop_id, v.product_id
                        ON CONFLICT (shop_id, product_id)
                        DO UPDATE SET quantity = stock.quantity + EXCLUDED.quantity, updated_at = now()""")
                .param("shops", sorted.stream().map(StockLine::shopId).toArray(Long[]::new))
                .param("products", sorted.stream().map(StockLine::productId).toArray(Long[]::new))
                .param("quantities", sorted.stream().map(StockLine::quantity).toArray(Integer[]::new))
                .update();
    }
}
