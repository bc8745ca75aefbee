package dev.atrium.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Replica;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Two replicas on one PostgreSQL and Redis, over real HTTP: a session ended on one is ended on the other at once. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "atrium.jwt.secret=" + Replica.SHARED_JWT_SECRET)
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class ReplicaSessionTests {

    static Replica second;

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startSecondReplica(@Autowired Environment environment) {
        second = Replica.of(environment);
    }

    @AfterAll
    static void stopSecondReplica() {
        second.close();
    }

    @Test
    void a_sign_out_on_one_replica_refuses_the_token_on_the_other_at_once() throws Exception {
        TestUser user = accounts.user();
        String first = "http://localhost:" + port;
        JsonNode tokens = json.readTree(send(HttpRequest.newBuilder(URI.create(first + "/api/auth"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"" + user.email() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}")))
                .body());
        String bearer = "Bearer " + tokens.get("access").asString();

        assertThat(sessions(second.baseUrl(), bearer).statusCode()).isEqualTo(200);
        HttpResponse<String> logout = send(HttpRequest.newBuilder(URI.create(first + "/api/logout"))
                .header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(sessions(second.baseUrl(), bearer).statusCode()).isEqualTo(401);
        assertThat(sessions(first, bearer).statusCode()).isEqualTo(401);
    }

    @Test
    void a_refresh_token_spent_on_one_replica_is_spent_on_the_other() throws Exception {
        TestUser user = accounts.user();
        JsonNode tokens = json.readTree(send(HttpRequest.newBuilder(URI.create(second.baseUrl() + "/api/auth"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"" + user.email() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}")))
                .body());
        String refresh = "{\"refresh\":\"" + tokens.get("refresh").asString() + "\"}";
        assertThat(refresh("http://localhost:" + port, refresh).statusCode()).isEqualTo(200);
        assertThat(refresh(second.baseUrl(), refresh).statusCode()).isEqualTo(401);
    }

    @Test
    void the_browser_session_cookie_is_http_only_and_same_site() throws Exception {
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/login")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").contains("HttpOnly", "SameSite=Lax"));
    }

    private HttpResponse<String> sessions(String base, String bearer) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/sessions")).header("Authorization", bearer));
    }

    private HttpResponse<String> refresh(String base, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/refresh"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
