package dev.atrium.shared.security;

import java.io.Serializable;
import java.util.Set;

/**
 * The signed-in user a request acts for, whether it came with an access token or a browser session cookie. Controllers
 * take it as {@code @AuthenticationPrincipal CurrentUser user}. Serializable because browser sessions keep it in Redis.
 *
 * @param id the user's id
 * @param email the user's email, which they sign in with
 * @param roles {@code USER}, and {@code ADMIN} for administrators
 * @param sessionId the session the request belongs to; ending it signs the request's token or cookie out
 */
public record CurrentUser(long id, String email, Set<String> roles, String sessionId) implements Serializable {

    public boolean isAdmin() {
        return roles.contains("ADMIN");
    }

    /** Whether this user may act on something owned by {@code ownerId}: its owner, or an administrator. */
    public boolean mayManage(long ownerId) {
        return id == ownerId || isAdmin();
    }
}
