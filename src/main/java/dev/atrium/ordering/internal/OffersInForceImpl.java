package dev.atrium.ordering.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the offers in force with {@code JdbcClient} rather than a Spring Data query: placing an order reads them for
 * every batch while the batch holds its stock and cart locks, so it is one prepared statement binding the products as
 * one array, where Spring Data would expand a collection into a placeholder per product (a new statement for every
 * size of order). Spring Data finds this class as the implementation of {@link OffersInForce} by its {@code Impl} name.
 */
class OffersInForceImpl implements OffersInForce {

    private final JdbcClient jdbc;

    OffersInForceImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Offer> inForce(Instant at, Collection<Long> productIds) {
        return jdbc.sql("""
                        SELECT id, name, kind, product_id, buy_quantity, free_quantity, percent, valid_from, valid_to,
                               active, created_at, updated_at
                        FROM offers
                        WHERE active AND (valid_from IS NULL OR valid_from <= :at) AND (valid_to IS NULL OR valid_to > :at)
                          AND (product_id IS NULL OR product_id = ANY (:products))
                        ORDER BY id""")
                .param("at", Timestamp.from(at))
                .param("products", productIds.toArray(Long[]::new))
                .query(OffersInForceImpl::offer)
                .list();
    }

    private static Offer offer(ResultSet rs, int row) throws SQLException {
        return new Offer(
                rs.getLong("id"),
                rs.getString("name"),
                OfferKind.of(rs.getString("kind")),
                rs.getObject("product_id", Long.class),
                rs.getObject("buy_quantity", Integer.class),
                rs.getObject("free_quantity", Integer.class),
                rs.getBigDecimal("percent"),
                instant(rs.getTimestamp("valid_from")),
                instant(rs.getTimestamp("valid_to")),
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
