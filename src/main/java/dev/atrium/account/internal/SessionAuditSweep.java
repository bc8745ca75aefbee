package dev.atrium.account.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sessions that idle out end in Redis without anyone closing their {@code user_sessions} row; this closes those rows.
 * Every replica may run it: closing an already closed row changes nothing.
 */
@Component
class SessionAuditSweep {

    private final SessionRegistry sessions;

    SessionAuditSweep(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @Scheduled(fixedDelayString = "${atrium.session.audit-sweep-interval:10m}", initialDelayString = "1m")
    void closeIdledOutSessions() {
        sessions.closeIdledOutInAudit();
    }
}
