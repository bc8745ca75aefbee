package dev.atrium.ar.internal;

import dev.atrium.shared.security.BearerAuthentication;
import dev.atrium.shared.security.BearerTokenAuthenticator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Honours an app token while its row says so (see {@link AppTokenService#liveProjectOf}). The authentication carries
 * {@code ROLE_APP} only: app tokens are refused (403) wherever a signed-in user is required, which is everywhere but
 * the image target paths.
 */
@Component
class AppTokenAuthenticator implements BearerTokenAuthenticator {

    private static final List<SimpleGrantedAuthority> AUTHORITIES =
            List.of(new SimpleGrantedAuthority("ROLE_" + AppClient.ROLE));

    private final AppTokenService tokens;

    AppTokenAuthenticator(AppTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public String tokenType() {
        return AppTokenService.TYPE;
    }

    @Override
    public @Nullable AbstractAuthenticationToken authenticate(Jwt token) {
        UUID id = uuid(token.getId());
        if (id == null) {
            return null;
        }
        return tokens.liveProjectOf(id)
                .filter(projectId -> ("project:" + projectId).equals(token.getSubject()))
                .map(projectId ->
                        new BearerAuthentication(new AppClient(id, projectId), token.getTokenValue(), AUTHORITIES))
                .orElse(null);
    }

    private static @Nullable UUID uuid(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
