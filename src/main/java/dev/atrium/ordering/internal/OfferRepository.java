package dev.atrium.ordering.internal;

import dev.atrium.shared.paging.LikePattern;
import dev.atrium.shared.paging.PageQuery;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code offers} table. */
@Repository
class OfferRepository {

    static final String COLUMNS = """
            id, name, kind, product_id, buy_quantity, free_quantity, percent, valid_from, valid_to, active,
            created_at, updated_at""";

    static final RowMapper<Offer> MAPPER = OfferRepository::map;

    /** An offer's fields when it is created or changed, already checked. */
    public record Fields(
            String name,
            OfferKind kind,
            @Nullable Long productId,
            @Nullable Integer buyQuantity,
            @Nullable Integer freeQuantity,
            @Nullable BigDecimal percent,
            @Nullable Instant validFrom,
            @Nullable Instant validTo,
            boolean active) {}

    private final JdbcClient jdbc;

    OfferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Offer> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM offers WHERE id = :id")
                .param("id", id)
                .query(MAPPER)
                .optional();
    }

    /** The offers that apply at that moment to these products or to whole orders. */
    List<Offer> inForce(Instant at, Collection<Long> productIds) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM offers
                        WHERE active AND (valid_from IS NULL OR valid_from <= :at) AND (valid_to IS NULL OR valid_to > :at)
                          AND (product_id IS NULL OR product_id = ANY (:products))
                        ORDER BY id""")
                .param("at", Timestamp.from(at))
                .param("products", productIds.toArray(Long[]::new))
                .query(MAPPER)
                .list();
    }

    /**
     * Offers by newest first; {@code inForceAt} keeps those in force then, {@code q} those whose name contains the
     * text (any case).
     */
    List<Offer> list(@Nullable Instant inForceAt, @Nullable String q, PageQuery page) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM offers WHERE " + where(inForceAt, q)
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(params(inForceAt, q))
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(MAPPER)
                .list();
    }

    long count(@Nullable Instant inForceAt, @Nullable String q) {
        return jdbc.sql("SELECT count(*) FROM offers WHERE " + where(inForceAt, q))
                .params(params(inForceAt, q))
                .query(Long.class)
                .single();
    }

    Offer insert(Fields fields) {
        return jdbc.sql("""
                        INSERT INTO offers (name, kind, product_id, buy_quantity, free_quantity, percent, valid_from,
                                            valid_to, active)
                        VALUES (:name, :kind, :productId, :buyQuantity, :freeQuantity, :percent, :validFrom, :validTo,
                                :active)
                        RETURNING""" + " " + COLUMNS)
                .params(fieldParams(fields))
                .query(MAPPER)
                .single();
    }

    Optional<Offer> update(long id, Fields fields) {
        return jdbc.sql("""
                        UPDATE offers SET name = :name, kind = :kind, product_id = :productId,
                            buy_quantity = :buyQuantity, free_quantity = :freeQuantity, percent = :percent,
                            valid_from = :validFrom, valid_to = :validTo, active = :active, updated_at = now()
                        WHERE id = :id
                        RETURNING""" + " " + COLUMNS)
                .params(fieldParams(fields))
                .param("id", id)
                .query(MAPPER)
                .optional();
    }

    /** Switches off every active offer for the product. */
    void switchOffForProduct(long productId) {
        jdbc.sql("UPDATE offers SET active = false, updated_at = now() WHERE product_id = :product AND active")
                .param("product", productId)
                .update();
    }

    private static String where(@Nullable Instant inForceAt, @Nullable String q) {
        String where = "true";
        if (inForceAt != null) {
            where +=
                    " AND active AND (valid_from IS NULL OR valid_from <= :at) AND (valid_to IS NULL OR valid_to > :at)";
        }
        if (q != null) {
            where += " AND name ILIKE :pattern";
        }
        return where;
    }

    private static java.util.Map<String, Object> params(@Nullable Instant inForceAt, @Nullable String q) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (inForceAt != null) {
            params.put("at", Timestamp.from(inForceAt));
        }
        if (q != null) {
            params.put("pattern", LikePattern.containing(q));
        }
        return params;
    }

    private static java.util.Map<String, Object> fieldParams(Fields fields) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("name", fields.name());
        params.put("kind", fields.kind().value());
        params.put("productId", fields.productId());
        params.put("buyQuantity", fields.buyQuantity());
        params.put("freeQuantity", fields.freeQuantity());
        params.put("percent", fields.percent());
        params.put("validFrom", fields.validFrom() == null ? null : Timestamp.from(fields.validFrom()));
        params.put("validTo", fields.validTo() == null ? null : Timestamp.from(fields.validTo()));
        params.put("active", fields.active());
        return params;
    }

    private static Offer map(ResultSet rs, int row) throws SQLException {
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

    static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
