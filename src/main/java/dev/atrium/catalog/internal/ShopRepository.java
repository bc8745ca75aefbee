package dev.atrium.catalog.internal;

import dev.atrium.shared.paging.LikePattern;
import dev.atrium.shared.paging.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code shops} table. */
@Repository
public class ShopRepository {

    static final String COLUMNS = "id, name, description, address, site, created_at, updated_at";

    static final RowMapper<Shop> MAPPER = ShopRepository::map;

    private final JdbcClient jdbc;

    ShopRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Shop> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM shops WHERE id = :id")
                .param("id", id)
                .query(MAPPER)
                .optional();
    }

    public boolean exists(long id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM shops WHERE id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /**
     * The shop standing for every request that names none: the one named in {@code atrium.catalog.default-shop}, or
     * else the oldest shop.
     */
    public Optional<Shop> defaultShop(String configuredName) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM shops ORDER BY (lower(name) = lower(:name)) DESC, id LIMIT 1")
                .param("name", configuredName)
                .query(MAPPER)
                .optional();
    }

    /** Shops whose name, address or description contains the text (any case), by id. */
    public List<Shop> search(@Nullable String q, PageQuery page) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM shops WHERE " + matching(q)
                        + " ORDER BY id LIMIT :limit OFFSET :offset")
                .param("pattern", pattern(q))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(MAPPER)
                .list();
    }

    public long count(@Nullable String q) {
        return jdbc.sql("SELECT count(*) FROM shops WHERE " + matching(q))
                .param("pattern", pattern(q))
                .query(Long.class)
                .single();
    }

    boolean nameTaken(String name, long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM shops WHERE lower(name) = lower(:name) AND id <> :id)")
                .param("name", name)
                .param("id", exceptId)
                .query(Boolean.class)
                .single();
    }

    Shop insert(ShopFields fields) {
        return jdbc.sql("""
                        INSERT INTO shops (name, description, address, site)
                        VALUES (:name, :description, :address, :site)
                        RETURNING""" + " " + COLUMNS).paramSource(fields).query(MAPPER).single();
    }

    Optional<Shop> update(long id, ShopFields fields) {
        return jdbc.sql("""
                        UPDATE shops SET name = :name, description = :description, address = :address, site = :site,
                            updated_at = now()
                        WHERE id = :id
                        RETURNING""" + " " + COLUMNS)
                .param("name", fields.name())
                .param("description", fields.description())
                .param("address", fields.address())
                .param("site", fields.site())
                .param("id", id)
                .query(MAPPER)
                .optional();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM shops WHERE id = :id").param("id", id).update() == 1;
    }

    private static String matching(@Nullable String q) {
        return q == null ? "true" : "(name ILIKE :pattern OR address ILIKE :pattern OR description ILIKE :pattern)";
    }

    static @Nullable String pattern(@Nullable String q) {
        if (q == null) {
            return null;
        }
        return LikePattern.containing(q);
    }

    private static Shop map(ResultSet rs, int row) throws SQLException {
        return new Shop(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("address"),
                rs.getString("site"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
