package dev.atrium.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtException;

/** The signing key: refused when it is weak or public outside embedded mode, and rotatable without signing anyone out. */
class JwtSignerTests {

    static final String KEY = "a-production-key-of-at-least-thirty-two-bytes";
    static final String NEXT_KEY = "the-next-production-key-also-thirty-two-bytes-long";

    @Test
    void outside_embedded_mode_a_missing_key_stops_the_start() {
        assertThatThrownBy(() -> tokens(null, null, "external"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ATRIUM_JWT_SECRET");
    }

    @Test
    void outside_embedded_mode_the_development_key_stops_the_start() {
        assertThatThrownBy(() -> tokens(JwtSettings.DEVELOPMENT_SECRET, null, "external"))
                .hasMessageContaining("development key");
    }

    @Test
    void the_one_shot_commands_need_no_key() {
        JwtSigner migrate =
                new JwtSigner(new JwtSettings(null, null, null, null, null), "external", "migrate", Clock.systemUTC());
        assertThat(migrate).isNotNull();
    }

    @Test
    void the_one_shot_commands_do_not_read_a_key_file_that_is_not_there() {
        JwtSigner seed = new JwtSigner(
                new JwtSettings(null, "/nonexistent/jwt.key", null, null, null), "external", "seed", Clock.systemUTC());
        assertThat(seed).isNotNull();
        assertThatThrownBy(() -> new JwtSigner(
                        new JwtSettings(null, "/nonexistent/jwt.key", null, null, null),
                        "external",
                        "serve",
                        Clock.systemUTC()))
                .hasMessageContaining("ATRIUM_JWT_SECRET_FILE");
    }

    @Test
    void outside_embedded_mode_the_development_key_is_refused_as_a_previous_key_too() {
        assertThatThrownBy(() -> tokens(KEY, List.of(JwtSettings.DEVELOPMENT_SECRET), "external"))
                .hasMessageContaining("development key");
    }

    @Test
    void a_short_key_stops_the_start() {
        assertThatThrownBy(() -> tokens("too-short", null, "embedded")).hasMessageContaining("at least 32 bytes");
    }

    @Test
    void embedded_mode_falls_back_to_the_development_key() {
        JwtSigner embedded = tokens(null, null, "embedded");
        JwtSigner explicit = tokens(JwtSettings.DEVELOPMENT_SECRET, null, "embedded");
        assertThat(explicit.verify(sign(embedded, "atrium-api"), "atrium-api").getSubject())
                .isEqualTo("7");
    }

    @Test
    void the_key_can_come_from_a_file(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("jwt.key");
        Files.writeString(file, KEY + "\n");
        JwtSigner fromFile = new JwtSigner(
                new JwtSettings(null, file.toString(), null, null, null), "external", "serve", Clock.systemUTC());
        assertThat(tokens(KEY, null, "external").verify(sign(fromFile, "atrium-api"), "atrium-api"))
                .isNotNull();
    }

    @Test
    void after_a_rotation_old_tokens_still_verify_and_new_ones_use_the_new_key() {
        JwtSigner before = tokens(KEY, null, "external");
        JwtSigner after = tokens(NEXT_KEY, List.of(KEY), "external");
        String old = sign(before, "atrium-api");
        assertThat(after.verify(old, "atrium-api").getSubject()).isEqualTo("7");
        String fresh = sign(after, "atrium-api");
        assertThatThrownBy(() -> before.verify(fresh, "atrium-api")).isInstanceOf(JwtException.class);
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        JwtSigner tokens = tokens(KEY, null, "external");
        assertThatThrownBy(() -> tokens.verify(sign(tokens, "atrium-refresh"), "atrium-api"))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void only_an_app_token_for_the_api_may_come_without_an_expiry() {
        JwtSigner tokens = tokens(KEY, null, "external");
        String app = tokens.sign(JwtClaimsSet.builder()
                        .subject("project:7")
                        .audience(List.of("atrium-api"))
                        .claim("typ", JwtSigner.APP_TYPE))
                .getTokenValue();
        assertThat(tokens.verify(app, "atrium-api").getSubject()).isEqualTo("project:7");
        String access = tokens.sign(JwtClaimsSet.builder()
                        .subject("7")
                        .audience(List.of("atrium-api"))
                        .claim("typ", "access"))
                .getTokenValue();
        assertThatThrownBy(() -> tokens.verify(access, "atrium-api")).isInstanceOf(JwtException.class);
        String refreshAsApp = tokens.sign(JwtClaimsSet.builder()
                        .subject("7")
                        .audience(List.of("atrium-refresh"))
                        .claim("typ", JwtSigner.APP_TYPE))
                .getTokenValue();
        assertThatThrownBy(() -> tokens.verify(refreshAsApp, "atrium-refresh")).isInstanceOf(JwtException.class);
    }

    private static String sign(JwtSigner tokens, String audience) {
        return tokens.sign(JwtClaimsSet.builder()
                        .subject("7")
                        .audience(List.of(audience))
                        .expiresAt(Instant.now().plusSeconds(60)))
                .getTokenValue();
    }

    private static JwtSigner tokens(String secret, List<String> previous, String mode) {
        return new JwtSigner(new JwtSettings(secret, null, previous, null, null), mode, "serve", Clock.systemUTC());
    }
}
