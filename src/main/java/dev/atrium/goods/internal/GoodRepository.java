package dev.atrium.goods.internal;

import dev.atrium.shared.paging.LikePattern;
import dev.atrium.shared.paging.Page;
import dev.atrium.shared.paging.PageQuery;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code goods} table as the admin panel shows it: searched, paged, and emptied on request. */
@Repository
class GoodRepository {

    private static final String MATCHES =
            " WHERE (:q = '' OR good_name ILIKE :pattern OR good_code ILIKE :pattern OR supplier_name ILIKE :pattern)";

    private final JdbcClient jdbc;

    GoodRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM goods").query(Long.class).single();
    }

    /** Newest rows first, matching {@code q} in name, code or supplier. */
    Page<StoredGood> page(@Nullable String q, PageQuery page) {
        String query = q == null ? "" : q.strip();
        String pattern = LikePattern.containing(query);
        long total = jdbc.sql("SELECT count(*) FROM goods" + MATCHES)
                .param("q", query)
                .param("pattern", pattern)
                .query(Long.class)
                .single();
        List<StoredGood> rows = jdbc.sql(
                        "SELECT * FROM goods" + MATCHES + " ORDER BY id DESC LIMIT :size OFFSET :offset")
                .param("q", query)
                .param("pattern", pattern)
                .param("size", page.size())
                .param("offset", page.offset())
                .query((rs, n) -> new StoredGood(
                        rs.getLong("id"),
                        rs.getString("good_name"),
                        rs.getString("good_code"),
                        rs.getString("supplier_name"),
                        rs.getString("supplier_address"),
                        rs.getString("supplier_phone"),
                        rs.getString("supplier_contact"),
                        rs.getBoolean("is_bulk"),
                        rs.getInt("price"),
                        rs.getObject("dt_of_license", LocalDate.class)))
                .list();
        return new Page<>(rows, total);
    }

    /** Removes every row; the ids start again from 1, as on a fresh table. Returns how many rows there were. */
    long empty() {
        long rows = count();
        jdbc.sql("TRUNCATE goods RESTART IDENTITY").update();
        return rows;
    }
}
