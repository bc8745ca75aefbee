package dev.atrium.account.internal;

import dev.atrium.shared.paging.LikePattern;
import dev.atrium.shared.paging.Page;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The sign-in records as administrators read them: every sign-in ({@code user_sessions}), newest first, with whose it was.
 * {@link SessionRegistry} writes the rows; this only reads them.
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

    private final SignInRecordRepository records;
    private final Clock clock;

    SignInRecordService(SignInRecordRepository records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Sign-ins newest first, of users whose email contains the search when one is given. */
    public Page<SignInRecord> page(CurrentUser actor, @Nullable String email, PageQuery query) {
        requireAdmin(actor);
        String pattern = LikePattern.searchOrNull(email);
        return new Page<>(records.newestFirst(pattern, query.size(), query.offset()), records.countMatching(pattern));
    }

    /** The user's latest sign-ins, newest first. */
    public List<SignInRecord> latestOf(CurrentUser actor, long userId, int limit) {
        requireAdmin(actor);
        return records.newestOf(userId, limit);
    }

    /** Sign-ins since midnight (UTC). */
    public long today() {
        Instant midnight = clock.instant().truncatedTo(ChronoUnit.DAYS);
        return records.countOpenedSince(midnight);
    }

    /**
     * Rows not yet closed. Sessions that idle out are closed by a sweep every few minutes, so this may count a few
     * that have just ended.
     */
    public long open() {
        return records.countOpen();
    }

    private static void requireAdmin(CurrentUser actor) {
        if (!actor.isAdmin()) {
            throw ProblemException.forbidden("Only administrators may read the sign-in records");
        }
    }
}
