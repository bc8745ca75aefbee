package dev.atrium.ar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The AR endpoints as a client calls them, for tests; {@code bearer} is a whole Authorization header value. */
final class ArCalls {

    private final MockMvcTester mvc;
    private final JsonMapper json = JsonMapper.builder().build();

    ArCalls(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    static String uniqueName() {
        return "Project " + UUID.randomUUID();
    }

    /** Creates a project with a fresh name and returns its id. */
    long project(String bearer) {
        return project(bearer, uniqueName());
    }

    long project(String bearer, String name) {
        MvcTestResult result = createProject(bearer, name);
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return body(result).get("id").asLong();
    }

    MvcTestResult createProject(String bearer, String name) {
        return send(mvc.post().uri("/api/project"), bearer, object().put("name", name));
    }

    /** Creates an app token and returns its body ({@code id}, {@code token}, ...). */
    JsonNode token(String bearer, long projectId) {
        MvcTestResult result = createToken(bearer, projectId, null);
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return body(result);
    }

    /** The Authorization header of a fresh app token of the project. */
    String appBearer(String bearer, long projectId) {
        return "Bearer " + token(bearer, projectId).get("token").asString();
    }

    MvcTestResult createToken(String bearer, long projectId, @Nullable Long ttlSeconds) {
        ObjectNode body = object();
        if (ttlSeconds != null) {
            body.put("ttl_seconds", ttlSeconds);
        }
        return send(mvc.post().uri("/api/project/{id}/jwt", projectId), bearer, body);
    }

    MvcTestResult createTarget(String bearer, long projectId, String image, @Nullable String description) {
        ObjectNode body = object().put("image", image);
        if (description != null) {
            body.put("description", description);
        }
        return send(mvc.post().uri("/api/project/{id}/imagetarget", projectId), bearer, body);
    }

    /** Adds a small JPEG as an image target and returns its id. */
    long target(String bearer, long projectId) {
        MvcTestResult result = createTarget(bearer, projectId, TestImages.base64(TestImages.jpeg(120, 80)), "A target");
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return body(result).get("id").asLong();
    }

    MvcTestResult get(String bearer, String uri, Object... variables) {
        return mvc.get().uri(uri, variables).header("Authorization", bearer).exchange();
    }

    MvcTestResult delete(String bearer, String uri, Object... variables) {
        return mvc.delete().uri(uri, variables).header("Authorization", bearer).exchange();
    }

    MvcTestResult send(MockMvcTester.MockMvcRequestBuilder request, @Nullable String bearer, JsonNode body) {
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return request.contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))
                .exchange();
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    JsonNode body(MvcTestResult result) {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }
}
