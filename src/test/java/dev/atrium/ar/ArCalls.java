package dev.atrium.ar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The AR endpoints as a client calls them, for tests; {@code token} is a session or app token, or null for none. */
final class ArCalls {

    private final Api api;
    private final JsonMapper json = JsonMapper.builder().build();

    ArCalls(Api api) {
        this.api = api;
    }

    static String uniqueName() {
        return "Project " + UUID.randomUUID();
    }

    /** Creates a project with a fresh name and returns its id. */
    long project(String token) {
        return project(token, uniqueName());
    }

    long project(String token, String name) {
        MvcTestResult result = createProject(token, name);
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return body(result).get("id").asLong();
    }

    MvcTestResult createProject(String token, String name) {
        return client(token).post("/api/project", object().put("name", name));
    }

    /** Creates an app token and returns its body ({@code id}, {@code token}, ...). */
    JsonNode token(String token, long projectId) {
        MvcTestResult result = createToken(token, projectId, null);
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return body(result);
    }

    /** A fresh app token of the project. */
    String appToken(String token, long projectId) {
        return token(token, projectId).get("token").asString();
    }

    MvcTestResult createToken(String token, long projectId, @Nullable Long ttlSeconds) {
        ObjectNode body = object();
        if (ttlSeconds != null) {
            body.put("ttl_seconds", ttlSeconds);
        }
        return client(token).post("/api/project/" + projectId + "/jwt", body);
    }

    MvcTestResult createTarget(@Nullable String token, long projectId, String image, @Nullable String description) {
        ObjectNode body = object().put("image", image);
        if (description != null) {
            body.put("description", description);
        }
        return client(token).post("/api/project/" + projectId + "/imagetarget", body);
    }

    /** Adds a small JPEG as an image target and returns its id. */
    long target(String token, long projectId) {
        MvcTestResult result = createTarget(token, projectId, TestImages.base64(TestImages.jpeg(120, 80)), "A target");
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return body(result).get("id").asLong();
    }

    MvcTestResult get(String token, String uri, Object... variables) {
        return client(token).get(uri, variables);
    }

    MvcTestResult delete(String token, String uri, Object... variables) {
        return client(token).delete(uri, variables);
    }

    /** For requests of the test's own making: a verb and a path the calls above do not cover. */
    MvcTestResult send(MockMvcTester.MockMvcRequestBuilder request, @Nullable String token, JsonNode body) {
        return request.with(client(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))
                .exchange();
    }

    private Api.Client client(@Nullable String token) {
        return token == null ? api.anonymous() : api.as(token);
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    JsonNode body(MvcTestResult result) {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }
}
