package dev.atrium.ordering.internal;

import dev.atrium.shared.paging.LikePattern;
import dev.atrium.shared.paging.PageQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * The {@code offers} table. An offer's times are the database's own ({@code now()}), so creating and changing one are
 * an {@code INSERT}/{@code UPDATE ... RETURNING} that answers the stored row, rather than {@code save}.
 */
interface OfferRepository extends Repository<Offer, Long>, OffersInForce {

    /**
     * The columns of an {@link Offer}. {@code kind} holds the value the API shows ({@code buy_x_get_y_free}), while
     * Spring Data reads an enum by its constant's name, hence {@code upper}.
     */
    String COLUMNS = """
            id, name, upper(kind) AS kind, product_id, buy_quantity, free_quantity, percent, valid_from, valid_to,
            active, created_at, updated_at""";

    /** Offers in force at {@code :at} (all of them when it is null) whose name contains {@code :pattern} (if any). */
    String MATCHING = """
            (CAST(:at AS timestamptz) IS NULL
                OR (active AND (valid_from IS NULL OR valid_from <= :at) AND (valid_to IS NULL OR valid_to > :at)))
            AND (CAST(:pattern AS text) IS NULL OR name ILIKE :pattern)""";

    @Query("SELECT " + COLUMNS + " FROM offers WHERE id = :id")
    Optional<Offer> findById(long id);

    /**
     * Offers by newest first; {@code inForceAt} keeps those in force then, {@code q} those whose name contains the
     * text (any case).
     */
    default List<Offer> list(@Nullable Instant inForceAt, @Nullable String q, PageQuery page) {
        return page(inForceAt, LikePattern.searchOrNull(q), page.offset(), page.size());
    }

    default long count(@Nullable Instant inForceAt, @Nullable String q) {
        return countMatching(inForceAt, LikePattern.searchOrNull(q));
    }

    @Query("SELECT " + COLUMNS + " FROM offers WHERE " + MATCHING + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
    List<Offer> page(@Nullable Instant at, @Nullable String pattern, long offset, int limit);

    @Query("SELECT count(*) FROM offers WHERE " + MATCHING)
    long countMatching(@Nullable Instant at, @Nullable String pattern);

    default Offer insert(OfferFields fields) {
        return insert(
                fields.name(),
                fields.kind().value(),
                fields.productId(),
                fields.buyQuantity(),
                fields.freeQuantity(),
                fields.percent(),
                fields.validFrom(),
                fields.validTo(),
                fields.active());
    }

    @Query("""
            INSERT INTO offers (name, kind, product_id, buy_quantity, free_quantity, percent, valid_from, valid_to,
                                active)
            VALUES (:name, :kind, :productId, :buyQuantity, :freeQuantity, :percent, :validFrom, :validTo, :active)
            RETURNING""" + " " + COLUMNS)
    Offer insert(
            String name,
            String kind,
            @Nullable Long productId,
            @Nullable Integer buyQuantity,
            @Nullable Integer freeQuantity,
            @Nullable BigDecimal percent,
            @Nullable Instant validFrom,
            @Nullable Instant validTo,
            boolean active);

    default Optional<Offer> update(long id, OfferFields fields) {
        return update(
                id,
                fields.name(),
                fields.kind().value(),
                fields.productId(),
                fields.buyQuantity(),
                fields.freeQuantity(),
                fields.percent(),
                fields.validFrom(),
                fields.validTo(),
                fields.active());
    }

    @Query("""
            UPDATE offers SET name = :name, kind = :kind, product_id = :productId, buy_quantity = :buyQuantity,
                free_quantity = :freeQuantity, percent = :percent, valid_from = :validFrom, valid_to = :validTo,
                active = :active, updated_at = now()
            WHERE id = :id
            RETURNING""" + " " + COLUMNS)
    Optional<Offer> update(
            long id,
            String name,
            String kind,
            @Nullable Long productId,
            @Nullable Integer buyQuantity,
            @Nullable Integer freeQuantity,
            @Nullable BigDecimal percent,
            @Nullable Instant validFrom,
            @Nullable Instant validTo,
            boolean active);

    /** Switches off every active offer for the product. */
    @Modifying
    @Query("UPDATE offers SET active = false, updated_at = now() WHERE product_id = :productId AND active")
    void switchOffForProduct(long productId);
}
