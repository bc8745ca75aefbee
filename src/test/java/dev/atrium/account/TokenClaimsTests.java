package dev.atrium.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import dev.atrium.shared.security.JwtSettings;
import dev.atrium.shared.security.JwtSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Tokens signed with Atrium's own key (the test profile's development key) but not as Atrium writes them: without an
 * expiry, without a key id or naming another key, or outliving the session they name. Each is refused with a 401
 * problem, for access and refresh tokens alike; the genuine tokens they were copied from keep working.
 */
@AtriumTest
class TokenClaimsTests {

    static final Duration A_YEAR = Duration.ofDays(365);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Test
    void a_copy_of_a_genuine_access_token_signed_with_the_key_is_honoured() throws Exception {
        SignedInUser user = accounts.signedInUser();
        String copy = resign(user.access(), keyId(user.access()), claims -> claims);
        assertThat(me(copy)).hasStatusOk();
    }

    @Test
    void an_access_token_without_an_expiry_is_refused() throws Exception {
        SignedInUser user = accounts.signedInUser();
        String forever = resign(user.access(), keyId(user.access()), claims -> claims.expirationTime(null));
        assertRefused(me(forever));
        assertThat(me(user.access())).hasStatusOk();
    }

    @Test
    void an_access_token_without_a_key_id_or_with_another_is_refused() throws Exception {
        SignedInUser user = accounts.signedInUser();
        assertRefused(me(resign(user.access(), null, claims -> claims)));
        assertRefused(me(resign(user.access(), "0123456789ab", claims -> claims)));
        assertRefused(me(resign(user.access(), "", claims -> claims)));
        assertThat(me(user.access())).hasStatusOk();
    }

    @Test
    void an_access_token_relabelled_as_an_app_token_to_go_without_expiry_is_refused() throws Exception {
        SignedInUser user = accounts.signedInUser();
        String relabelled = resign(
                user.access(),
                keyId(user.access()),
                claims -> claims.expirationTime(null).claim("typ", JwtSigner.APP_TYPE));
        assertRefused(me(relabelled));
    }

    @Test
    void an_access_token_expiring_in_a_year_is_refused_once_its_session_has_ended() throws Exception {
        SignedInUser user = accounts.signedInUser();
        String longLived = resign(
                user.access(),
                keyId(user.access()),
                claims -> claims.expirationTime(Date.from(Instant.now().plus(A_YEAR))));
        assertThat(me(longLived)).hasStatusOk();
        assertThat(api.as(user).post("/api/logout")).hasStatus(HttpStatus.NO_CONTENT);
        assertRefused(me(longLived));
    }

    @Test
    void a_refresh_token_without_an_expiry_or_a_known_key_id_is_refused_and_the_genuine_one_still_works()
            throws Exception {
        SignedInUser user = accounts.signedInUser();
        String kid = keyId(user.refresh());
        assertRefused(refresh(resign(user.refresh(), kid, claims -> claims.expirationTime(null))));
        assertRefused(refresh(resign(user.refresh(), null, claims -> claims)));
        assertRefused(refresh(resign(user.refresh(), "0123456789ab", claims -> claims)));
        assertThat(refresh(user.refresh())).hasStatusOk();
    }

    @Test
    void a_refresh_token_expiring_in_a_year_is_refused_once_its_session_has_ended() throws Exception {
        SignedInUser user = accounts.signedInUser();
        String longLived = resign(
                user.refresh(),
                keyId(user.refresh()),
                claims -> claims.expirationTime(Date.from(Instant.now().plus(A_YEAR))));
        assertThat(api.as(user).post("/api/logout")).hasStatus(HttpStatus.NO_CONTENT);
        assertRefused(refresh(longLived));
    }

    private static void assertRefused(MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** The genuine token's claims, changed as asked, signed with HS256 and the test profile's key. */
    private static String resign(String genuine, @Nullable String keyId, UnaryOperator<JWTClaimsSet.Builder> change)
            throws Exception {
        JWTClaimsSet claims = change.apply(
                        new JWTClaimsSet.Builder(SignedJWT.parse(genuine).getJWTClaimsSet()))
                .build();
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.HS256);
        if (keyId != null) {
            header.keyID(keyId);
        }
        SignedJWT forged = new SignedJWT(header.build(), claims);
        forged.sign(new MACSigner(JwtSettings.DEVELOPMENT_SECRET.getBytes(StandardCharsets.UTF_8)));
        return forged.serialize();
    }

    private static String keyId(String genuine) throws Exception {
        return SignedJWT.parse(genuine).getHeader().getKeyID();
    }

    private MvcTestResult me(String token) {
        return api.as(token).get("/api/users/me");
    }

    private MvcTestResult refresh(String token) {
        return mvc.post()
                .uri("/api/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"refresh\":\"" + token + "\"}")
                .exchange();
    }
}
