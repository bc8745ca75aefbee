package dev.atrium.account.internal;

import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A user, or an administrator, ends the user's sessions, one or all: their tokens or cookie stop working at once, on
 * every replica. The open sessions are listed here too, since they are what may be ended.
 */
@Service
public class SessionEnding {

    private final UserService accounts;
    private final SessionRegistry sessions;

    SessionEnding(UserService accounts, SessionRegistry sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    /** The user's open sessions, most recently used first: for the user themself or an administrator. */
    public List<Session> openSessions(CurrentUser actor, long id) {
        accounts.manageable(actor, id);
        return sessions.openSessionsOf(id);
    }

    /**
     * Ends one of the user's sessions.
     *
     * @throws ProblemException 404 when the user has no such open session
     */
    public void end(CurrentUser actor, long id, String sessionId) {
        accounts.manageable(actor, id);
        boolean theirs =
                sessions.find(sessionId).map(session -> session.userId() == id).orElse(false);
        if (!theirs) {
            throw ProblemException.notFound("An open session " + sessionId + " of user " + id);
        }
        sessions.end(id, sessionId);
    }

    /** Ends every session of the user: they must sign in again everywhere. */
    public void endAll(CurrentUser actor, long id) {
        accounts.manageable(actor, id);
        sessions.endAll(id, null);
    }
}
