package dev.atrium.catalog.internal;

import dev.atrium.catalog.ProductInShop;
import dev.atrium.catalog.StockKey;
import dev.atrium.catalog.StockLevel;
import dev.atrium.catalog.StockLine;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code stock} table (what each shop holds of each product) and the log of changes made by hand.
 *
 * <p>Written with {@code JdbcClient}, not Spring Data, on purpose: placing an order is the hot path measured with
 * pgbench, and it locks and decrements every line of an order in one array-bound statement each, in a fixed lock
 * order, which repository methods working a row at a time would turn into one round trip per line.
 */
@Repository
class StockRepository {

    private final JdbcClient jdbc;

    StockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static StockEntry entry(ResultSet rs, int row) throws SQLException {
        return new StockEntry(
                rs.getLong("shop_id"),
                rs.getLong("product_id"),
                rs.getInt("quantity"),
                rs.getBigDecimal("price"),
                rs.getTimestamp("updated_at").toInstant());
    }

    /** How every shop stands with the product, by shop id; empty when the product does not exist. */
    List<ShopStock> availability(long productId) {
        return jdbc.sql("""
                        SELECT sh.id, sh.name, s.product_id IS NOT NULL AS sold,
                               CASE WHEN s.product_id IS NULL THEN NULL ELSE coalesce(s.price, p.price) END AS price,
                               coalesce(s.quantity, 0) AS quantity
                        FROM products p CROSS JOIN shops sh
                             LEFT JOIN stock s ON s.shop_id = sh.id AND s.product_id = p.id
                        WHERE p.id = :id
                        ORDER BY sh.id""")
                .param("id", productId)
                .query((rs, row) -> new ShopStock(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getBoolean("sold"),
                        rs.getBigDecimal("price"),
                        rs.getInt("quantity")))
                .list();
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

    /** Sets a stock level and price by hand and records why; returns the row as set. */
    StockEntry set(
            long shopId,
            long productId,
            int quantity,
            @Nullable BigDecimal price,
            String reason,
            @Nullable Long byUserId,
            @Nullable String byEmail) {
        Integer before = jdbc.sql("""
                        SELECT quantity FROM stock WHERE shop_id = :shop AND product_id = :product FOR UPDATE""")
                .param("shop", shopId)
                .param("product", productId)
                .query(Integer.class)
                .optional()
                .orElse(null);
        StockEntry entry = jdbc.sql("""
                        INSERT INTO stock (shop_id, product_id, quantity, price) VALUES (:shop, :product, :quantity, :price)
                        ON CONFLICT (shop_id, product_id)
                        DO UPDATE SET quantity = EXCLUDED.quantity, price = EXCLUDED.price, updated_at = now()
                        RETURNING shop_id, product_id, quantity, price, updated_at""")
                .param("shop", shopId)
                .param("product", productId)
                .param("quantity", quantity)
                .param("price", price)
                .query(StockRepository::entry)
                .single();
        jdbc.sql("""
                        INSERT INTO stock_adjustments
                            (shop_id, product_id, quantity_before, quantity_after, price_after, reason, adjusted_by,
                             adjusted_by_email)
                        VALUES (:shop, :product, :before, :after, :price, :reason, :by, :email)""")
                .param("shop", shopId)
                .param("product", productId)
                .param("before", before)
                .param("after", quantity)
                .param("price", price)
                .param("reason", reason)
                .param("by", byUserId)
                .param("email", byEmail)
                .update();
        return entry;
    }

    boolean remove(long shopId, long productId) {
        return jdbc.sql("DELETE FROM stock WHERE shop_id = :shop AND product_id = :product")
                        .param("shop", shopId)
                        .param("product", productId)
                        .update()
                == 1;
    }

    /** The latest changes made by hand in a shop, newest first. */
    List<StockAdjustment> adjustments(long shopId, int limit) {
        return jdbc.sql("""
                        SELECT id, shop_id, product_id, quantity_before, quantity_after, price_after, reason,
                               adjusted_by_email, adjusted_at
                        FROM stock_adjustments WHERE shop_id = :shop ORDER BY adjusted_at DESC, id DESC LIMIT :limit""")
                .param("shop", shopId)
                .param("limit", limit)
                .query((rs, row) -> new StockAdjustment(
                        rs.getLong("id"),
                        rs.getLong("shop_id"),
                        rs.getLong("product_id"),
                        rs.getObject("quantity_before", Integer.class),
                        rs.getInt("quantity_after"),
                        rs.getBigDecimal("price_after"),
                        rs.getString("reason"),
                        rs.getString("adjusted_by_email"),
                        rs.getTimestamp("adjusted_at").toInstant()))
                .list();
    }
}
