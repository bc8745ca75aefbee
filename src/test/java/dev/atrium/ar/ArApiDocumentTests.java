package dev.atrium.ar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AtriumTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document describes every AR endpoint with a summary and its refusals. */
@AtriumTest
class ArApiDocumentTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void every_ar_operation_has_a_summary_and_documents_401_and_its_other_refusals() {
        MvcTestResult result = mvc.get().uri("/api/schema").exchange();
        assertThat(result).hasStatusOk();
        JsonNode paths = JsonMapper.builder()
                .build()
                .readTree(result.getResponse().getContentAsByteArray())
                .get("paths");
        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            if (!path.getKey().startsWith("/api/project")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                JsonNode responses = operation.getValue().get("responses");
                assertThat(operation.getValue().get("summary").asString())
                        .as(name)
                        .isNotBlank();
                assertThat(responses.has("401")).as(name).isTrue();
                assertThat(responses.has("403")).as(name).isTrue();
                assertThat(responses.has("404") || name.equals("POST /api/project") || name.equals("GET /api/project"))
                        .as(name)
                        .isTrue();
            }
        }
        assertThat(operations)
                .contains(
                        "POST /api/project",
                        "GET /api/project",
                        "GET /api/project/{id}",
                        "PUT /api/project/{id}",
                        "PATCH /api/project/{id}",
                        "DELETE /api/project/{id}",
                        "POST /api/project/{id}/restore",
                        "POST /api/project/{projectId}/jwt",
                        "GET /api/project/{projectId}/jwt",
                        "PATCH /api/project/{projectId}/jwt/{tokenId}",
                        "DELETE /api/project/{projectId}/jwt/{tokenId}",
                        "POST /api/project/{projectId}/imagetarget",
                        "GET /api/project/{projectId}/imagetarget",
                        "GET /api/project/{projectId}/imagetarget/{targetId}",
                        "GET /api/project/{projectId}/imagetarget/{targetId}/image",
                        "PUT /api/project/{projectId}/imagetarget/{targetId}",
                        "PATCH /api/project/{projectId}/imagetarget/{targetId}",
                        "DELETE /api/project/{projectId}/imagetarget/{targetId}");
        JsonNode create =
                paths.get("/api/project/{projectId}/imagetarget").get("post").get("responses");
        assertThat(create.has("413")).isTrue();
        assertThat(create.has("415")).isTrue();
    }
}
