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
import tools.jackson.databind.json.JsonMapper;

/**
 * Product lists: the whole catalogue as one shop sells it ({@code GET /api/products}) and one shop's assortment
 * ({@code GET /api/shops/{id}/products}).
 *
 * <p>The hot path of the catalogue, so one statement per page, and none whose cost grows with the catalogue where an
 * index or a bound serves:
 *
 * <ul>
 *   <li>The page's ids are picked first from {@code products} alone (or the shop's {@code stock} alone), in the order
 *       of an index ({@code ORDER BY p.id} walks the primary key; the shop's stock in id order walks its own), and
 *       stock is joined for those 50 rows only. A deep page still skips its offset, but as index entries (index-only once the
 *       table is vacuumed), not as joined rows. Filters on the shop's price or stock need the join to decide, so they
 *       take the plain join with the offset.
 *   <li>The count of an unfiltered list is one row of {@code catalogue_size} or {@code assortment_sizes}, kept exact
 *       by triggers. A search or filter counts its matches only up to {@link #COUNT_LIMIT} (or just past the page asked
 *       for, when deeper): below that the count is exact, at it the count is PostgreSQL's estimate of the matches
 *       (from the plan, never below what was counted) and the page says so ({@link Page#countIsEstimate()}).
 *   <li>{@code q} is {@code ILIKE '%text%'} on name, description and author, served by their trigram indexes.
 * </ul>
 *
 * <p>The count comes with the rows from a scalar subquery that PostgreSQL evaluates once. Only a page that comes back
 * empty asks for the count on its own, to tell an empty list from a page past the end; that count is always exact,
 * since it stops just past the offset that found nothing.
 */
@Repository
class ProductListing {

    /** How many matches of a search or filter are counted exactly before the count becomes an estimate. */
    static final int COUNT_LIMIT = 10_000;

    private static final String SELECT = """
            SELECT p.id, p.name, p.description, coalesce(s.price, p.price) AS price, p.price AS list_price,
                   coalesce(s.quantity, 0) AS quantity, s.shop_id IS NOT NULL AS sold, p.author, p.isbn, p.publisher,
                   p.year, p.photo_key, (SELECT id FROM shop) AS shop_id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final String defaultShopName;

    ProductListing(JdbcClient jdbc, JsonMapper json, @Value("${atrium.catalog.default-shop:}") String defaultShopName) {
        this.jdbc = jdbc;
        this.json = json;
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
        String join = assortmentOnly ? " JOIN stock s" : " LEFT JOIN stock s";
        String from = " FROM products p" + join + " ON s.product_id = p.id AND s.shop_id = (SELECT id FROM shop)"
                + where(filter);
        boolean filtered = isFiltered(filter);
        long countLimit = Math.max(COUNT_LIMIT, page.offset() + page.size() + 1);
        String total = filtered ? boundedCount(from, countLimit) : storedCount(assortmentOnly);
        String sql = needsStockToChoose(filter)
                ? cte + " " + SELECT + ", " + total + " AS total" + from + " ORDER BY "
                        + filter.ordering().sql() + " LIMIT :limit OFFSET :offset"
                : cte + ", chosen AS (" + chosenIds(assortmentOnly, filter) + ") " + SELECT + ", " + total
                        + " AS total FROM chosen JOIN products p ON p.id = chosen.id" + join
                        + " ON s.product_id = p.id AND s.shop_id = (SELECT id FROM shop) ORDER BY "
                        + filter.ordering().sql();
        List<Long> totals = new ArrayList<>(1);
        List<ListedProduct> rows = bind(jdbc.sql(sql), shopId, filter)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, row) -> {
                    if (row == 0) {
                        totals.add(rs.getLong("total"));
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
            long counted = totals.getFirst();
            if (filtered && counted >= countLimit) {
                return new Page<>(rows, Math.max(counted, estimate(cte + " SELECT 1" + from, shopId, filter)), true);
            }
            return new Page<>(rows, counted);
        }
        if (page.offset() == 0) {
            return new Page<>(rows, 0);
        }
        // Past the end: the matches are fewer than the offset, so counting up to just past it is an exact count.
        String exact = filtered ? boundedCount(from, page.offset() + 1) : storedCount(assortmentOnly);
        long count = bind(jdbc.sql(cte + " SELECT " + exact), shopId, filter)
                .query(Long.class)
                .single();
        return new Page<>(rows, count);
    }

    private static boolean isFiltered(ProductFilter filter) {
        return filter.q() != null || filter.minPrice() != null || filter.maxPrice() != null || filter.inStock() != null;
    }

    /** Whether a product's stock in the shop decides if it is on the page or where: price and stock filters, price order. */
    private static boolean needsStockToChoose(ProductFilter filter) {
        return filter.minPrice() != null
                || filter.maxPrice() != null
                || filter.inStock() != null
                || filter.ordering() == ProductOrdering.PRICE
                || filter.ordering() == ProductOrdering.PRICE_DESC;
    }

    /**
     * The ids of the page's products, chosen from the products (or the shop's stock) alone: an index walk that stops
     * after the page. A shop's assortment in id order needs only its stock's primary key.
     */
    private static String chosenIds(boolean assortmentOnly, ProductFilter filter) {
        String window = " LIMIT :limit OFFSET :offset";
        if (assortmentOnly
                && filter.q() == null
                && filter.ordering() != ProductOrdering.NAME
                && filter.ordering() != ProductOrdering.NAME_DESC) {
            String direction = filter.ordering() == ProductOrdering.ID_DESC ? " DESC" : "";
            return "SELECT s.product_id AS id FROM stock s WHERE s.shop_id = (SELECT id FROM shop) ORDER BY s.product_id"
                    + direction + window;
        }
        String from = assortmentOnly
                ? " FROM stock s JOIN products p ON p.id = s.product_id AND s.shop_id = (SELECT id FROM shop)"
                : " FROM products p";
        // A search's matches come from the trigram indexes, then are sorted: ordering by p.id + 0 keeps the planner
        // from walking the primary key and testing every product until 50 match, which the generic plan of a
        // prepared statement (it cannot see the pattern) picks, and which reads the whole catalogue for a rare word.
        String order = filter.q() == null
                ? filter.ordering().sql()
                : filter.ordering().sql().replace("p.id", "(p.id + 0)");
        return "SELECT p.id" + from + where(filter) + " ORDER BY " + order + window;
    }

    private static String storedCount(boolean assortmentOnly) {
        return assortmentOnly
                ? "coalesce((SELECT products FROM assortment_sizes WHERE shop_id = (SELECT id FROM shop)), 0)"
                : "(SELECT products FROM catalogue_size)";
    }

    /**
     * The bound is written into the statement, not bound as a parameter: with LIMIT a parameter, the generic plan of a
     * prepared statement expects to stop early and reads the products in order instead of through the indexes.
     */
    private static String boundedCount(String from, long limit) {
        return "(SELECT count(*) FROM (SELECT 1" + from + " LIMIT " + limit + ") AS matches)";
    }

    /** PostgreSQL's estimate of how many rows the statement answers: the top of its plan, without running it. */
    private long estimate(String statement, @Nullable Long shopId, ProductFilter filter) {
        String plan = bind(jdbc.sql("EXPLAIN (FORMAT JSON) " + statement), shopId, filter)
                .query(String.class)
                .single();
        // One plan in a JSON array; its top node's row estimate.
        return (long) json.readTree(plan).path(0).path("Plan").path("Plan Rows").asDouble(0);
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
