package dev.atrium.ar.internal;

import dev.atrium.shared.paging.LikePattern;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code projects} table. "Live" means not deleted. */
@Repository
class ProjectRepository {

    private static final String COLUMNS = "id, name, owner_id, created_at, updated_at, deleted_at";
    private static final RowMapper<Project> MAPPER = ProjectRepository::map;

    private final JdbcClient jdbc;

    ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a project; a live project with the same name (whatever its case) makes this throw DuplicateKey. */
    Project insert(String name, long ownerId, Instant at) {
        return jdbc.sql("INSERT INTO projects (name, owner_id, created_at, updated_at)"
                        + " VALUES (:name, :owner, :at, :at) RETURNING " + COLUMNS)
                .param("name", name)
                .param("owner", ownerId)
                .param("at", Timestamp.from(at))
                .query(MAPPER)
                .single();
    }

    Optional<Project> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM projects WHERE id = :id")
                .param("id", id)
                .query(MAPPER)
                .optional();
    }

    Optional<Project> findLive(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM projects WHERE id = :id AND deleted_at IS NULL")
                .param("id", id)
                .query(MAPPER)
                .optional();
    }

    /**
     * The live project, share-locked until the transaction ends: what is added to it (an image target, an app token)
     * cannot slip in while it is being deleted.
     */
    Optional<Project> lockLive(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM projects WHERE id = :id AND deleted_at IS NULL FOR SHARE")
                .param("id", id)
                .query(MAPPER)
                .optional();
    }

    /** Live projects of one owner, or of everyone when {@code ownerId} is null, oldest first. */
    List<Project> listLive(@Nullable Long ownerId, long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM projects WHERE deleted_at IS NULL"
                        + (ownerId == null ? "" : " AND owner_id = :owner")
                        + " ORDER BY id LIMIT :limit OFFSET :offset")
                .param("owner", ownerId)
                .param("limit", limit)
                .param("offset", offset)
                .query(MAPPER)
                .list();
    }

    long countLive(@Nullable Long ownerId) {
        return jdbc.sql("SELECT count(*) FROM projects WHERE deleted_at IS NULL"
                        + (ownerId == null ? "" : " AND owner_id = :owner"))
                .param("owner", ownerId)
                .query(Long.class)
                .single();
    }

    /** Deleted projects, most recently deleted first. */
    List<Project> listDeleted(long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM projects WHERE deleted_at IS NOT NULL"
                        + " ORDER BY deleted_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query(MAPPER)
                .list();
    }

    long countDeleted() {
        return jdbc.sql("SELECT count(*) FROM projects WHERE deleted_at IS NOT NULL")
                .query(Long.class)
                .single();
    }

    Optional<Project> rename(long id, String name, Instant at) {
        return jdbc.sql("UPDATE projects SET name = :name, updated_at = :at WHERE id = :id AND deleted_at IS NULL"
                        + " RETURNING " + COLUMNS)
                .param("id", id)
                .param("name", name)
                .param("at", Timestamp.from(at))
                .query(MAPPER)
                .optional();
    }

    boolean softDelete(long id, Instant at) {
        return jdbc.sql("UPDATE projects SET deleted_at = :at, updated_at = :at WHERE id = :id AND deleted_at IS NULL")
                        .param("id", id)
                        .param("at", Timestamp.from(at))
                        .update()
                > 0;
    }

    /** Brings a deleted project back; its name must be free again (else DuplicateKey). */
    Optional<Project> restore(long id, Instant at) {
        return jdbc.sql("UPDATE projects SET deleted_at = NULL, updated_at = :at WHERE id = :id"
                        + " AND deleted_at IS NOT NULL RETURNING " + COLUMNS)
                .param("id", id)
                .param("at", Timestamp.from(at))
                .query(MAPPER)
                .optional();
    }

    /** Projects whose name contains {@code query} (or whose id it is), newest first. */
    List<Projects.Overview> overview(String query, Projects.Status status, Instant now, long offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                        , (SELECT count(*) FROM image_targets t WHERE t.project_id = p.id AND t.deleted_at IS NULL)
                              AS image_targets,
                          (SELECT count(*) FROM app_tokens a WHERE a.project_id = p.id AND a.expires_at > :now)
                              AS live_tokens
                        FROM projects p WHERE""" + " " + searched(status)
                        + " ORDER BY p.id DESC LIMIT :limit OFFSET :offset")
                .param("query", query)
                .param("pattern", likePattern(query))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) ->
                        new Projects.Overview(map(rs, row), rs.getLong("image_targets"), rs.getLong("live_tokens")))
                .list();
    }

    long countOverview(String query, Projects.Status status) {
        return jdbc.sql("SELECT count(*) FROM projects p WHERE " + searched(status))
                .param("query", query)
                .param("pattern", likePattern(query))
                .query(Long.class)
                .single();
    }

    private static String searched(Projects.Status status) {
        String deleted = switch (status) {
            case ALL -> "";
            case LIVE -> " AND p.deleted_at IS NULL";
            case DELETED -> " AND p.deleted_at IS NOT NULL";
        };
        return "(:query = '' OR lower(p.name) LIKE :pattern OR p.id::text = :query)" + deleted;
    }

    /** A LIKE pattern matching names that contain the text, with LIKE's own characters taken literally. */
    static String likePattern(String text) {
        return LikePattern.containing(text.toLowerCase());
    }

    static Project map(ResultSet rs, int row) throws SQLException {
        Timestamp deletedAt = rs.getTimestamp("deleted_at");
        return new Project(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getLong("owner_id"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                deletedAt == null ? null : deletedAt.toInstant());
    }
}
