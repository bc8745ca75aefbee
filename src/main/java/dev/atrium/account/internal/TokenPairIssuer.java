package dev.atrium.account.internal;

import dev.atrium.account.TokenPair;
import dev.atrium.shared.security.JwtSettings;
import dev.atrium.shared.security.JwtSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.stereotype.Component;

/**
 * Issues the two tokens of a session: a short-lived access token (15 minutes by default) that names the session, checked on
 * every request, and a refresh token that can be exchanged once for a new pair while the session lives.
 */
@Component
public class TokenPairIssuer {

    public static final String ACCESS = "access";
    public static final String REFRESH = "refresh";

    private final JwtSigner signer;
    private final Duration accessTtl;
    private final Duration refreshTtl;
    private final Clock clock;

    TokenPairIssuer(JwtSigner signer, JwtSettings settings, SessionRegistry sessions, Clock clock) {
        this.signer = signer;
        this.accessTtl = settings.accessTokenTtlOrDefault();
        this.refreshTtl = sessions.idleTimeout();
        this.clock = clock;
    }

    public static String newRefreshId() {
        return UUID.randomUUID().toString();
    }

    public TokenPair issue(long userId, String sessionId, String refreshId) {
        Instant now = clock.instant();
        String access = signer.sign(JwtClaimsSet.builder()
                        .subject(Long.toString(userId))
                        .audience(List.of(JwtSigner.API_AUDIENCE))
                        .id(UUID.randomUUID().toString())
                        .expiresAt(now.plus(accessTtl))
                        .claim("typ", ACCESS)
                        .claim("sid", sessionId))
                .getTokenValue();
        String refresh = signer.sign(JwtClaimsSet.builder()
                        .subject(Long.toString(userId))
                        .audience(List.of(JwtSigner.REFRESH_AUDIENCE))
                        .id(refreshId)
                        .expiresAt(now.plus(refreshTtl))
                        .claim("typ", REFRESH)
                        .claim("sid", sessionId))
                .getTokenValue();
        return new TokenPair(access, refresh, "Bearer", accessTtl.toSeconds());
    }
}
