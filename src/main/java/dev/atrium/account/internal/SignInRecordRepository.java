package dev.atrium.account.internal;

import dev.atrium.account.internal.SignInRecordService.SignInRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.Repository;

/**
 * The {@code user_sessions} table: one row per successful sign-in, closed when its session ends. Every statement is
 * its own query, none a whole-row save: rows are closed many at once in one {@code UPDATE}, and the sweep reads the rows
 * still open a keyset page at a time.
 */
interface SignInRecordRepository extends Repository<SignInRecordRepository.Row, UUID> {

    @Table("user_sessions")
    record Row(
            @Id UUID id,
            long userId,
            Instant openedAt,
            @Nullable Instant closedAt,
            @Nullable String clientAddress,
            @Nullable String userAgent) {}

    /** A row still marked open, for the sweep. */
    record OpenRow(String id, Instant openedAt) {}

    default void opened(String sessionId, long userId, Instant at, ClientInfo client) {
        insert(UUID.fromString(sessionId), userId, at, client.address(), client.userAgent());
    }

    @Modifying
    @Query("""
            INSERT INTO user_sessions (id, user_id, opened_at, client_address, user_agent)
            VALUES (:id, :userId, :at, :address, :agent)""")
    void insert(UUID id, long userId, Instant at, @Nullable String address, @Nullable String agent);

    default void closed(Collection<String> sessionIds, Instant at) {
        if (!sessionIds.isEmpty()) {
            close(sessionIds.stream().map(UUID::fromString).toList(), at);
        }
    }

    @Modifying
    @Query("UPDATE user_sessions SET closed_at = :at WHERE id IN (:ids) AND closed_at IS NULL")
    void close(Collection<UUID> ids, Instant at);

    /** Rows still marked open, opened before {@code before}, in order after the given row (keyset pagination). */
    default List<OpenRow> stillOpen(Instant before, Instant afterOpenedAt, String afterId, int limit) {
        return stillOpen(before, afterOpenedAt, UUID.fromString(afterId), limit);
    }

    @Query("""
            SELECT id::text AS id, opened_at FROM user_sessions
            WHERE closed_at IS NULL AND opened_at < :before AND (opened_at, id) > (:afterAt, :afterId)
            ORDER BY opened_at, id LIMIT :limit""")
    List<OpenRow> stillOpen(Instant before, Instant afterAt, UUID afterId, int limit);

    String RECORDS = """
            SELECT s.id::text AS session_id, s.user_id, u.email, s.opened_at, s.closed_at,
                   coalesce(s.client_address, '') AS client_address, coalesce(s.user_agent, '') AS user_agent
            FROM user_sessions s JOIN users u ON u.id = s.user_id""";

    /** Of users whose email matches the LIKE pattern, or of everyone when it is null. */
    String MATCHING = " WHERE (CAST(:pattern AS text) IS NULL OR u.email ILIKE :pattern ESCAPE '\\')";

    @Query(RECORDS + MATCHING + " ORDER BY s.opened_at DESC, s.id LIMIT :limit OFFSET :offset")
    List<SignInRecord> newestFirst(@Nullable String pattern, int limit, long offset);

    @Query("SELECT count(*) FROM user_sessions s JOIN users u ON u.id = s.user_id" + MATCHING)
    long countMatching(@Nullable String pattern);

    @Query(RECORDS + " WHERE s.user_id = :userId ORDER BY s.opened_at DESC, s.id LIMIT :limit")
    List<SignInRecord> newestOf(long userId, int limit);

    @Query("SELECT count(*) FROM user_sessions WHERE opened_at >= :since")
    long countOpenedSince(Instant since);

    @Query("SELECT count(*) FROM user_sessions WHERE closed_at IS NULL")
    long countOpen();
}
