package dev.atrium.account.internal;

import dev.atrium.shared.security.BearerAuthentication;
import dev.atrium.shared.security.BearerTokenAuthenticator;
import dev.atrium.shared.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/** Access tokens are honoured while their session is open; the user's roles are read from the session. */
@Component
class AccessTokenAuthenticator implements BearerTokenAuthenticator {

    private final SessionRegistry sessions;

    AccessTokenAuthenticator(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @Override
    public String tokenType() {
        return TokenPairIssuer.ACCESS;
    }

    @Override
    public @Nullable AbstractAuthenticationToken authenticate(Jwt token) {
        String sessionId = token.getClaimAsString("sid");
        if (sessionId == null) {
            return null;
        }
        return sessions.check(sessionId)
                .filter(session -> Long.toString(session.userId()).equals(token.getSubject()))
                .map(session -> new BearerAuthentication(
                        new CurrentUser(session.userId(), session.email(), session.roles(), session.id()),
                        token.getTokenValue(),
                        session.authorities()))
                .orElse(null);
    }
}
