package dev.atrium.ar.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                        INSERT INTO image_target_features (target_id, sha256, features, tracking_rating, quality)
                        VALUES (:id, :sha256, :features, :rating, CAST(:quality AS jsonb))
                        ON CONFLICT (target_id) DO UPDATE SET sha256 = excluded.sha256, features = excluded.features,
                            tracking_rating = excluded.tracking_rating, quality = excluded.quality,
                            computed_at = now()""").params(row(targetId, sha256, analysis)).update();
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

    /** The features of the project's live, active targets: what duplicates and recognition match against. */
    List<TargetIndex.Entry> matchable(long projectId) {
        return jdbc.sql("""
                        SELECT t.id, f.features FROM image_targets t JOIN image_target_features f ON f.target_id = t.id
                        WHERE t.project_id = ? AND t.deleted_at IS NULL AND t.active ORDER BY t.id""")
                .param(projectId)
                .query((rs, row) -> new TargetIndex.Entry(rs.getLong("id"), TargetFeatures.decoded(rs.getBytes(2))))
                .list();
    }

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
     * Live targets whose features were never computed (added before features were), past {@code afterId}, a batch at
     * a time in id order.
     */
    List<ImageTarget> withoutFeatures(long afterId, int limit) {
        return jdbc.sql("""
                        SELECT t.* FROM image_targets t LEFT JOIN image_target_features f ON f.target_id = t.id
                        WHERE f.target_id IS NULL AND t.deleted_at IS NULL AND t.id > ? ORDER BY t.id LIMIT ?""")
                .param(afterId)
                .param(limit)
                .query(new ArRowMappers.ImageTargets())
                .list();
    }

    /**
     * Keeps features computed from a stored image, unless the target's image changed meanwhile or its features were
     * computed by then (an upload or another replica): never older over newer.
     */
    boolean putIfAbsent(long targetId, String sha256, TargetAnalysis analysis) {
        int inserted = jdbc.sql("""
                        INSERT INTO image_target_features (target_id, sha256, features, tracking_rating, quality)
                        SELECT :id, :sha256, :features, :rating, CAST(:quality AS jsonb)
                        WHERE EXISTS (SELECT 1 FROM image_targets WHERE id = :id AND sha256 = :sha256)
                        ON CONFLICT (target_id) DO NOTHING""").params(row(targetId, sha256, analysis)).update();
        return inserted > 0;
    }

    /** The named parameters of a features row. */
    private Map<String, Object> row(long targetId, String sha256, TargetAnalysis analysis) {
        return Map.of(
                "id", targetId,
                "sha256", sha256,
                "features", analysis.features().encoded(),
                "rating", analysis.quality().rating(),
                "quality", json.writeValueAsString(analysis.quality()));
    }
}
