package dev.atrium.account.internal;

import dev.atrium.account.Tokens;
import dev.atrium.shared.security.JwtSettings;
import dev.atrium.shared.security.SignedTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.stereotype.Component;

/**
 * The two tokens of a session: a short-lived access token (15 minutes by default) that names the session, checked on
 * every request, and a refresh token that can be exchanged once for a new pair while the session lives.
 */
@Component
public class SessionTokens {

    public static final String ACCESS = "access";
    public static final String REFRESH = "refresh";

    private final SignedTokens signer;
    private final Duration accessTtl;
    private final Duration refreshTtl;
    private final Clock clock;

    SessionTokens(SignedTokens signer, JwtSettings settings, SessionRegistry sessions, Clock clock) {
        this.signer = signer;
        this.accessTtl = settings.accessTokenTtlOrDefault();
        this.refreshTtl = sessions.idleTimeout();
        this.clock = clock;
    }

    public static String newRefreshId() {
        return UUID.randomUUID().toString();
    }

    public Tokens issue(long userId, String sessionId, String refreshId) {
        Instant now = clock.instant();
        String access = signer.sign(JwtClaimsSet.builder()
                        .subject(Long.toString(userId))
                        .audience(java.util.List.of(SignedTokens.API_AUDIENCE))
                        .id(UUID.randomUUID().toString())
                        .expiresAt(now.plus(accessTtl))
                        .claim("typ", ACCESS)
                        .claim("sid", sessionId))
                .getTokenValue();
        String refresh = signer.sign(JwtClaimsSet.builder()
                        .subject(Long.toString(userId))
                        .audience(java.util.List.of(SignedTokens.REFRESH_AUDIENCE))
                        .id(refreshId)
                        .expiresAt(now.plus(refreshTtl))
                        .claim("typ", REFRESH)
                        .claim("sid", sessionId))
                .getTokenValue();
        return new Tokens(access, refresh, "Bearer", accessTtl.toSeconds());
    }
}
