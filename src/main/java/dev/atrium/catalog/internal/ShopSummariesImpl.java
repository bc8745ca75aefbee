package dev.atrium.catalog.internal;

import dev.atrium.catalog.ShopSummary;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads a shop's id and name with {@code JdbcClient} rather than a Spring Data query: every order and quote resolves
 * its shop, and mapping the whole {@link Shop} through Spring Data's entity conversion on that path cost a tenth of
 * the hot-product order rate ({@code bench/orders-before-after.sh}). Spring Data finds this class as the
 * implementation of {@link ShopSummaries} by its {@code Impl} name.
 */
class ShopSummariesImpl implements ShopSummaries {

    private final JdbcClient jdbc;

    ShopSummariesImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ShopSummary> summaryOf(long id) {
        return jdbc.sql("SELECT id, name FROM shops WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> new ShopSummary(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    @Override
    public Optional<ShopSummary> defaultSummary(String configuredName) {
        return jdbc.sql("SELECT id, name FROM shops " + ShopRepository.DEFAULT_FIRST + " LIMIT 1")
                .param("configuredName", configuredName)
                .query((rs, row) -> new ShopSummary(rs.getLong(1), rs.getString(2)))
                .optional();
    }
}
