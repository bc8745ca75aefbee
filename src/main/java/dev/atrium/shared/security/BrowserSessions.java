package dev.atrium.shared.security;

import java.util.Optional;

/**
 * The user sessions behind browser cookies (the admin panel). A cookie's HTTP session only remembers which user session
 * it belongs to; that user session must still be open on every request, exactly as for a bearer token, so that signing
 * out elsewhere, a password change or a deactivation ends the browser session too.
 */
public interface BrowserSessions {

    /** The user of the session with their roles as they are now, or empty once the session has ended. */
    Optional<CurrentUser> current(String sessionId);

    /** Ends the user session of a browser signing out. */
    void end(CurrentUser user);
}
