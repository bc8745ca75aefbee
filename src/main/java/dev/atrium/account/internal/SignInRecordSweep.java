package dev.atrium.account.internal;

import dev.atrium.shared.problem.ServiceUnavailable;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes the {@code user_sessions} rows of sessions that ended without anyone closing them: idled out, or lost with
 * Redis's data. Each run looks at no more than {@code atrium.session.audit-sweep-batch} open rows (1,000 by default: one
 * query, one pipelined round trip to Redis, one update), carrying on where the previous run of this replica stopped and
 * starting over from the oldest once it reaches the newest, so that a million rows left open by a wiped Redis are closed
 * over a few hours of small runs rather than by one run that holds a connection for minutes.
 *
 * <p>Every replica may run it at the same time: a row is closed only when its session is gone from Redis, the update
 * changes only rows still open, and a row opened in the last minute is never looked at (a sign-in writes its row
 * before its session). Replicas running together only share the work less well.
 */
@Component
class SignInRecordSweep {

    private static final Log log = LogFactory.getLog(SignInRecordSweep.class);

    private final SessionRegistry sessions;
    private final int batch;
    private SignInRecordRepository.@Nullable OpenRow resumeAfter;

    SignInRecordSweep(SessionRegistry sessions, @Value("${atrium.session.audit-sweep-batch:1000}") int batch) {
        this.sessions = sessions;
        this.batch = batch;
    }

    @Scheduled(fixedDelayString = "${atrium.session.audit-sweep-interval:1m}", initialDelayString = "1m")
    void closeEndedSessions() {
        try {
            sweepOnce();
        } catch (RuntimeException ex) {
            if (!ServiceUnavailable.isDataStoreOutage(ex)) {
                throw ex;
            }
            // Nothing is closed while a store is away; the next run tries again from the same row.
            log.warn("Could not sweep the sign-in records, a data store is unavailable: " + ex.getMessage());
        }
    }

    /** One bounded run; returns how many rows it closed. */
    synchronized int sweepOnce() {
        SessionRegistry.RecordSweep pass = sessions.closeEndedSignInRecords(resumeAfter, batch);
        resumeAfter = pass.resumeAfter();
        return pass.closed();
    }
}
