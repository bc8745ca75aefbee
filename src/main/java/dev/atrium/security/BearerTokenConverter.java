package dev.atrium.security;

import dev.atrium.shared.security.BearerTokenAuthenticator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Hands each verified bearer token to the module that knows whether it is still honoured, chosen by its {@code typ}
 * claim. A token of a kind nobody accepts (a refresh token sent as a bearer token, say) is refused.
 */
@Component
class BearerTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final Map<String, BearerTokenAuthenticator> byType;

    BearerTokenConverter(List<BearerTokenAuthenticator> authenticators) {
        this.byType = authenticators.stream()
                .collect(Collectors.toMap(BearerTokenAuthenticator::tokenType, Function.identity()));
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        BearerTokenAuthenticator authenticator = byType.get(jwt.getClaimAsString("typ"));
        if (authenticator == null) {
            throw new InvalidBearerTokenException("This kind of token cannot be used as a bearer token");
        }
        AbstractAuthenticationToken authentication;
        try {
            authentication = authenticator.authenticate(jwt);
        } catch (RuntimeException ex) {
            // The session store did not answer: nobody is let in unchecked, and the caller learns to retry.
            throw new AuthenticationServiceException("The session store is not answering", ex);
        }
        if (authentication == null) {
            throw new InvalidBearerTokenException("The token has been revoked or its session has ended");
        }
        return authentication;
    }
}
