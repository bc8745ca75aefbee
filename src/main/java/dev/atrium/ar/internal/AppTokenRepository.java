package dev.atrium.ar.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code app_tokens} table. A token is live while its row exists and {@code expires_at} is in the future. */
@Repository
class AppTokenRepository {

    /** A row, without the signed token (which is made from it). */
    record Row(UUID id, long projectId, Instant createdAt, Instant expiresAt) {}

    /** A live token as the admin panel lists it, with its project's name. */
    record Listed(Row row, String projectName) {}

    private final JdbcClient jdbc;

    AppTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Row insert(UUID id, long projectId, Instant createdAt, Instant expiresAt) {
        jdbc.sql(
                        "INSERT INTO app_tokens (id, project_id, created_at, expires_at) VALUES (:id, :project, :at, :expires)")
                .param("id", id)
                .param("project", projectId)
                .param("at", Timestamp.from(createdAt))
                .param("expires", Timestamp.from(expiresAt))
                .update();
        return new Row(id, projectId, createdAt, expiresAt);
    }

    /**
     * The hot path of every request made with an app token: one primary-key lookup joined to its project, so that a
     * deleted token, an expired one (whether or not the purge has run) and one of a deleted project are all refused
     * by the same query, on every replica, with nothing cached that could go stale.
     */
    Optional<Long> liveProjectOf(UUID id, Instant now) {
        return jdbc.sql("""
                        SELECT t.project_id FROM app_tokens t JOIN projects p ON p.id = t.project_id
                        WHERE t.id = :id AND t.expires_at > :now AND p.deleted_at IS NULL""")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .optional();
    }

    Optional<Row> findLive(long projectId, UUID id, Instant now) {
        return jdbc.sql("""
                        SELECT id, project_id, created_at, expires_at FROM app_tokens
                        WHERE id = :id AND project_id = :project AND expires_at > :now""")
                .param("id", id)
                .param("project", projectId)
                .param("now", Timestamp.from(now))
                .query(AppTokenRepository::map)
                .optional();
    }

    Optional<Row> findLive(UUID id, Instant now) {
        return jdbc.sql("""
                        SELECT id, project_id, created_at, expires_at FROM app_tokens
                        WHERE id = :id AND expires_at > :now""")
                .param("id", id)
                .param("now", Timestamp.from(now))
                .query(AppTokenRepository::map)
                .optional();
    }

    /** Live tokens of a project, oldest first. */
    List<Row> listLive(long projectId, Instant now, long offset, int limit) {
        return jdbc.sql("""
                        SELECT id, project_id, created_at, expires_at FROM app_tokens
                        WHERE project_id = :project AND expires_at > :now
                        ORDER BY created_at, id LIMIT :limit OFFSET :offset""")
                .param("project", projectId)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .param("offset", offset)
                .query(AppTokenRepository::map)
                .list();
    }

    long countLive(long projectId, Instant now) {
        return jdbc.sql("SELECT count(*) FROM app_tokens WHERE project_id = :project AND expires_at > :now")
                .param("project", projectId)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /** Moves a live token's expiry; false when there is no such live token. */
    boolean expireAt(long projectId, UUID id, Instant expiresAt, Instant now) {
        return jdbc.sql("""
                                UPDATE app_tokens SET expires_at = :expires
                                WHERE id = :id AND project_id = :project AND expires_at > :now""")
                        .param("id", id)
                        .param("project", projectId)
                        .param("expires", Timestamp.from(expiresAt))
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    /** Deletes a live token; false when there is no such live token. */
    boolean deleteLive(long projectId, UUID id, Instant now) {
        return jdbc.sql("DELETE FROM app_tokens WHERE id = :id AND project_id = :project AND expires_at > :now")
                        .param("id", id)
                        .param("project", projectId)
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    void deleteAllOf(long projectId) {
        jdbc.sql("DELETE FROM app_tokens WHERE project_id = :project")
                .param("project", projectId)
                .update();
    }

    int deleteAllOfOwner(long ownerId) {
        // Locked first, in a statement of its own: a token being issued holds its project's share lock, so the delete
        // below, whose snapshot is taken after the wait, sees that token once it is committed.
        jdbc.sql("SELECT id FROM projects WHERE owner_id = :owner ORDER BY id FOR UPDATE")
                .param("owner", ownerId)
                .query(Long.class)
                .list();
        return jdbc.sql("""
                        DELETE FROM app_tokens t USING projects p
                        WHERE t.project_id = p.id AND p.owner_id = :owner""").param("owner", ownerId).update();
    }

    /**
     * Deletes up to {@code batch} expired tokens and returns how many. Rows another replica's purge is deleting at the
     * same moment are skipped, not waited for, so that replicas running the job together share the work.
     */
    int deleteExpired(Instant now, int batch) {
        return jdbc.sql("""
                        DELETE FROM app_tokens WHERE id IN (
                            SELECT id FROM app_tokens WHERE expires_at <= :now
                            LIMIT :batch FOR UPDATE SKIP LOCKED)""")
                .param("now", Timestamp.from(now))
                .param("batch", batch)
                .update();
    }

    /** Live tokens of live projects whose name contains the text (or whose id it is), newest first. */
    List<Listed> search(String query, Instant now, long offset, int limit) {
        return jdbc.sql("""
                        SELECT t.id, t.project_id, t.created_at, t.expires_at, p.name
                        FROM app_tokens t JOIN projects p ON p.id = t.project_id
                        WHERE t.expires_at > :now AND p.deleted_at IS NULL""" + SEARCHED + " ORDER BY t.created_at DESC, t.id LIMIT :limit OFFSET :offset")
                .param("query", query)
                .param("pattern", ProjectRepository.likePattern(query))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> new Listed(map(rs, row), rs.getString("name")))
                .list();
    }

    long countSearch(String query, Instant now) {
        return jdbc.sql("""
                        SELECT count(*) FROM app_tokens t JOIN projects p ON p.id = t.project_id
                        WHERE t.expires_at > :now AND p.deleted_at IS NULL""" + SEARCHED)
                .param("query", query)
                .param("pattern", ProjectRepository.likePattern(query))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    private static final String SEARCHED =
            " AND (:query = '' OR lower(p.name) LIKE :pattern OR p.id::text = :query OR t.id::text = lower(:query))";

    private static Row map(ResultSet rs, int row) throws SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getLong("project_id"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant());
    }
}
