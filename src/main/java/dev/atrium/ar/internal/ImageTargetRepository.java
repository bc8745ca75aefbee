package dev.atrium.ar.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code image_targets} table. */
@Repository
class ImageTargetRepository {

    private static final String COLUMNS = """
            id, project_id, description, image_key, thumbnail_key, width, height, size_bytes, sha256,
            created_at, updated_at, deleted_at""";
    private static final RowMapper<ImageTarget> MAPPER = ImageTargetRepository::map;

    private final JdbcClient jdbc;

    ImageTargetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ImageTarget insert(long projectId, String description, StoredImage image, Instant at) {
        return jdbc.sql("""
                        INSERT INTO image_targets (project_id, description, image_key, thumbnail_key, width, height,
                                                   size_bytes, sha256, created_at, updated_at)
                        VALUES (:project, :description, :imageKey, :thumbnailKey, :width, :height, :size, :sha256,
                                :at, :at)
                        RETURNING """ + " " + COLUMNS)
                .param("project", projectId)
                .param("description", description)
                .param("imageKey", image.imageKey())
                .param("thumbnailKey", image.thumbnailKey())
                .param("width", image.width())
                .param("height", image.height())
                .param("size", image.sizeBytes())
                .param("sha256", image.sha256())
                .param("at", Timestamp.from(at))
                .query(MAPPER)
                .single();
    }

    Optional<ImageTarget> findLive(long projectId, long id) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM image_targets WHERE id = :id AND project_id = :project AND deleted_at IS NULL")
                .param("id", id)
                .param("project", projectId)
                .query(MAPPER)
                .optional();
    }

    Optional<ImageTarget> find(long projectId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM image_targets WHERE id = :id AND project_id = :project")
                .param("id", id)
                .param("project", projectId)
                .query(MAPPER)
                .optional();
    }

    /** The live target, row-locked until the transaction ends, for a change that reads it first. */
    Optional<ImageTarget> lockLive(long projectId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM image_targets"
                        + " WHERE id = :id AND project_id = :project AND deleted_at IS NULL FOR UPDATE")
                .param("id", id)
                .param("project", projectId)
                .query(MAPPER)
                .optional();
    }

    /** Live targets of a project, oldest first. */
    List<ImageTarget> listLive(long projectId, long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM image_targets WHERE project_id = :project AND deleted_at IS NULL"
                        + " ORDER BY id LIMIT :limit OFFSET :offset")
                .param("project", projectId)
                .param("limit", limit)
                .param("offset", offset)
                .query(MAPPER)
                .list();
    }

    long countLive(long projectId) {
        return jdbc.sql("SELECT count(*) FROM image_targets WHERE project_id = :project AND deleted_at IS NULL")
                .param("project", projectId)
                .query(Long.class)
                .single();
    }

    /** Every target of a project, deleted ones included, newest first: what the admin panel shows. */
    List<ImageTarget> listAll(long projectId, long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM image_targets WHERE project_id = :project"
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("project", projectId)
                .param("limit", limit)
                .param("offset", offset)
                .query(MAPPER)
                .list();
    }

    long countAll(long projectId) {
        return jdbc.sql("SELECT count(*) FROM image_targets WHERE project_id = :project")
                .param("project", projectId)
                .query(Long.class)
                .single();
    }

    long countAllLive() {
        return jdbc.sql("""
                        SELECT count(*) FROM image_targets t JOIN projects p ON p.id = t.project_id
                        WHERE t.deleted_at IS NULL AND p.deleted_at IS NULL""").query(Long.class).single();
    }

    ImageTarget update(ImageTarget target, String description, StoredImage image, Instant at) {
        return jdbc.sql("""
                        UPDATE image_targets
                        SET description = :description, image_key = :imageKey, thumbnail_key = :thumbnailKey,
                            width = :width, height = :height, size_bytes = :size, sha256 = :sha256, updated_at = :at
                        WHERE id = :id
                        RETURNING """ + " " + COLUMNS)
                .param("id", target.id())
                .param("description", description)
                .param("imageKey", image.imageKey())
                .param("thumbnailKey", image.thumbnailKey())
                .param("width", image.width())
                .param("height", image.height())
                .param("size", image.sizeBytes())
                .param("sha256", image.sha256())
                .param("at", Timestamp.from(at))
                .query(MAPPER)
                .single();
    }

    boolean softDelete(long projectId, long id, Instant at) {
        return jdbc.sql("""
                                UPDATE image_targets SET deleted_at = :at, updated_at = :at
                                WHERE id = :id AND project_id = :project AND deleted_at IS NULL""")
                        .param("id", id)
                        .param("project", projectId)
                        .param("at", Timestamp.from(at))
                        .update()
                > 0;
    }

    /** Deletes the project's live targets along with it, marking them with the project's own deletion time. */
    void softDeleteAllOf(long projectId, Instant at) {
        jdbc.sql("""
                        UPDATE image_targets SET deleted_at = :at
                        WHERE project_id = :project AND deleted_at IS NULL""")
                .param("project", projectId)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Brings back the targets that were deleted with the project, and only those. */
    void restoreDeletedWith(long projectId, Instant projectDeletedAt) {
        jdbc.sql("UPDATE image_targets SET deleted_at = NULL WHERE project_id = :project AND deleted_at = :at")
                .param("project", projectId)
                .param("at", Timestamp.from(projectDeletedAt))
                .update();
    }

    private static ImageTarget map(ResultSet rs, int row) throws SQLException {
        Timestamp deletedAt = rs.getTimestamp("deleted_at");
        return new ImageTarget(
                rs.getLong("id"),
                rs.getLong("project_id"),
                rs.getString("description"),
                rs.getString("image_key"),
                rs.getString("thumbnail_key"),
                rs.getInt("width"),
                rs.getInt("height"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                deletedAt == null ? null : deletedAt.toInstant());
    }
}
