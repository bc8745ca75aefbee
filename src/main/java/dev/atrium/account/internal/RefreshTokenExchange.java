package dev.atrium.account.internal;

import dev.atrium.account.TokenPair;
import dev.atrium.shared.problem.Unauthorized;
import dev.atrium.shared.security.JwtSigner;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Service;

/**
 * Exchanges a refresh token for a new pair. Each refresh token works once: presenting one that was already spent means
 * two parties hold it, so the whole session is ended and both must sign in again.
 */
@Service
public class RefreshTokenExchange {

    private final JwtSigner signer;
    private final SessionRegistry sessions;
    private final TokenPairIssuer tokens;

    RefreshTokenExchange(JwtSigner signer, SessionRegistry sessions, TokenPairIssuer tokens) {
        this.signer = signer;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    public TokenPair refresh(String refreshToken) {
        Jwt jwt;
        try {
            jwt = signer.verify(refreshToken, JwtSigner.REFRESH_AUDIENCE);
        } catch (JwtException ex) {
            throw Unauthorized.because("The refresh token is not valid or has expired");
        }
        String sessionId = jwt.getClaimAsString("sid");
        if (!TokenPairIssuer.REFRESH.equals(jwt.getClaimAsString("typ")) || sessionId == null || jwt.getId() == null) {
            throw Unauthorized.because("The refresh token is not valid or has expired");
        }
        long userId = Long.parseLong(jwt.getSubject());
        String next = TokenPairIssuer.newRefreshId();
        return switch (sessions.rotateRefresh(userId, sessionId, jwt.getId(), next)) {
            case ROTATED -> tokens.issue(userId, sessionId, next);
            case ALREADY_SPENT -> {
                sessions.end(userId, sessionId);
                throw Unauthorized.because(
                        "This refresh token was already used, so the session has been ended to protect the account; "
                                + "sign in again");
            }
            case NO_SESSION -> throw Unauthorized.because("The session has ended; sign in again");
        };
    }
}
