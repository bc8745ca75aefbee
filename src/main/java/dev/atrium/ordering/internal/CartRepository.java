package dev.atrium.ordering.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code carts} and {@code cart_items} tables: one cart per user, for one shop; no row while it is empty.
 *
 * <p>Not a Spring Data aggregate, though a cart and its items would make one: Spring Data saves a cart by deleting and
 * inserting all its items, so adding an item would become a read-modify-write of the whole cart under a lock, where it
 * is one upsert that two concurrent first adds cannot both insert; and checkout reads the cart and its items {@code FOR
 * UPDATE} under the order batch's locks, where Spring Data's {@code @Lock} would lock the cart row but not the items
 * it loads with it.
 */
@Repository
class CartRepository {

    record Item(long productId, int quantity, Instant addedAt) {}

    record Cart(long userId, long shopId, List<Item> items) {}

    private final JdbcClient jdbc;

    CartRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Cart> find(long userId) {
        return read(userId, "");
    }

    /** The cart with its rows locked until the transaction ends: what a change or a checkout works on. */
    Optional<Cart> lock(long userId) {
        return read(userId, " FOR UPDATE");
    }

    private Optional<Cart> read(long userId, String locking) {
        Optional<Long> shop = jdbc.sql("SELECT shop_id FROM carts WHERE user_id = :user" + locking)
                .param("user", userId)
                .query(Long.class)
                .optional();
        return shop.map(shopId -> new Cart(
                userId,
                shopId,
                jdbc.sql("SELECT product_id, quantity, added_at FROM cart_items WHERE user_id = :user"
                                + " ORDER BY added_at, product_id" + locking)
                        .param("user", userId)
                        .query((rs, row) -> new Item(
                                rs.getLong("product_id"),
                                rs.getInt("quantity"),
                                rs.getTimestamp("added_at").toInstant()))
                        .list()));
    }

    /** Makes the cart hold exactly these items (none: no cart). */
    void replace(long userId, long shopId, List<Item> items, Instant now) {
        jdbc.sql("DELETE FROM carts WHERE user_id = :user")
                .param("user", userId)
                .update();
        if (items.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO carts (user_id, shop_id, updated_at) VALUES (:user, :shop, :now)")
                .param("user", userId)
                .param("shop", shopId)
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("""
                        INSERT INTO cart_items (user_id, product_id, quantity, added_at)
                        SELECT :user, v.product_id, v.quantity, CAST(:now AS timestamptz) + v.n * interval '1 microsecond'
                        FROM unnest(:products::bigint[], :quantities::int[]) WITH ORDINALITY AS v(product_id, quantity, n)""")
                .param("user", userId)
                .param("products", items.stream().map(Item::productId).toArray(Long[]::new))
                .param("quantities", items.stream().map(Item::quantity).toArray(Integer[]::new))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Sets one item's quantity (adding the item when new), in a cart for the shop. */
    void put(long userId, long shopId, long productId, int quantity, Instant now) {
        jdbc.sql("""
                        INSERT INTO carts (user_id, shop_id, updated_at) VALUES (:user, :shop, :now)
                        ON CONFLICT (user_id) DO UPDATE SET shop_id = EXCLUDED.shop_id, updated_at = EXCLUDED.updated_at""")
                .param("user", userId)
                .param("shop", shopId)
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql("""
                        INSERT INTO cart_items (user_id, product_id, quantity, added_at) VALUES (:user, :product, :quantity, :now)
                        ON CONFLICT (user_id, product_id) DO UPDATE SET quantity = EXCLUDED.quantity""")
                .param("user", userId)
                .param("product", productId)
                .param("quantity", quantity)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Takes items out of a cart, and the cart away once it is empty; returns how many items went. */
    int remove(long userId, Collection<Long> productIds) {
        int removed = jdbc.sql("DELETE FROM cart_items WHERE user_id = :user AND product_id = ANY (:products)")
                .param("user", userId)
                .param("products", productIds.toArray(Long[]::new))
                .update();
        jdbc.sql("""
                        DELETE FROM carts c WHERE user_id = :user
                        AND NOT EXISTS (SELECT 1 FROM cart_items i WHERE i.user_id = c.user_id)""").param("user", userId).update();
        return removed;
    }

    /** A deleted product leaves every cart (and a cart left empty goes too). */
    void removeProductEverywhere(long productId) {
        jdbc.sql("""
                        WITH gone AS (DELETE FROM cart_items WHERE product_id = :product RETURNING user_id)
                        DELETE FROM carts c WHERE c.user_id IN (SELECT user_id FROM gone)
                        AND NOT EXISTS (SELECT 1 FROM cart_items i WHERE i.user_id = c.user_id
                                        AND i.product_id <> :product)""").param("product", productId).update();
    }
}
