package dev.atrium.ar.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deletions of many {@code app_tokens} rows at once, written with {@code JdbcClient} because their locking is the
 * point: one orders itself against tokens being issued, the other lets replicas purge side by side.
 */
@Repository
class AppTokenDeletions {

    private final JdbcClient jdbc;

    AppTokenDeletions(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
}
