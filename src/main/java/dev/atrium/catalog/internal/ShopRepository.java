package dev.atrium.catalog.internal;

import dev.atrium.shared.paging.LikePattern;
import dev.atrium.shared.paging.PageQuery;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The {@code shops} table. A shop's times are the database's own ({@code now()}), so creating and changing one are an
 * {@code INSERT}/{@code UPDATE ... RETURNING} that answers the stored row, rather than {@code save}.
 */
interface ShopRepository extends ListCrudRepository<Shop, Long>, ShopSummaries {

    /** Shops whose name, address or description contains the pattern (any case); all of them when it is null. */
    String MATCHING = """
            (CAST(:pattern AS text) IS NULL
                OR name ILIKE :pattern OR address ILIKE :pattern OR description ILIKE :pattern)""";

    default boolean exists(long id) {
        return existsById(id);
    }

    /**
     * The shop standing for every request that names none: the one named in {@code atrium.catalog.default-shop}, or
     * else the oldest shop.
     */
    /**
     * The order that puts the default shop first: the one named {@code :configuredName} (any case), else the oldest.
     * Orders, lists and the admin panel all pick the default shop by it.
     */
    String DEFAULT_FIRST = "ORDER BY (lower(name) = lower(:configuredName)) DESC, id";

    @Query("SELECT * FROM shops " + DEFAULT_FIRST + " LIMIT 1")
    Optional<Shop> defaultShop(String configuredName);

    /** Shops whose name, address or description contains the text (any case), by id. */
    default List<Shop> search(@Nullable String q, PageQuery page) {
        return page(LikePattern.searchOrNull(q), page.offset(), page.size());
    }

    default long count(@Nullable String q) {
        return countMatching(LikePattern.searchOrNull(q));
    }

    @Query("SELECT * FROM shops WHERE " + MATCHING + " ORDER BY id LIMIT :limit OFFSET :offset")
    List<Shop> page(@Nullable String pattern, long offset, int limit);

    @Query("SELECT count(*) FROM shops WHERE " + MATCHING)
    long countMatching(@Nullable String pattern);

    @Query("SELECT EXISTS (SELECT 1 FROM shops WHERE lower(name) = lower(:name) AND id <> :exceptId)")
    boolean nameTaken(String name, long exceptId);

    @Query("""
            INSERT INTO shops (name, description, address, site) VALUES (:name, :description, :address, :site)
            RETURNING *""")
    Shop insert(String name, String description, String address, String site);

    @Query("""
            UPDATE shops SET name = :name, description = :description, address = :address, site = :site,
                updated_at = now()
            WHERE id = :id
            RETURNING *""")
    Optional<Shop> update(long id, String name, String description, String address, String site);

    /** Deletes the shop (its stock goes with it); false when there was none. */
    @Modifying
    @Query("DELETE FROM shops WHERE id = :id")
    boolean removeById(long id);
}
