package dev.atrium.shared.security;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** A request authenticated by a bearer token that Atrium signed and still honours. */
public final class BearerAuthentication extends AbstractAuthenticationToken {

    private final Object principal;
    private final String token;

    public BearerAuthentication(Object principal, String token, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.principal = principal;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public Object getCredentials() {
        return token;
    }
}
