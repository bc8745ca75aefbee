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
 * <p>The hot path of the catalogue, so one or two statements per page, and none whose cost grows with the catalogue
 * where an index, a bound or a kept count serves (docs/performance.md, "The catalogue at scale", has their plans):
 *
 * <ul>
 *   <li>The page's ids are picked first, and stock is joined for those rows only. Unfiltered, they come from walking
 *       the index of the ordering: the primary key, {@code products (name, id)} or {@code (name DESC, id)}, or a
 *       shop's stock by its primary key. A deep page still skips its offset, but as index entries (index-only once
 *       the table is vacuumed), not as joined rows; a keyset ({@code after}, in the order by id) skips nothing.
 *       Nothing serves the price order (a shop's price or the list price), which sorts every product.
 *   <li>The count of an unfiltered list is one row of {@code catalogue_size} or {@code assortment_sizes}, kept exact
 *       by triggers, and comes with the rows. A search or filter counts its matches first, only up to
 *       {@link #COUNT_LIMIT} (or just past the page asked for, when deeper), through the trigram indexes for {@code q}
 *       and the price indexes for a price range: below the bound the count is exact, at it the count is PostgreSQL's
 *       estimate of the matches (from the plan, never below what was counted) and the page says so
 *       ({@link Page#countIsEstimate()}). Then the page is chosen by walking the ordering's index when many match, or
 *       by sorting the matches when few do ({@link #walks}).
 *   <li>{@code q} is {@code ILIKE '%text%'} on name, description and author, served by their trigram indexes.
 * </ul>
 */
@Repository
class ProductListing {

    /** How many matches of a search or filter are counted exactly before the count becomes an estimate. */
    static final int COUNT_LIMIT = 10_000;

    private static final String SELECT = """
            SELECT p.id, p.name, p.description, coalesce(s.price, p.price) AS price, p.price AS list_price,
                   coalesce(s.quantity, 0) AS quantity, s.shop_id IS NOT NULL AS sold, p.author, p.isbn, p.publisher,
                   p.year, p.photo_key, (SELECT id FROM shop) AS shop_id""";

    private static final String WINDOW = " LIMIT :limit OFFSET :offset";

    /** How many products a walk may read per match a sort would read: a walk reads each heap page for many rows. */
    private static final double WALK_RATIO = 10;

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
        return page(shopId, false, filter, page, null);
    }

    /** The products the shop sells. */
    Page<ListedProduct> assortment(long shopId, ProductFilter filter, PageQuery page) {
        return page(shopId, true, filter, page, null);
    }

    /**
     * The catalogue's products that follow the product {@code after} in an order by id (either way): a keyset, which
     * the primary key finds at once however deep, where a page number skips its offset entry by entry. The count is
     * the whole list's, as on a numbered page.
     */
    Page<ListedProduct> catalogue(@Nullable Long shopId, ProductFilter filter, PageQuery page, long after) {
        return page(shopId, false, filter, keysetWindow(page), after);
    }

    /** The shop's products that follow the product {@code after}; see {@link #catalogue(Long, ProductFilter, PageQuery, long)}. */
    Page<ListedProduct> assortment(long shopId, ProductFilter filter, PageQuery page, long after) {
        return page(shopId, true, filter, keysetWindow(page), after);
    }

    /** A keyset starts where its product is: the window is the first page's, of the same size. */
    private static PageQuery keysetWindow(PageQuery page) {
        return new PageQuery(1, page.size());
    }

    private Page<ListedProduct> page(
            @Nullable Long shopId, boolean assortmentOnly, ProductFilter filter, PageQuery page, @Nullable Long after) {
        if (after != null && filter.ordering() != ProductOrdering.ID && filter.ordering() != ProductOrdering.ID_DESC) {
            throw new IllegalArgumentException("A keyset follows the order by id, not " + filter.ordering());
        }
        String cte = shopCte(shopId);
        if (!isFiltered(filter)) {
            return unfiltered(cte, shopId, assortmentOnly, filter, page, after);
        }
        // The matches are counted first, up to a bound, through the indexes of the search and the price, together
        // with the list's size; the two say how to choose the page (below). The bound is written into the statement:
        // as a parameter, the generic plan of the prepared statement expected to stop early and read the products in
        // order instead of through the indexes.
        long countLimit = Math.max(COUNT_LIMIT, page.offset() + page.size() + 1);
        String matches = matches(assortmentOnly, filter);
        long[] sizes = bind(
                        jdbc.sql(cte + " SELECT (SELECT count(*) FROM (SELECT 1"
                                + countedFrom(assortmentOnly, filter, matches) + " LIMIT " + countLimit
                                + ") AS matches) AS matches, " + storedCount(assortmentOnly) + " AS products"),
                        shopId,
                        filter)
                .query((rs, row) -> new long[] {rs.getLong("matches"), rs.getLong("products")})
                .single();
        long counted = sizes[0];
        if (counted <= page.offset()) {
            // Fewer matches than the bound: the count is exact, and there is nothing to show (an empty first page, or
            // a page past the end, which answers this count).
            return new Page<>(List.of(), counted);
        }
        boolean many = counted >= countLimit;
        long count = many ? Math.max(counted, estimate(cte + " SELECT 1" + matches, shopId, filter)) : counted;
        String chosen = walks(page, filter, sizes[1], count, many)
                ? walked(assortmentOnly, filter, after)
                : "SELECT p.id" + matches + keyset("p.id", filter, after) + " ORDER BY "
                        + filter.ordering().sortSql() + WINDOW;
        List<ListedProduct> rows = rows(
                cte + ", chosen AS (" + chosen + ") " + SELECT + shown(assortmentOnly, filter),
                shopId,
                filter,
                page,
                after,
                null);
        return new Page<>(rows, count, many);
    }

    /**
     * Whether the page is chosen by walking the ordering's index and testing each product on the way (stopping after
     * the page), rather than by sorting the matches found through the search's and price's indexes. A walk reads about
     * (offset + limit) * size / matches products, in index order, a few dozen to a heap page; the matches cost about
     * a heap page each, and all of them are read. So a walk serves the first pages of a search or filter that many
     * products match, and sorting serves a rare word, a narrow price range, and the deep pages of both. When fewer
     * than the bound match, they have just been counted through the indexes, and sorting them costs what that did.
     * No index walks the price order, so it always sorts the matches.
     */
    private static boolean walks(PageQuery page, ProductFilter filter, long size, long matches, boolean many) {
        return many
                && filter.ordering() != ProductOrdering.PRICE
                && filter.ordering() != ProductOrdering.PRICE_DESC
                && (double) (page.offset() + page.size()) * size < WALK_RATIO * (double) matches * matches;
    }

    /**
     * An unfiltered list: one statement, its count one row of {@code catalogue_size} or {@code assortment_sizes}. Only
     * a page that comes back empty asks for the count on its own, to tell an empty list from a page past the end (or
     * a keyset past the last product).
     */
    private Page<ListedProduct> unfiltered(
            String cte,
            @Nullable Long shopId,
            boolean assortmentOnly,
            ProductFilter filter,
            PageQuery page,
            @Nullable Long after) {
        String total = storedCount(assortmentOnly);
        String chosen = needsStockToChoose(filter)
                ? "SELECT p.id FROM products p" + join(assortmentOnly) + " ORDER BY "
                        + filter.ordering().sql() + WINDOW
                : walked(assortmentOnly, filter, after);
        List<Long> totals = new ArrayList<>(1);
        List<ListedProduct> rows = rows(
                cte + ", chosen AS (" + chosen + ") " + SELECT + ", " + total + " AS total"
                        + shown(assortmentOnly, filter),
                shopId,
                filter,
                page,
                after,
                totals);
        if (!rows.isEmpty() || (page.offset() == 0 && after == null)) {
            return new Page<>(rows, rows.isEmpty() ? 0 : totals.getFirst());
        }
        long count = bind(jdbc.sql(cte + " SELECT " + total), shopId, filter)
                .query(Long.class)
                .single();
        return new Page<>(List.of(), count);
    }

    /** The page's rows; the total the first row carries goes to {@code totals}, when given (the statement has one). */
    private List<ListedProduct> rows(
            String sql,
            @Nullable Long shopId,
            ProductFilter filter,
            PageQuery page,
            @Nullable Long after,
            @Nullable List<Long> totals) {
        JdbcClient.StatementSpec statement = bind(jdbc.sql(sql), shopId, filter);
        if (after != null) {
            statement = statement.param("after", after);
        }
        return statement
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((rs, row) -> {
                    if (totals != null && row == 0) {
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
    }

    /** The chosen products with their stock in the shop, in the list's order. */
    private static String shown(boolean assortmentOnly, ProductFilter filter) {
        return " FROM chosen JOIN products p ON p.id = chosen.id" + join(assortmentOnly) + " ORDER BY "
                + filter.ordering().sql();
    }

    private static String join(boolean assortmentOnly) {
        return (assortmentOnly ? " JOIN stock s" : " LEFT JOIN stock s")
                + " ON s.product_id = p.id AND s.shop_id = (SELECT id FROM shop)";
    }

    private static boolean isFiltered(ProductFilter filter) {
        return filter.q() != null || filter.minPrice() != null || filter.maxPrice() != null || filter.inStock() != null;
    }

    private static boolean hasPrice(ProductFilter filter) {
        return filter.minPrice() != null || filter.maxPrice() != null;
    }

    /** Whether a product's stock in the shop decides if it is on the page or where: price and stock filters, price order. */
    private static boolean needsStockToChoose(ProductFilter filter) {
        return hasPrice(filter)
                || filter.inStock() != null
                || filter.ordering() == ProductOrdering.PRICE
                || filter.ordering() == ProductOrdering.PRICE_DESC;
    }

    /**
     * The catalogue's price filter through indexes: the products the shop has no price of its own for, by their list
     * price ({@code products (price, id)}), and the shop's own prices ({@code stock (shop_id, price, product_id)}).
     * Together they are the products whose {@code coalesce(s.price, p.price)} is in the range, each once. The shop's
     * own prices come first: when they alone reach the count's bound, the list prices (and the anti-join that sets
     * aside the products the shop prices itself, which reads all of the shop's own prices) are never read. (A shop's
     * assortment keeps the plain condition: its products are its stock rows, which it reads anyway.)
     */
    private static String priced(ProductFilter filter) {
        return "SELECT own.product_id AS id FROM stock own WHERE own.shop_id = (SELECT id FROM shop)"
                + " AND own.price IS NOT NULL" + range("own.price", filter)
                + " UNION ALL SELECT listed.id FROM products listed WHERE true" + range("listed.price", filter)
                + " AND NOT EXISTS (SELECT 1 FROM stock own WHERE own.shop_id = (SELECT id FROM shop)"
                + " AND own.product_id = listed.id AND own.price IS NOT NULL)";
    }

    /** The matches of a search or filter, written for the indexes to find them: FROM and WHERE. */
    private static String matches(boolean assortmentOnly, ProductFilter filter) {
        boolean priced = !assortmentOnly && hasPrice(filter);
        String from = priced
                ? " FROM (" + priced(filter) + ") AS priced JOIN products p ON p.id = priced.id"
                : " FROM products p";
        return from + join(assortmentOnly) + where(filter, !priced);
    }

    /** What the count reads: the matches, or only the priced ids when the catalogue's price is all there is to test. */
    private static String countedFrom(boolean assortmentOnly, ProductFilter filter, String matches) {
        return !assortmentOnly && hasPrice(filter) && filter.q() == null && filter.inStock() == null
                ? " FROM (" + priced(filter) + ") AS priced"
                : matches;
    }

    /**
     * The ids of the page's products, walking an index in the list's order and testing each product on the way: the
     * primary key, {@code products (name, id)} or {@code (name DESC, id)}, or the shop's stock by its primary key for
     * an assortment in id order; stock is looked up per product when a filter or the order needs it. Nothing
     * serves the price order, which sorts every match.
     */
    private static String walked(boolean assortmentOnly, ProductFilter filter, @Nullable Long after) {
        if (needsStockToChoose(filter)) {
            return "SELECT p.id FROM products p" + join(assortmentOnly) + where(filter, true)
                    + keyset("p.id", filter, after) + " ORDER BY "
                    + filter.ordering().sql() + WINDOW;
        }
        if (assortmentOnly
                && filter.q() == null
                && filter.ordering() != ProductOrdering.NAME
                && filter.ordering() != ProductOrdering.NAME_DESC) {
            String direction = filter.ordering() == ProductOrdering.ID_DESC ? " DESC" : "";
            return "SELECT s.product_id AS id FROM stock s WHERE s.shop_id = (SELECT id FROM shop)"
                    + keyset("s.product_id", filter, after) + " ORDER BY s.product_id" + direction + WINDOW;
        }
        String from = assortmentOnly
                ? " FROM stock s JOIN products p ON p.id = s.product_id AND s.shop_id = (SELECT id FROM shop)"
                : " FROM products p";
        return "SELECT p.id" + from + where(filter, true) + keyset("p.id", filter, after) + " ORDER BY "
                + filter.ordering().sql() + WINDOW;
    }

    private static String storedCount(boolean assortmentOnly) {
        return assortmentOnly
                ? "coalesce((SELECT products FROM assortment_sizes WHERE shop_id = (SELECT id FROM shop)), 0)"
                : "(SELECT products FROM catalogue_size)";
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

    /** The conditions; the price's only when it is not already decided by {@link #priced}. */
    private static String where(ProductFilter filter, boolean price) {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (filter.q() != null) {
            where.append(" AND (p.name ILIKE :pattern OR p.description ILIKE :pattern OR p.author ILIKE :pattern)");
        }
        if (price) {
            where.append(range("coalesce(s.price, p.price)", filter));
        }
        if (Boolean.TRUE.equals(filter.inStock())) {
            where.append(" AND s.quantity > 0");
        } else if (Boolean.FALSE.equals(filter.inStock())) {
            where.append(" AND coalesce(s.quantity, 0) = 0");
        }
        return where.toString();
    }

    /** The keyset's condition: the ids past {@code after} in the list's direction; nothing without one. */
    private static String keyset(String id, ProductFilter filter, @Nullable Long after) {
        if (after == null) {
            return "";
        }
        return " AND " + id + (filter.ordering() == ProductOrdering.ID_DESC ? " < :after" : " > :after");
    }

    private static String range(String price, ProductFilter filter) {
        return (filter.minPrice() == null ? "" : " AND " + price + " >= :minPrice")
                + (filter.maxPrice() == null ? "" : " AND " + price + " <= :maxPrice");
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
