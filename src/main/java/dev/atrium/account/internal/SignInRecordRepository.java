package dev.atrium.account.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code user_sessions} table: one row per successful sign-in, closed when its session ends. Hand-written
 * {@code JdbcClient} rather than Spring Data JDBC: every statement here is set-based or keyset-paged (closing many
 * sessions in one {@code UPDATE}, the sweep's page of rows still open), and none reads or writes a row as an aggregate.
 */
@Repository
class SignInRecordRepository {

    private final JdbcClient jdbc;

    SignInRecordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void opened(String sessionId, long userId, Instant at, ClientInfo client) {
        jdbc.sql("""
                        INSERT INTO user_sessions (id, user_id, opened_at, client_address, user_agent)
                        VALUES (:id, :userId, :at, :address, :agent)""")
                .param("id", UUID.fromString(sessionId))
                .param("userId", userId)
                .param("at", Timestamp.from(at))
                .param("address", client.address())
                .param("agent", client.userAgent())
                .update();
    }

    void closed(Collection<String> sessionIds, Instant at) {
        if (sessionIds.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE user_sessions SET closed_at = :at WHERE id IN (:ids) AND closed_at IS NULL")
                .param("at", Timestamp.from(at))
                .param("ids", sessionIds.stream().map(UUID::fromString).toList())
                .update();
    }

    /** A row still marked open, for the sweep. */
    record OpenRow(String id, Instant openedAt) {}

    /** Rows still marked open, opened before {@code before}, in order after the given row (keyset pagination). */
    List<OpenRow> stillOpen(Instant before, Instant afterOpenedAt, String afterId, int limit) {
        return jdbc.sql("""
                        SELECT id, opened_at FROM user_sessions
                        WHERE closed_at IS NULL AND opened_at < :before AND (opened_at, id) > (:afterAt, :afterId)
                        ORDER BY opened_at, id LIMIT :limit""")
                .param("before", Timestamp.from(before))
                .param("afterAt", Timestamp.from(afterOpenedAt))
                .param("afterId", UUID.fromString(afterId))
                .param("limit", limit)
                .query((rs, row) -> new OpenRow(
                        rs.getString("id"), rs.getTimestamp("opened_at").toInstant()))
                .list();
    }
}
