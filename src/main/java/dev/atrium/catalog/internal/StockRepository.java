package dev.atrium.catalog.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The {@code stock} table (what each shop holds of each product, part of the shop aggregate) and the log of changes
 * made by hand. What orders read and write is {@link OrderStock}; what the catalogue and its administrators do with
 * stock, a row at a time, is here.
 */
interface StockRepository extends Repository<Shop, Long> {

    /** How every shop stands with the product, by shop id; empty when the product does not exist. */
    @Query("""
            SELECT sh.id AS shop_id, sh.name AS shop_name, s.product_id IS NOT NULL AS sold,
                   CASE WHEN s.product_id IS NULL THEN NULL ELSE coalesce(s.price, p.price) END AS price,
                   coalesce(s.quantity, 0) AS quantity
            FROM products p CROSS JOIN shops sh LEFT JOIN stock s ON s.shop_id = sh.id AND s.product_id = p.id
            WHERE p.id = :productId
            ORDER BY sh.id""")
    List<ShopStock> availability(long productId);

    /** Sets a stock level and price by hand and records why; returns the row as set. */
    default StockEntry set(
            long shopId,
            long productId,
            int quantity,
            @Nullable BigDecimal price,
            String reason,
            @Nullable Long byUserId,
            @Nullable String byEmail) {
        Integer before = lockQuantity(shopId, productId).orElse(null);
        StockEntry entry = upsert(shopId, productId, quantity, price);
        recordAdjustment(shopId, productId, before, quantity, price, reason, byUserId, byEmail);
        return entry;
    }

    @Query("SELECT quantity FROM stock WHERE shop_id = :shopId AND product_id = :productId FOR UPDATE")
    Optional<Integer> lockQuantity(long shopId, long productId);

    @Query("""
            INSERT INTO stock (shop_id, product_id, quantity, price) VALUES (:shopId, :productId, :quantity, :price)
            ON CONFLICT (shop_id, product_id)
            DO UPDATE SET quantity = EXCLUDED.quantity, price = EXCLUDED.price, updated_at = now()
            RETURNING shop_id, product_id, quantity, price AS own_price, updated_at""")
    StockEntry upsert(long shopId, long productId, int quantity, @Nullable BigDecimal price);

    @Modifying
    @Query("""
            INSERT INTO stock_adjustments
                (shop_id, product_id, quantity_before, quantity_after, price_after, reason, adjusted_by,
                 adjusted_by_email)
            VALUES (:shopId, :productId, :before, :after, :price, :reason, :byUserId, :byEmail)""")
    void recordAdjustment(
            long shopId,
            long productId,
            @Nullable Integer before,
            int after,
            @Nullable BigDecimal price,
            String reason,
            @Nullable Long byUserId,
            @Nullable String byEmail);

    @Modifying
    @Query("DELETE FROM stock WHERE shop_id = :shopId AND product_id = :productId")
    boolean remove(long shopId, long productId);

    /** The latest changes made by hand in a shop, newest first. */
    @Query("""
            SELECT id, shop_id, product_id, quantity_before, quantity_after, price_after, reason,
                   adjusted_by_email AS adjusted_by, adjusted_at
            FROM stock_adjustments WHERE shop_id = :shopId ORDER BY adjusted_at DESC, id DESC LIMIT :limit""")
    List<StockAdjustment> adjustments(long shopId, int limit);
}
