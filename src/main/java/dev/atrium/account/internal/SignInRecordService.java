package dev.atrium.account.internal;

import dev.atrium.shared.paging.LikePattern;
import dev.atrium.shared.paging.Page;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The sign-in records as administrators read them: every sign-in ({@code user_sessions}), newest first, with whose it was.
 * {@link SignInRecordRepository} writes the rows; this only reads them.
 */
@Service
public class SignInRecordService {

    /** One sign-in: the session it opened and, once that ended, when. */
    public record SignInRecord(
            String sessionId,
            long userId,
            String email,
            Instant openedAt,
            @Nullable Instant closedAt,
            String clientAddress,
            String userAgent) {

        public boolean open() {
            return closedAt == null;
        }
    }

    private static final String SELECT = """
            SELECT s.id::text AS session_id, s.user_id, u.email, s.opened_at, s.closed_at,
                   coalesce(s.client_address, '') AS client_address, coalesce(s.user_agent, '') AS user_agent
            FROM user_sessions s JOIN users u ON u.id = s.user_id""";

    private static final String FILTER = "(CAST(:pattern AS text) IS NULL OR u.email ILIKE :pattern ESCAPE '\\')";

    private final JdbcClient jdbc;
    private final Clock clock;

    SignInRecordService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Sign-ins newest first, of users whose email contains the search when one is given. */
    public Page<SignInRecord> page(CurrentUser actor, @Nullable String email, PageQuery query) {
        requireAdmin(actor);
        String pattern = LikePattern.searchOrNull(email);
        List<SignInRecord> rows = jdbc.sql(
                        SELECT + " WHERE " + FILTER + " ORDER BY s.opened_at DESC, s.id LIMIT :limit OFFSET :offset")
                .param("pattern", pattern)
                .param("limit", query.size())
                .param("offset", query.offset())
                .query(SignInRecordService::map)
                .list();
        long count = jdbc.sql("SELECT count(*) FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE " + FILTER)
                .param("pattern", pattern)
                .query(Long.class)
                .single();
        return new Page<>(rows, count);
    }

    /** The user's latest sign-ins, newest first. */
    public List<SignInRecord> latestOf(CurrentUser actor, long userId, int limit) {
        requireAdmin(actor);
        return jdbc.sql(SELECT + " WHERE s.user_id = :user ORDER BY s.opened_at DESC, s.id LIMIT :limit")
                .param("user", userId)
                .param("limit", limit)
                .query(SignInRecordService::map)
                .list();
    }

    /** Sign-ins since midnight (UTC). */
    public long today() {
        Instant midnight = clock.instant().truncatedTo(ChronoUnit.DAYS);
        return jdbc.sql("SELECT count(*) FROM user_sessions WHERE opened_at >= :since")
                .param("since", Timestamp.from(midnight))
                .query(Long.class)
                .single();
    }

    /**
     * Rows not yet closed. Sessions that idle out are closed by a sweep every few minutes, so this may count a few
     * that have just ended.
     */
    public long open() {
        return jdbc.sql("SELECT count(*) FROM user_sessions WHERE closed_at IS NULL")
                .query(Long.class)
                .single();
    }

    private static void requireAdmin(CurrentUser actor) {
        if (!actor.isAdmin()) {
            throw ProblemException.forbidden("Only administrators may read the sign-in records");
        }
    }

    private static SignInRecord map(ResultSet rs, int row) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new SignInRecord(
                rs.getString("session_id"),
                rs.getLong("user_id"),
                rs.getString("email"),
                rs.getTimestamp("opened_at").toInstant(),
                closed == null ? null : closed.toInstant(),
                rs.getString("client_address"),
                rs.getString("user_agent"));
    }
}
