package dev.atrium.ar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atrium.Replica;
import dev.atrium.TestAccounts;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas on one PostgreSQL and Redis, over real HTTP: what is done to an app token on one is honoured by the
 * other from the next request on. (Configured as the account module's replica tests are, so both share a context.)
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "atrium.jwt.secret=" + Replica.SHARED_JWT_SECRET)
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class ReplicaAppTokenTests {

    static Replica second;

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    final ReplicaCalls calls = new ReplicaCalls();

    String first;
    String user;

    @BeforeAll
    static void startSecondReplica(@Autowired Environment environment) {
        second = Replica.of(environment);
    }

    @AfterAll
    static void stopSecondReplica() {
        second.close();
    }

    @BeforeEach
    void signIn() throws Exception {
        first = "http://localhost:" + port;
        user = calls.signIn(first, accounts.user());
    }

    @Test
    void a_token_deleted_on_one_replica_is_refused_by_the_other_at_once() throws Exception {
        long project = project();
        JsonNode token = calls.json(calls.send("POST", first + "/api/project/" + project + "/jwt", user, null));
        String app = "Bearer " + token.get("token").asString();
        assertThat(targets(second.baseUrl(), project, app).statusCode()).isEqualTo(200);

        HttpResponse<String> deleted = calls.send(
                "DELETE",
                second.baseUrl() + "/api/project/" + project + "/jwt/"
                        + token.get("id").asString(),
                user,
                null);
        assertThat(deleted.statusCode()).isEqualTo(204);

        assertThat(targets(first, project, app).statusCode()).isEqualTo(401);
        assertThat(targets(second.baseUrl(), project, app).statusCode()).isEqualTo(401);
    }

    @Test
    void a_new_ttl_set_on_one_replica_is_what_the_other_honours() throws Exception {
        long project = project();
        JsonNode token = calls.json(
                calls.send("POST", first + "/api/project/" + project + "/jwt", user, "{\"ttl_seconds\":60}"));
        String tokenUrl = "/api/project/" + project + "/jwt/" + token.get("id").asString();

        HttpResponse<String> patched = calls.send("PATCH", second.baseUrl() + tokenUrl, user, "{\"ttl_seconds\":7200}");
        assertThat(patched.statusCode()).isEqualTo(200);

        JsonNode seenByFirst = calls.json(calls.send("GET", first + tokenUrl, user, null));
        assertThat(Instant.parse(seenByFirst.get("expires_at").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofHours(2)), within(1, ChronoUnit.MINUTES));
        String app = "Bearer " + token.get("token").asString();
        assertThat(targets(first, project, app).statusCode()).isEqualTo(200);
    }

    @Test
    void a_project_deleted_on_one_replica_takes_its_tokens_with_it_on_the_other() throws Exception {
        long project = project();
        String app = "Bearer "
                + calls.json(calls.send("POST", second.baseUrl() + "/api/project/" + project + "/jwt", user, null))
                        .get("token")
                        .asString();
        assertThat(targets(first, project, app).statusCode()).isEqualTo(200);

        assertThat(calls.send("DELETE", first + "/api/project/" + project, user, null)
                        .statusCode())
                .isEqualTo(204);

        assertThat(targets(second.baseUrl(), project, app).statusCode()).isEqualTo(401);
    }

    private long project() throws Exception {
        HttpResponse<String> created =
                calls.send("POST", first + "/api/project", user, "{\"name\":\"" + ArCalls.uniqueName() + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        return calls.json(created).get("id").asLong();
    }

    private HttpResponse<String> targets(String base, long project, String bearer) throws Exception {
        return calls.send("GET", base + "/api/project/" + project + "/imagetarget", bearer, null);
    }
}
