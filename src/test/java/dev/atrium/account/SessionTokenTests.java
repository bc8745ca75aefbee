package dev.atrium.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import dev.atrium.shared.security.JwtSigner;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@AtriumTest
class SessionTokenTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JwtSigner signer;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void an_access_token_lists_the_users_own_sessions() {
        SignedInUser user = accounts.signedInUser();
        accounts.signIn(new TestAccounts.TestUser(user.id(), user.email()));
        MvcTestResult result = sessions(user.access());
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.count").isEqualTo(2);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.results[?(@.current == true)]")
                .asArray()
                .hasSize(1);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.results[0].client_address")
                .asString()
                .startsWith("10.1.");
    }

    @Test
    void without_a_token_the_api_answers_401_with_a_problem() {
        MvcTestResult result = mvc.get().uri("/api/sessions").exchange();
        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void after_signing_out_the_access_and_refresh_tokens_stop_working_and_the_row_is_closed() {
        SignedInUser user = accounts.signedInUser();
        assertThat(api.as(user).post("/api/logout")).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(sessions(user.access())).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(refresh(user.refresh())).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.sql("SELECT count(*) FROM user_sessions WHERE user_id = ? AND closed_at IS NOT NULL")
                        .param(user.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void a_refresh_rotates_both_tokens_and_the_new_access_token_works() {
        SignedInUser user = accounts.signedInUser();
        MvcTestResult result = refresh(user.refresh());
        assertThat(result).hasStatusOk();
        JsonNode pair = body(result);
        assertThat(pair.get("refresh").asString()).isNotEqualTo(user.refresh());
        assertThat(pair.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(sessions(pair.get("access").asString())).hasStatusOk();
        assertThat(refresh(pair.get("refresh").asString())).hasStatusOk();
    }

    @Test
    void reusing_a_spent_refresh_token_ends_the_whole_session() {
        SignedInUser user = accounts.signedInUser();
        JsonNode pair = body(refresh(user.refresh()));
        MvcTestResult reuse = refresh(user.refresh());
        assertThat(reuse).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(reuse).bodyJson().extractingPath("$.detail").asString().contains("already used");
        // Whoever holds the newest tokens is signed out too: the session is gone.
        assertThat(sessions(pair.get("access").asString())).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(refresh(pair.get("refresh").asString())).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void garbage_expired_and_access_tokens_are_no_refresh_tokens() {
        SignedInUser user = accounts.signedInUser();
        assertThat(refresh("not-a-token")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(refresh(user.access())).hasStatus(HttpStatus.UNAUTHORIZED);
        String expired = signer.sign(JwtClaimsSet.builder()
                        .subject(Long.toString(user.id()))
                        .audience(List.of(JwtSigner.REFRESH_AUDIENCE))
                        .issuedAt(Instant.now().minusSeconds(1200))
                        .expiresAt(Instant.now().minusSeconds(120))
                        .id("spent")
                        .claim("typ", "refresh")
                        .claim("sid", "00000000-0000-0000-0000-000000000000"))
                .getTokenValue();
        assertThat(refresh(expired)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(refresh("")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void a_refresh_token_is_not_a_bearer_token() {
        SignedInUser user = accounts.signedInUser();
        assertThat(sessions(user.refresh())).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void forged_tokens_are_refused() throws Exception {
        SignedInUser user = accounts.signedInUser();
        String sessionId = sessionIdOf(user);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("atrium")
                .audience(JwtSigner.API_AUDIENCE)
                .subject(Long.toString(user.id()))
                .claim("typ", "access")
                .claim("sid", sessionId)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .build();

        String unsigned = new PlainJWT(claims).serialize();
        assertThat(sessions(unsigned)).hasStatus(HttpStatus.UNAUTHORIZED);

        SignedJWT wrongKey = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        wrongKey.sign(new MACSigner("another key that is also 32 bytes or more".getBytes()));
        assertThat(sessions(wrongKey.serialize())).hasStatus(HttpStatus.UNAUTHORIZED);

        // RS256 with a key of the attacker's: a server that trusted the header's algorithm would look for a key.
        var rsa = new RSAKeyGenerator(2048).generate();
        SignedJWT otherAlgorithm = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        otherAlgorithm.sign(new RSASSASigner(rsa));
        assertThat(sessions(otherAlgorithm.serialize())).hasStatus(HttpStatus.UNAUTHORIZED);

        // HS512 with our own key: the algorithm is pinned to HS256.
        SignedJWT otherMac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), claims);
        otherMac.sign(new MACSigner(
                "atrium-development-key-never-use-it-in-production-padded-to-64-bytes-for-hs512".getBytes()));
        assertThat(sessions(otherMac.serialize())).hasStatus(HttpStatus.UNAUTHORIZED);

        String expired = signer.sign(JwtClaimsSet.builder()
                        .subject(Long.toString(user.id()))
                        .audience(List.of(JwtSigner.API_AUDIENCE))
                        .issuedAt(Instant.now().minusSeconds(1200))
                        .expiresAt(Instant.now().minusSeconds(120))
                        .claim("typ", "access")
                        .claim("sid", sessionId))
                .getTokenValue();
        assertThat(sessions(expired)).hasStatus(HttpStatus.UNAUTHORIZED);

        String otherIssuer = signer.sign(JwtClaimsSet.builder()
                        .subject(Long.toString(user.id()))
                        .audience(List.of("someone-else"))
                        .expiresAt(Instant.now().plusSeconds(600))
                        .claim("typ", "access")
                        .claim("sid", sessionId))
                .getTokenValue();
        assertThat(sessions(otherIssuer)).hasStatus(HttpStatus.UNAUTHORIZED);

        // A genuine token whose subject does not own the session it names.
        String stolenSession = signer.sign(JwtClaimsSet.builder()
                        .subject(Long.toString(user.id() + 100_000))
                        .audience(List.of(JwtSigner.API_AUDIENCE))
                        .expiresAt(Instant.now().plusSeconds(600))
                        .claim("typ", "access")
                        .claim("sid", sessionId))
                .getTokenValue();
        assertThat(sessions(stolenSession)).hasStatus(HttpStatus.UNAUTHORIZED);

        assertThat(sessions(user.access())).hasStatusOk();
    }

    @Test
    void ending_one_of_ones_sessions_signs_that_client_out_and_no_one_ends_anothers() {
        SignedInUser laptop = accounts.signedInUser();
        SignedInUser phone = accounts.signIn(new TestAccounts.TestUser(laptop.id(), laptop.email()));
        SignedInUser stranger = accounts.signedInUser();
        String phoneSession = sessionIdOf(phone);

        assertThat(api.as(stranger).delete("/api/sessions/" + phoneSession)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(sessions(phone.access())).hasStatusOk();

        assertThat(api.as(laptop).delete("/api/sessions/" + phoneSession)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(sessions(phone.access())).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(sessions(laptop.access())).hasStatusOk();
    }

    private String sessionIdOf(SignedInUser user) {
        JsonNode page = body(sessions(user.access()));
        for (JsonNode session : page.get("results")) {
            if (session.get("current").asBoolean()) {
                return session.get("id").asString();
            }
        }
        throw new IllegalStateException("No current session");
    }

    private MvcTestResult sessions(String token) {
        return api.as(token).get("/api/sessions");
    }

    private MvcTestResult refresh(String token) {
        return mvc.post()
                .uri("/api/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"refresh\":\"" + token + "\"}")
                .exchange();
    }

    private JsonNode body(MvcTestResult result) {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }
}
