package dev.atrium.ar.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code image_target_features} table: each target's features and tracking quality, and the version number of a
 * project's targets that says when an index of them is stale.
 */
@Repository
class TargetFeatureStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TargetFeatureStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Keeps what was computed from the image of this checksum, in place of what was computed before. */
    void put(long targetId, String sha256, TargetAnalysis analysis) {
        jdbc.sql("""
                        INSERT INTO image_target_features
                            (target_id, sha256, features, tracking_rating, quality, extraction)
                        VALUES (:id, :sha256, :features, :rating, CAST(:quality AS jsonb), :extraction)
                        ON CONFLICT (target_id) DO UPDATE SET sha256 = excluded.sha256, features = excluded.features,
                            tracking_rating = excluded.tracking_rating, quality = excluded.quality,
                            extraction = excluded.extraction, computed_at = now()""").params(row(targetId, sha256, analysis)).update();
    }

    /** The quality of each of these targets that has one. */
    Map<Long, TrackingQuality> qualities(Collection<Long> targetIds) {
        Map<Long, TrackingQuality> found = new HashMap<>();
        if (targetIds.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT target_id, quality::text AS quality FROM image_target_features WHERE target_id IN (:ids)")
                .param("ids", targetIds)
                .query((rs, row) -> Map.entry(
                        rs.getLong("target_id"), json.readValue(rs.getString("quality"), TrackingQuality.class)))
                .list()
                .forEach(entry -> found.put(entry.getKey(), entry.getValue()));
        return found;
    }

    Optional<TargetFeatures> featuresOf(long targetId) {
        return jdbc.sql("SELECT features FROM image_target_features WHERE target_id = ?")
                .param(targetId)
                .query((rs, row) -> TargetFeatures.decoded(rs.getBytes("features")))
                .optional();
    }

    /**
     * The project's live, active targets that have features: what duplicates and recognition match against. The stamp
     * of a target's features changes whenever they are written again, so that an index can tell which targets changed
     * since it was built without reading any features.
     */
    private static final String MATCHABLE = """
            SELECT t.id, f.sha256 || '@' || f.computed_at::text AS stamp %s
            FROM image_targets t JOIN image_target_features f ON f.target_id = t.id
            WHERE t.project_id = :project AND t.deleted_at IS NULL AND t.active %s""";

    /** The features of the project's matchable targets, with their stamps, in id order. */
    List<Stamped> matchable(long projectId) {
        return jdbc.sql(MATCHABLE.formatted(", f.features", "ORDER BY t.id"))
                .param("project", projectId)
                .query(STAMPED)
                .list();
    }

    /** As {@link #matchable(long)}, for these of the project's targets only. */
    List<Stamped> matchable(long projectId, Collection<Long> targetIds) {
        if (targetIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(MATCHABLE.formatted(", f.features", "AND t.id IN (:ids) ORDER BY t.id"))
                .param("project", projectId)
                .param("ids", targetIds)
                .query(STAMPED)
                .list();
    }

    /** The stamp of each of the project's matchable targets, by target id, without their features. */
    Map<Long, String> stamps(long projectId) {
        Map<Long, String> stamps = new HashMap<>();
        jdbc.sql(MATCHABLE.formatted("", "")).param("project", projectId).query((RowCallbackHandler)
                rs -> stamps.put(rs.getLong("id"), rs.getString("stamp")));
        return stamps;
    }

    private static final RowMapper<Stamped> STAMPED = (rs, row) -> new Stamped(
            new TargetIndex.Entry(rs.getLong("id"), TargetFeatures.decoded(rs.getBytes("features"))),
            rs.getString("stamp"));

    /** An indexed target and the stamp of the features it was indexed with. */
    record Stamped(TargetIndex.Entry entry, String stamp) {}

    /** The project's targets version: it changes with every change that matching sees (kept by triggers). */
    long version(long projectId) {
        return jdbc.sql("SELECT targets_version FROM projects WHERE id = ?")
                .param(projectId)
                .query(Long.class)
                .optional()
                .orElse(-1L);
    }

    /** Counts of the project's live targets by rating (-1 for those not yet analysed) and state. */
    List<RatingCount> summary(long projectId) {
        return jdbc.sql("""
                        SELECT coalesce(f.tracking_rating, -1) AS rating, t.active, count(*) AS targets
                        FROM image_targets t LEFT JOIN image_target_features f ON f.target_id = t.id
                        WHERE t.project_id = ? AND t.deleted_at IS NULL GROUP BY 1, 2""")
                .param(projectId)
                .query((rs, row) ->
                        new RatingCount(rs.getInt("rating"), rs.getBoolean("active"), rs.getLong("targets")))
                .list();
    }

    /** How many live targets of a project have this rating and state. */
    record RatingCount(int rating, boolean active, long targets) {}

    /**
     * Live targets whose features were never computed (added before features were) or were extracted in an older way
     * than {@link FeatureExtraction#EXTRACTION}, past {@code afterId}, a batch at a time in id order.
     */
    List<ImageTarget> needingFeatures(long afterId, int limit) {
        return jdbc.sql("""
                        SELECT t.* FROM image_targets t LEFT JOIN image_target_features f ON f.target_id = t.id
                        WHERE (f.target_id IS NULL OR f.extraction < ?) AND t.deleted_at IS NULL AND t.id > ?
                        ORDER BY t.id LIMIT ?""")
                .param(FeatureExtraction.EXTRACTION)
                .param(afterId)
                .param(limit)
                .query(new ArRowMappers.ImageTargets())
                .list();
    }

    /**
     * Keeps features computed from a stored image, unless the target's image changed meanwhile or its features were
     * computed by then the way they are now (an upload or another replica): never older over newer.
     */
    boolean putUnlessNewer(long targetId, String sha256, TargetAnalysis analysis) {
        int inserted = jdbc.sql("""
                        INSERT INTO image_target_features
                            (target_id, sha256, features, tracking_rating, quality, extraction)
                        SELECT :id, :sha256, :features, :rating, CAST(:quality AS jsonb), :extraction
                        WHERE EXISTS (SELECT 1 FROM image_targets WHERE id = :id AND sha256 = :sha256)
                        ON CONFLICT (target_id) DO UPDATE SET sha256 = excluded.sha256, features = excluded.features,
                            tracking_rating = excluded.tracking_rating, quality = excluded.quality,
                            extraction = excluded.extraction, computed_at = now()
                        WHERE image_target_features.extraction < excluded.extraction""").params(row(targetId, sha256, analysis)).update();
        return inserted > 0;
    }

    /** The named parameters of a features row. */
    private Map<String, Object> row(long targetId, String sha256, TargetAnalysis analysis) {
        return Map.of(
                "id",
                targetId,
                "sha256",
                sha256,
                "features",
                analysis.features().encoded(),
                "rating",
                analysis.quality().rating(),
                "quality",
                json.writeValueAsString(analysis.quality()),
                "extraction",
                FeatureExtraction.EXTRACTION);
    }
}
