package dev.atrium.shared.security;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Atrium signs its tokens (HMAC-SHA256).
 *
 * @param secret the signing key, at least 32 bytes ({@code ATRIUM_JWT_SECRET}); embedded mode falls back to a
 *     development key that every other mode refuses
 * @param secretFile a file holding the signing key when {@code secret} is not set ({@code ATRIUM_JWT_SECRET_FILE}, e.g.
 *     a Docker or Kubernetes secret)
 * @param previousSecrets keys that signed tokens still in circulation: accepted, never used to sign; rotating the key
 *     means moving the old one here until its tokens have expired
 * @param issuer the {@code iss} of every token, checked on every token
 * @param accessTokenTtl how long an access token lives
 */
@ConfigurationProperties("atrium.jwt")
public record JwtSettings(
        @Nullable String secret,
        @Nullable String secretFile,
        @Nullable List<String> previousSecrets,
        @Nullable String issuer,
        @Nullable Duration accessTokenTtl) {

    /** The key embedded mode signs with when none is configured. Refused in external mode. */
    public static final String DEVELOPMENT_SECRET = "atrium-development-key-never-use-it-in-production";

    public String issuerOrDefault() {
        return issuer == null || issuer.isBlank() ? "atrium" : issuer;
    }

    public Duration accessTokenTtlOrDefault() {
        return accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
    }
}
