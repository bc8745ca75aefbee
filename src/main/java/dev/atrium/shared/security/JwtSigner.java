package dev.atrium.shared.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JoseHeaderNames;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Signs and verifies every token Atrium hands out, through Spring Security's Nimbus encoder and decoder: one pinned
 * algorithm (HS256, so {@code none} and public-key algorithms are refused), a {@code kid} naming the key so that keys can
 * be rotated, the issuer checked on every token and the audience checked by each kind of use.
 *
 * <p>Every token must name one of Atrium's keys in its {@code kid}: Atrium has always written one, and a token without
 * it was not made here. Every token must carry an expiry ({@code exp}) too, except app tokens ({@link #APP_TYPE}),
 * whose lifetime is kept in the database so that it can be changed after the token was handed out.
 */
@Component
public class JwtSigner {

    /** Audience of access tokens and app tokens, the two kinds accepted as {@code Authorization: Bearer}. */
    public static final String API_AUDIENCE = "atrium-api";
    /** Audience of refresh tokens, accepted only by {@code POST /api/refresh}. */
    public static final String REFRESH_AUDIENCE = "atrium-refresh";
    /**
     * The {@code typ} of app tokens: bearer tokens whose expiry is a row the server checks on every request, so the
     * only tokens that may come without {@code exp}.
     */
    public static final String APP_TYPE = "app";

    private final NimbusJwtEncoder encoder;
    private final String signingKeyId;
    private final DefaultJWTProcessor<SecurityContext> processor;
    private final String issuer;
    private final Clock clock;
    private final Map<String, NimbusJwtDecoder> decoders = new ConcurrentHashMap<>();
    private final Set<String> keyIds;

    JwtSigner(
            JwtSettings settings,
            @Value("${atrium.mode}") String mode,
            @Value("${atrium.command:serve}") String command,
            Clock clock) {
        this.issuer = settings.issuerOrDefault();
        this.clock = clock;
        // The one-shot commands (migrate, seed) never issue or check a token, so they use no key of their own: they
        // may run where the key file is not mounted.
        boolean serving = "serve".equals(command);
        boolean keyRequired = serving && !"embedded".equals(mode);
        String secret = serving ? signingSecret(settings, keyRequired) : JwtSettings.DEVELOPMENT_SECRET;
        OctetSequenceKey signingKey = key(secret);
        this.signingKeyId = signingKey.getKeyID();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey)));
        List<JWK> verificationKeys = new ArrayList<>();
        verificationKeys.add(signingKey);
        if (serving && settings.previousSecrets() != null) {
            for (String previous : settings.previousSecrets()) {
                if (!StringUtils.hasText(previous)) {
                    continue;
                }
                if (keyRequired && previous.strip().equals(JwtSettings.DEVELOPMENT_SECRET)) {
                    throw new IllegalStateException(
                            "ATRIUM_JWT_PREVIOUS_SECRETS holds the development key, which is public: remove it");
                }
                verificationKeys.add(key(previous));
            }
        }
        this.keyIds = verificationKeys.stream().map(JWK::getKeyID).collect(Collectors.toUnmodifiableSet());
        this.processor = new DefaultJWTProcessor<>();
        // Only HS256 with one of our keys verifies; a token signed any other way, or not at all, is refused here.
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                JWSAlgorithm.HS256, new ImmutableJWKSet<>(new JWKSet(verificationKeys))));
        // Claims are checked by Spring's validators below, which report their failures usefully.
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
    }

    /** Signs the claims with the current key, adding the issuer and (unless given) the issue time. */
    public Jwt sign(JwtClaimsSet.Builder claims) {
        JwsHeader header =
                JwsHeader.with(MacAlgorithm.HS256).keyId(signingKeyId).build();
        JwtClaimsSet set = claims.issuer(issuer)
                .claims(all -> all.putIfAbsent(JwtClaimNames.IAT, Instant.now(clock)))
                .build();
        return encoder.encode(JwtEncoderParameters.from(header, set));
    }

    /** A decoder that accepts tokens for the given audience only. */
    public JwtDecoder decoderFor(String audience) {
        return decoders.computeIfAbsent(audience, this::newDecoder);
    }

    /** Verifies a token for the given audience; throws {@link JwtException} when it is not one of ours or has expired. */
    public Jwt verify(String token, String audience) {
        return decoderFor(audience).decode(token);
    }

    private NimbusJwtDecoder newDecoder(String audience) {
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> audienceCheck =
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(
                                new OAuth2Error("invalid_token", "The token is not meant for " + audience, null));
        // Without a kid, Nimbus would try every key it has; the kid is required so that a token names the key it was
        // signed with, and one naming no key of ours is refused by name rather than by a failed signature.
        OAuth2TokenValidator<Jwt> keyCheck =
                jwt -> jwt.getHeaders().get(JoseHeaderNames.KID) instanceof String kid && keyIds.contains(kid)
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error(
                                "invalid_token", "The token does not name a key of Atrium's (kid)", null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer), keyCheck, expiryCheck(audience), audienceCheck));
        return decoder;
    }

    /**
     * Spring's timestamp check with the expiry required, as it is for every token but app tokens of the API audience.
     * The default check (which also runs) lets a token without {@code exp} through, which would make a leaked access or
     * refresh token good for ever.
     */
    private static OAuth2TokenValidator<Jwt> expiryCheck(String audience) {
        JwtTimestampValidator expiryRequired = new JwtTimestampValidator();
        expiryRequired.setAllowEmptyExpiryClaim(false);
        return jwt -> API_AUDIENCE.equals(audience) && APP_TYPE.equals(jwt.getClaimAsString("typ"))
                ? OAuth2TokenValidatorResult.success()
                : expiryRequired.validate(jwt);
    }

    private static String signingSecret(JwtSettings settings, boolean keyRequired) {
        String secret = settings.secret();
        if (!StringUtils.hasText(secret) && StringUtils.hasText(settings.secretFile())) {
            try {
                secret = Files.readString(Path.of(settings.secretFile()), StandardCharsets.UTF_8)
                        .strip();
            } catch (IOException ex) {
                throw new IllegalStateException(
                        "Could not read the JWT signing key from ATRIUM_JWT_SECRET_FILE=" + settings.secretFile(), ex);
            }
        }
        if (!StringUtils.hasText(secret)) {
            if (keyRequired) {
                throw new IllegalStateException(
                        "No JWT signing key is configured: set ATRIUM_JWT_SECRET (at least 32 random bytes, e.g. "
                                + "`openssl rand -base64 48`) or ATRIUM_JWT_SECRET_FILE");
            }
            secret = JwtSettings.DEVELOPMENT_SECRET;
        }
        if (keyRequired && secret.equals(JwtSettings.DEVELOPMENT_SECRET)) {
            throw new IllegalStateException(
                    "ATRIUM_JWT_SECRET is the development key, which is public: set a secret of your own");
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("ATRIUM_JWT_SECRET must be at least 32 bytes long for HS256");
        }
        return secret;
    }

    private static OctetSequenceKey key(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalStateException("Every JWT key (current and previous) must be at least 32 bytes long");
        }
        return new OctetSequenceKey.Builder(new SecretKeySpec(bytes, "HmacSHA256"))
                .keyID(keyId(bytes))
                .algorithm(JWSAlgorithm.HS256)
                .build();
    }

    /** A key's id is derived from the key, so that it names the key without revealing it. */
    private static String keyId(byte[] secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret);
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JDK has SHA-256", ex);
        }
    }
}
