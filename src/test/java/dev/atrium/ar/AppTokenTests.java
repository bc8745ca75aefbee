package dev.atrium.ar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import dev.atrium.shared.security.JwtSigner;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** Seed 003's /api/project/{id}/jwt: app tokens made, listed, re-timed and revoked, and expired ones purged. */
@AtriumTest
class AppTokenTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JwtSigner signer;

    @Autowired
    List<ScheduledTaskHolder> schedules;

    ArCalls ar;

    @Autowired
    void calls(MockMvcTester mvc) {
        this.ar = new ArCalls(api);
    }

    @Test
    void a_new_token_lives_two_weeks_and_opens_the_projects_image_targets() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        MvcTestResult created = api.as(alice).post("/api/project/" + project + "/jwt");
        assertThat(created).hasStatus(HttpStatus.CREATED);
        JsonNode token = ar.body(created);
        assertThat(token.propertyNames()).containsExactlyInAnyOrder("id", "token", "created_at", "expires_at");
        Instant createdAt = Instant.parse(token.get("created_at").asString());
        Instant expiresAt = Instant.parse(token.get("expires_at").asString());
        assertThat(Duration.between(createdAt, expiresAt)).isEqualTo(Duration.ofDays(14));
        assertThat(createdAt).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(created.getResponse().getHeader("Location"))
                .isEqualTo("/api/project/" + project + "/jwt/" + token.get("id").asString());

        Jwt jwt = signer.verify(token.get("token").asString(), JwtSigner.API_AUDIENCE);
        assertThat(jwt.getClaimAsString("typ")).isEqualTo("app");
        assertThat(jwt.getId()).isEqualTo(token.get("id").asString());
        assertThat(jwt.getSubject()).isEqualTo("project:" + project);

        String app = token.get("token").asString();
        assertThat(ar.get(app, "/api/project/{id}/imagetarget", project)).hasStatusOk();
        assertThat(ar.createTarget(app, project, TestImages.base64(TestImages.jpeg(50, 40)), "by the app"))
                .hasStatus(HttpStatus.CREATED);
    }

    @Test
    void a_token_takes_a_ttl_between_a_minute_and_a_year() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        JsonNode hour = ar.body(ar.createToken(alice.access(), project, 3600L));
        assertThat(Duration.between(
                        Instant.parse(hour.get("created_at").asString()),
                        Instant.parse(hour.get("expires_at").asString())))
                .isEqualTo(Duration.ofHours(1));
        assertThat(ar.createToken(alice.access(), project, 60L)).hasStatus(HttpStatus.CREATED);
        assertThat(ar.createToken(alice.access(), project, 31_536_000L)).hasStatus(HttpStatus.CREATED);

        for (String body : new String[] {
            "{\"ttl_seconds\":59}",
            "{\"ttl_seconds\":31536001}",
            "{\"ttl_seconds\":-5}",
            "{\"ttl_seconds\":1.5}",
            "{\"ttl_seconds\":\"a week\"}"
        }) {
            MvcTestResult refused = api.as(alice).post("/api/project/" + project + "/jwt", body);
            assertThat(refused).as(body).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(refused).bodyJson().extractingPath("$.errors[0].field").isEqualTo("ttl_seconds");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM app_tokens WHERE project_id = ?")
                        .param(project)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void the_ttl_may_be_sent_as_ttl_as_seed_003_names_it() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        MvcTestResult created = ar.send(
                mvc.post().uri("/api/project/{id}/jwt", project),
                alice.access(),
                ar.object().put("ttl", 3600));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        JsonNode token = ar.body(created);
        assertThat(Duration.between(
                        Instant.parse(token.get("created_at").asString()),
                        Instant.parse(token.get("expires_at").asString())))
                .isEqualTo(Duration.ofHours(1));

        MvcTestResult patched = ar.send(
                mvc.patch()
                        .uri(
                                "/api/project/{p}/jwt/{t}",
                                project,
                                token.get("id").asString()),
                alice.access(),
                ar.object().put("ttl", 86_400));
        assertThat(patched).hasStatusOk();
        assertThat(Instant.parse(ar.body(patched).get("expires_at").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofDays(1)), within(1, ChronoUnit.MINUTES));

        assertThat(ar.send(
                        mvc.post().uri("/api/project/{id}/jwt", project),
                        alice.access(),
                        ar.object().put("ttl", 59)))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void the_live_tokens_of_a_project_are_listed_with_their_jwts() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        JsonNode first = ar.token(alice.access(), project);
        JsonNode second = ar.token(alice.access(), project);
        ar.token(alice.access(), ar.project(alice.access()));

        MvcTestResult list = ar.get(alice.access(), "/api/project/{id}/jwt", project);
        assertThat(list).hasStatusOk();
        JsonNode page = ar.body(list);
        assertThat(page.get("count").asLong()).isEqualTo(2);
        assertThat(page.get("results").get(0)).isEqualTo(first);
        assertThat(page.get("results").get(1)).isEqualTo(second);

        assertThat(ar.get(
                        alice.access(),
                        "/api/project/{id}/jwt/{token}",
                        project,
                        first.get("id").asString()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.token")
                .isEqualTo(first.get("token").asString());
    }

    @Test
    void a_new_ttl_moves_the_expiry_and_the_same_token_keeps_working() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        JsonNode token = ar.body(ar.createToken(alice.access(), project, 60L));
        String id = token.get("id").asString();

        MvcTestResult patched = ar.send(
                mvc.patch().uri("/api/project/{p}/jwt/{t}", project, id),
                alice.access(),
                ar.object().put("ttl_seconds", 86_400));
        assertThat(patched).hasStatusOk();
        JsonNode after = ar.body(patched);
        assertThat(after.get("token").asString()).isEqualTo(token.get("token").asString());
        assertThat(after.get("created_at")).isEqualTo(token.get("created_at"));
        assertThat(Instant.parse(after.get("expires_at").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofDays(1)), within(1, ChronoUnit.MINUTES));
        assertThat(ar.get(token.get("token").asString(), "/api/project/{id}/imagetarget", project))
                .hasStatusOk();

        MvcTestResult shortened = ar.send(
                mvc.put().uri("/api/project/{p}/jwt/{t}", project, id),
                alice.access(),
                ar.object().put("ttl_seconds", 120));
        assertThat(shortened).hasStatusOk();
        assertThat(Instant.parse(ar.body(shortened).get("expires_at").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(2)), within(1, ChronoUnit.MINUTES));

        assertThat(ar.send(mvc.patch().uri("/api/project/{p}/jwt/{t}", project, id), alice.access(), ar.object()))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(ar.send(
                        mvc.patch().uri("/api/project/{p}/jwt/{t}", project, UUID.randomUUID()),
                        alice.access(),
                        ar.object().put("ttl_seconds", 600)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ar.send(
                        mvc.patch().uri("/api/project/{p}/jwt/{t}", project, "not-a-token-id"),
                        alice.access(),
                        ar.object().put("ttl_seconds", 600)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_token_named_in_the_body_or_the_query_is_retimed_on_the_path_seed_003_names() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        JsonNode token = ar.body(ar.createToken(alice.access(), project, 60L));
        String id = token.get("id").asString();

        assertThat(ar.send(
                        mvc.patch().uri("/api/project/{p}/jwt", project),
                        alice.access(),
                        ar.object().put("id", id).put("ttl_seconds", 3600)))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.token")
                .isEqualTo(token.get("token").asString());
        assertThat(expiry(project, id))
                .isCloseTo(Instant.now().plus(Duration.ofHours(1)), within(1, ChronoUnit.MINUTES));

        assertThat(ar.send(
                        mvc.put().uri("/api/project/{p}/jwt", project),
                        alice.access(),
                        ar.object().put("token_id", id).put("ttl", 7200)))
                .hasStatusOk();
        assertThat(expiry(project, id))
                .isCloseTo(Instant.now().plus(Duration.ofHours(2)), within(1, ChronoUnit.MINUTES));

        assertThat(ar.send(
                        mvc.patch().uri("/api/project/{p}/jwt", project),
                        alice.access(),
                        ar.object().put("token", token.get("token").asString()).put("ttl", 86_400)))
                .hasStatusOk();
        assertThat(expiry(project, id))
                .isCloseTo(Instant.now().plus(Duration.ofDays(1)), within(1, ChronoUnit.MINUTES));

        assertThat(ar.send(
                        mvc.patch().uri("/api/project/{p}/jwt?id={t}", project, id),
                        alice.access(),
                        ar.object().put("ttl_seconds", 600)))
                .hasStatusOk();
        assertThat(ar.send(
                        mvc.put().uri("/api/project/{p}/jwt?token_id={t}", project, id),
                        alice.access(),
                        ar.object().put("ttl_seconds", 300)))
                .hasStatusOk();
        assertThat(expiry(project, id))
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(5)), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void a_token_named_in_the_body_or_the_query_is_deleted_on_the_path_seed_003_names() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        JsonNode byId = ar.token(alice.access(), project);
        JsonNode byJwt = ar.token(alice.access(), project);
        JsonNode byQuery = ar.token(alice.access(), project);
        JsonNode kept = ar.token(alice.access(), project);

        assertThat(ar.send(
                        mvc.delete().uri("/api/project/{p}/jwt", project),
                        alice.access(),
                        ar.object().put("token_id", byId.get("id").asString())))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(ar.send(
                        mvc.delete().uri("/api/project/{p}/jwt", project),
                        alice.access(),
                        ar.object().put("token", byJwt.get("token").asString())))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(ar.delete(
                        alice.access(),
                        "/api/project/{p}/jwt?id={t}",
                        project,
                        byQuery.get("id").asString()))
                .hasStatus(HttpStatus.NO_CONTENT);

        assertThat(ar.get(byJwt.get("token").asString(), "/api/project/{id}/imagetarget", project))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(ar.body(ar.get(alice.access(), "/api/project/{id}/jwt", project))
                        .get("results")
                        .valueStream()
                        .map(listed -> listed.get("id").asString()))
                .containsExactly(kept.get("id").asString());
        assertThat(ar.delete(
                        alice.access(),
                        "/api/project/{p}/jwt?token_id={t}",
                        project,
                        byId.get("id").asString()))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_missing_or_unknown_token_on_the_collection_path_is_a_problem_naming_the_field() {
        SignedInUser alice = accounts.signedInUser();
        SignedInUser bob = accounts.signedInUser();
        long project = ar.project(alice.access());
        JsonNode token = ar.token(alice.access(), project);
        String id = token.get("id").asString();

        MvcTestResult unnamed = ar.delete(alice.access(), "/api/project/{p}/jwt", project);
        assertThat(unnamed).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(unnamed).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(unnamed).bodyJson().extractingPath("$.errors[0].field").isEqualTo("id");
        assertThat(ar.send(
                        mvc.patch().uri("/api/project/{p}/jwt", project),
                        alice.access(),
                        ar.object().put("ttl_seconds", 600)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("id");
        assertThat(ar.send(
                        mvc.patch().uri("/api/project/{p}/jwt", project),
                        alice.access(),
                        ar.object().put("id", id)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("ttl_seconds");
        assertThat(ar.send(
                        mvc.delete().uri("/api/project/{p}/jwt", project),
                        alice.access(),
                        ar.object().put("token", "not.a.jwt")))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("token");
        assertThat(ar.send(
                        mvc.delete().uri("/api/project/{p}/jwt?id={t}", project, id),
                        alice.access(),
                        ar.object().put("token_id", UUID.randomUUID().toString())))
                .hasStatus(HttpStatus.BAD_REQUEST);

        MvcTestResult unknown = ar.send(
                mvc.delete().uri("/api/project/{p}/jwt", project),
                alice.access(),
                ar.object().put("id", UUID.randomUUID().toString()));
        assertThat(unknown).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(unknown).bodyJson().extractingPath("$.token_id").isNotNull();
        assertThat(ar.send(
                        mvc.patch().uri("/api/project/{p}/jwt", project),
                        alice.access(),
                        ar.object().put("id", "not-a-token-id").put("ttl", 600)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ar.delete(bob.access(), "/api/project/{p}/jwt?id={t}", project, id))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ar.get(token.get("token").asString(), "/api/project/{id}/imagetarget", project))
                .hasStatusOk();
    }

    private Instant expiry(long project, String id) {
        return jdbc.sql("SELECT expires_at FROM app_tokens WHERE project_id = ? AND id = ?")
                .params(project, UUID.fromString(id))
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    @Test
    void a_deleted_token_is_refused_at_once() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        JsonNode token = ar.token(alice.access(), project);
        JsonNode other = ar.token(alice.access(), project);
        String app = token.get("token").asString();
        assertThat(ar.get(app, "/api/project/{id}/imagetarget", project)).hasStatusOk();

        assertThat(ar.delete(
                        alice.access(),
                        "/api/project/{p}/jwt/{t}",
                        project,
                        token.get("id").asString()))
                .hasStatus(HttpStatus.NO_CONTENT);

        MvcTestResult refused = ar.get(app, "/api/project/{id}/imagetarget", project);
        assertThat(refused).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(refused).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(ar.delete(
                        alice.access(),
                        "/api/project/{p}/jwt/{t}",
                        project,
                        token.get("id").asString()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ar.body(ar.get(alice.access(), "/api/project/{id}/jwt", project))
                        .get("results")
                        .valueStream()
                        .map(listed -> listed.get("id").asString()))
                .containsExactly(other.get("id").asString());
        assertThat(ar.get(other.get("token").asString(), "/api/project/{id}/imagetarget", project))
                .hasStatusOk();
    }

    @Test
    void an_expired_token_is_refused_before_the_purge_runs_and_then_deleted_by_it() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        JsonNode expired = ar.token(alice.access(), project);
        JsonNode live = ar.token(alice.access(), project);
        UUID expiredId = UUID.fromString(expired.get("id").asString());
        // Two hours pass for this token.
        jdbc.sql("""
                        UPDATE app_tokens SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 second'
                        WHERE id = ?""").param(expiredId).update();

        assertThat(ar.get(expired.get("token").asString(), "/api/project/{id}/imagetarget", project))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(ar.body(ar.get(alice.access(), "/api/project/{id}/jwt", project))
                        .get("count")
                        .asLong())
                .isEqualTo(1);
        assertThat(ar.get(alice.access(), "/api/project/{p}/jwt/{t}", project, expiredId))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ar.send(
                        mvc.patch().uri("/api/project/{p}/jwt/{t}", project, expiredId),
                        alice.access(),
                        ar.object().put("ttl_seconds", 3600)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(tokenRows(project)).isEqualTo(2);

        purgeTask().getTask().getRunnable().run();

        assertThat(jdbc.sql("SELECT count(*) FROM app_tokens WHERE id = ?")
                        .param(expiredId)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(tokenRows(project)).isEqualTo(1);
        assertThat(ar.get(live.get("token").asString(), "/api/project/{id}/imagetarget", project))
                .hasStatusOk();
    }

    @Test
    void the_purge_is_scheduled_every_ten_minutes_by_default() {
        assertThat(purgeTask().getTask())
                .isInstanceOfSatisfying(
                        FixedDelayTask.class,
                        task -> assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofMinutes(10)));
    }

    @Test
    void an_app_token_is_refused_on_another_projects_image_targets() {
        SignedInUser alice = accounts.signedInUser();
        long mine = ar.project(alice.access());
        long other = ar.project(alice.access());
        long target = ar.target(alice.access(), other);
        String app = ar.appToken(alice.access(), mine);
        String jpeg = TestImages.base64(TestImages.jpeg(40, 40));

        assertThat(ar.get(app, "/api/project/{p}/imagetarget", other)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(ar.get(app, "/api/project/{p}/imagetarget/{t}", other, target))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(ar.get(app, "/api/project/{p}/imagetarget/{t}/image", other, target))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(ar.createTarget(app, other, jpeg, "sneaky")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(ar.send(
                        mvc.put().uri("/api/project/{p}/imagetarget/{t}", other, target),
                        app,
                        ar.object().put("image", jpeg)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(ar.send(
                        mvc.patch().uri("/api/project/{p}/imagetarget/{t}", other, target),
                        app,
                        ar.object().put("description", "changed")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(ar.delete(app, "/api/project/{p}/imagetarget/{t}", other, target))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(ar.get(alice.access(), "/api/project/{p}/imagetarget/{t}", other, target))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.description")
                .isEqualTo("A target");
    }

    @Test
    void only_the_owner_or_an_administrator_manages_a_projects_tokens() {
        SignedInUser alice = accounts.signedInUser();
        SignedInUser bob = accounts.signedInUser();
        SignedInUser admin = accounts.signedInAdmin();
        long project = ar.project(alice.access());
        String id = ar.token(alice.access(), project).get("id").asString();

        assertThat(ar.createToken(bob.access(), project, null)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ar.get(bob.access(), "/api/project/{id}/jwt", project)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ar.send(
                        mvc.patch().uri("/api/project/{p}/jwt/{t}", project, id),
                        bob.access(),
                        ar.object().put("ttl_seconds", 600)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ar.delete(bob.access(), "/api/project/{p}/jwt/{t}", project, id))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/api/project/{id}/jwt", project).exchange()).hasStatus(HttpStatus.UNAUTHORIZED);

        assertThat(ar.createToken(admin.access(), project, null)).hasStatus(HttpStatus.CREATED);
        assertThat(ar.delete(admin.access(), "/api/project/{p}/jwt/{t}", project, id))
                .hasStatus(HttpStatus.NO_CONTENT);
    }

    @Test
    void a_token_signed_by_us_but_never_issued_is_refused() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        String real = ar.token(alice.access(), project).get("id").asString();
        long other = ar.project(alice.access());

        String unknown = forge(UUID.randomUUID().toString(), "project:" + project);
        assertThat(ar.get(unknown, "/api/project/{id}/imagetarget", project)).hasStatus(HttpStatus.UNAUTHORIZED);
        // A real token id claimed for another project.
        String moved = forge(real, "project:" + other);
        assertThat(ar.get(moved, "/api/project/{id}/imagetarget", other)).hasStatus(HttpStatus.UNAUTHORIZED);
        String garbled = forge("not-a-uuid", "project:" + project);
        assertThat(ar.get(garbled, "/api/project/{id}/imagetarget", project)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    private String forge(String id, String subject) {
        return signer.sign(JwtClaimsSet.builder()
                        .subject(subject)
                        .audience(List.of(JwtSigner.API_AUDIENCE))
                        .id(id)
                        .claim("typ", "app"))
                .getTokenValue();
    }

    private long tokenRows(long project) {
        return jdbc.sql("SELECT count(*) FROM app_tokens WHERE project_id = ?")
                .param(project)
                .query(Long.class)
                .single();
    }

    private ScheduledTask purgeTask() {
        return schedules.stream()
                .flatMap(holder -> holder.getScheduledTasks().stream())
                .filter(task -> task.toString().contains("AppTokenPurge.deleteExpiredTokens"))
                .findFirst()
                .orElseThrow();
    }
}
