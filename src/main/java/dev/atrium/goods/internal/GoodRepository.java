package dev.atrium.goods.internal;

import dev.atrium.shared.paging.LikePattern;
import dev.atrium.shared.paging.Page;
import dev.atrium.shared.paging.PageQuery;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The {@code goods} table as the admin panel shows it: searched, paged, and emptied on request. Rows are written only by
 * {@link GoodsImport}'s {@code COPY}.
 */
interface GoodRepository extends Repository<StoredGood, Long> {

    /** Rows matching {@code q} in name, code or supplier; every row when it is empty. */
    String MATCHING =
            " WHERE (:q = '' OR good_name ILIKE :pattern OR good_code ILIKE :pattern OR supplier_name ILIKE :pattern)";

    @Query("SELECT count(*) FROM goods")
    long count();

    /** Newest rows first, matching {@code q} in name, code or supplier. */
    default Page<StoredGood> page(@Nullable String q, PageQuery page) {
        String query = q == null ? "" : q.strip();
        String pattern = LikePattern.containing(query);
        return new Page<>(newestFirst(query, pattern, page.size(), page.offset()), countMatching(query, pattern));
    }

    @Query("SELECT * FROM goods" + MATCHING + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
    List<StoredGood> newestFirst(String q, String pattern, int limit, long offset);

    @Query("SELECT count(*) FROM goods" + MATCHING)
    long countMatching(String q, String pattern);

    /** Removes every row; the ids start again from 1, as on a fresh table. Returns how many rows there were. */
    default long empty() {
        long rows = count();
        truncate();
        return rows;
    }

    @Modifying
    @Query("TRUNCATE goods RESTART IDENTITY")
    void truncate();
}
