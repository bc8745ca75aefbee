package dev.atrium.shared.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a bearer token whose signature, issuer, audience and expiry have been verified into an authentication, after
 * checking what only its module knows: that a user's session is still open, or that a project's app token has not been
 * deleted. Each kind of token (the {@code typ} claim) has one authenticator.
 */
public interface BearerTokenAuthenticator {

    /** The {@code typ} claim of the tokens this authenticator accepts, e.g. {@code access} or {@code app}. */
    String tokenType();

    /**
     * @return the authentication, or null when the token is no longer honoured (session ended, token deleted)
     */
    @Nullable AbstractAuthenticationToken authenticate(Jwt token);
}
