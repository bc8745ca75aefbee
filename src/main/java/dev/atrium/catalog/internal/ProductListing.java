package dev.atrium.catalog.internal;

import dev.atrium.shared.paging.LikePattern;
import dev.atrium.shared.paging.Page;
import dev.atrium.shared.paging.PageQuery;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Product lists: the whole catalogue as one shop sells it ({@code GET /api/products}) and one shop's assortment
 * ({@code GET /api/shops/{id}/products}).
 *
 * <p>The hot path of the catalogue, so one statement per page: the default shop is resolved inside it, and the total
 * comes with the rows from a scalar subquery that PostgreSQL evaluates once (and, without filters on stock, answers
 * from {@code products} alone, since the left join cannot change the count). A window count ({@code count(*) OVER ()})
 * would join and number every product on every request, twice the work. Only a page that comes back empty asks for
 * the count on its own, to tell an empty list from a page past the end.
 */
@Repository
class ProductListing {

    private static final String SELECT = """
            SELECT p.id, p.name, p.description, coalesce(s.price, p.price) AS price, p.price AS list_price,
                   coalesce(s.quantity, 0) AS quantity, s.shop_id IS NOT NULL AS sold, p.author, p.isbn, p.publisher,
                   p.year, p.photo_key, (SELECT id FROM shop) AS shop_id""";

    private final JdbcClient jdbc;
    private final String defaultShopName;

    ProductListing(JdbcClient jdbc, @Value("${atrium.catalog.default-shop:}") String defaultShopName) {
        this.jdbc = jdbc;
        this.defaultShopName = defaultShopName;
    }

    /** Every product, priced and counted as the shop sells it (the default shop when shopId is null). */
    Page<ListedProduct> catalogue(@Nullable Long shopId, ProductFilter filter, PageQuery page) {
        return page(shopId, false, filter, page);
    }

    /** The products the shop sells. */
    Page<ListedProduct> assortment(long shopId, ProductFilter filter, PageQuery page) {
        return page(shopId, true, filter, page);
    }

    private Page<ListedProduct> page(
            @Nullable Long shopId, boolean assortmentOnly, ProductFilter filter, PageQuery page) {
        String cte = shopCte(shopId);
        String from = (assortmentOnly ? " FROM products p JOIN stock s" : " FROM products p LEFT JOIN stock s")
                + " ON s.product_id = p.id AND s.shop_id = (SELECT id FROM shop)"
                + where(filter);
        List<Long> total = new ArrayList<>(1);
        List<ListedProduct> rows = bind(
                        jdbc.sql(cte + " " + SELECT + ", (SELECT count(*)" + from + ") AS total" + from + " ORDER BY "
                                + filter.ordering().sql() + " LIMIT :limit OFFSET :offset"),
                        shopId,
                        filter)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, row) -> {
                    if (row == 0) {
                        total.add(rs.getLong("total"));
                    }
                    return new ListedProduct(
                            rs.getLong("id"),
                            rs.getString("name"),
                            rs.getString("description"),
                            rs.getBigDecimal("price"),
                            rs.getBigDecimal("list_price"),
                            rs.getInt("quantity"),
                            rs.getBoolean("sold"),
                            rs.getString("author"),
                            rs.getString("isbn"),
                            rs.getString("publisher"),
                            rs.getObject("year", Integer.class),
                            rs.getString("photo_key"),
                            rs.getObject("shop_id", Long.class));
                })
                .list();
        if (!rows.isEmpty()) {
            return new Page<>(rows, total.getFirst());
        }
        long count = page.offset() == 0
                ? 0
                : bind(jdbc.sql(cte + " SELECT count(*)" + from), shopId, filter)
                        .query(Long.class)
                        .single();
        return new Page<>(rows, count);
    }

    private String shopCte(@Nullable Long shopId) {
        return shopId == null
                ? "WITH shop AS (SELECT id FROM shops " + ShopRepository.DEFAULT_FIRST + " LIMIT 1)"
                : "WITH shop AS (SELECT CAST(:shop AS bigint) AS id)";
    }

    private static String where(ProductFilter filter) {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (filter.q() != null) {
            where.append(" AND (p.name ILIKE :pattern OR p.description ILIKE :pattern OR p.author ILIKE :pattern)");
        }
        if (filter.minPrice() != null) {
            where.append(" AND coalesce(s.price, p.price) >= :minPrice");
        }
        if (filter.maxPrice() != null) {
            where.append(" AND coalesce(s.price, p.price) <= :maxPrice");
        }
        if (Boolean.TRUE.equals(filter.inStock())) {
            where.append(" AND s.quantity > 0");
        } else if (Boolean.FALSE.equals(filter.inStock())) {
            where.append(" AND coalesce(s.quantity, 0) = 0");
        }
        return where.toString();
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, @Nullable Long shopId, ProductFilter filter) {
        if (shopId == null) {
            spec = spec.param("configuredName", defaultShopName);
        } else {
            spec = spec.param("shop", shopId);
        }
        if (filter.q() != null) {
            spec = spec.param("pattern", LikePattern.containing(filter.q()));
        }
        if (filter.minPrice() != null) {
            spec = spec.param("minPrice", filter.minPrice());
        }
        if (filter.maxPrice() != null) {
            spec = spec.param("maxPrice", filter.maxPrice());
        }
        return spec;
    }
}
