package dev.atrium.account.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An open session: what a signed-in client's tokens or cookie stand for. Kept in Redis, shared by every replica. */
public record Session(
        String id,
        long userId,
        String email,
        Set<String> roles,
        Instant createdAt,
        Instant lastSeenAt,
        String clientAddress,
        String userAgent) {

    /** The session's roles as Spring Security grants them, whether a token or a cookie stands for the session. */
    public List<SimpleGrantedAuthority> authorities() {
        return roles.stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }
}
