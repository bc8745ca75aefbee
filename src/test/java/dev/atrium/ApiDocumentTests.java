package dev.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint is in the OpenAPI document, with its error answers, and in the Postman collection: this fails when a
 * new endpoint arrives without them.
 */
@AtriumTest
class ApiDocumentTests {

    @Autowired
    MockMvcTester mvc;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void the_document_is_openapi_3_1_with_the_bearer_scheme() throws Exception {
        JsonNode document = document();
        assertThat(document.get("openapi").asString()).startsWith("3.1");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
    }

    @Test
    void every_operation_has_a_summary_and_documents_its_error_answers() throws Exception {
        List<String> undocumented = new ArrayList<>();
        for (String operation : operations(document())) {
            String[] parts = operation.split(" ", 2);
            JsonNode node = document().get("paths").get(parts[1]).get(parts[0].toLowerCase());
            if (node.path("summary").asString("").isBlank()) {
                undocumented.add(operation + ": no summary");
            }
            boolean hasErrorAnswer = false;
            for (String code : node.path("responses").propertyNames()) {
                hasErrorAnswer |= code.startsWith("4");
            }
            if (!hasErrorAnswer) {
                undocumented.add(operation + ": no 4xx response documented");
            }
        }
        assertThat(undocumented).isEmpty();
    }

    @Test
    void error_answers_are_documented_as_problem_details() throws Exception {
        JsonNode document = document();
        List<String> otherwise = new ArrayList<>();
        for (String operation : operations(document)) {
            String[] parts = operation.split(" ", 2);
            JsonNode responses = document.get("paths")
                    .get(parts[1])
                    .get(parts[0].toLowerCase())
                    .path("responses");
            for (String code : responses.propertyNames()) {
                JsonNode schema = responses
                        .get(code)
                        .path("content")
                        .path("application/problem+json")
                        .path("schema");
                boolean problem = schema.path("$ref").asString("").equals("#/components/schemas/Problem");
                // Seed 000's sign-in answers its failures in its own JSON shape.
                if (code.matches("[45]..") && !problem && !operation.equals("POST /api")) {
                    otherwise.add(operation + " " + code);
                }
            }
        }
        assertThat(otherwise).isEmpty();
        assertThat(document.at("/components/schemas/Problem/properties").propertyNames())
                .contains("type", "title", "status", "detail", "errors");
        assertThat(document.at("/paths/~1api/post/responses/401/content/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/Failure");
    }

    @Test
    void every_operation_is_in_the_postman_collection() throws Exception {
        Set<String> inCollection = new TreeSet<>();
        collect(json.readTree(Files.readString(Path.of("postman/atrium.postman_collection.json"))), inCollection);
        Set<String> missing = new TreeSet<>();
        for (String operation : operations(document())) {
            if (!inCollection.contains(normalise(operation))) {
                missing.add(operation);
            }
        }
        assertThat(missing)
                .as("operations without a request in the Postman collection")
                .isEmpty();
    }

    private JsonNode document() throws Exception {
        return json.readTree(
                mvc.get().uri("/api/schema").exchange().getResponse().getContentAsString());
    }

    private static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        for (String path : document.get("paths").propertyNames()) {
            for (String method : document.get("paths").get(path).propertyNames()) {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    operations.add(method.toUpperCase() + " " + path);
                }
            }
        }
        return operations;
    }

    private static void collect(JsonNode node, Set<String> requests) {
        if (node.has("request")) {
            JsonNode request = node.get("request");
            String path = request.at("/url/raw").asString().replace("{{baseUrl}}", "");
            int query = path.indexOf('?');
            requests.add(
                    normalise(request.get("method").asString() + " " + (query < 0 ? path : path.substring(0, query))));
        }
        for (JsonNode child : node.path("item")) {
            collect(child, requests);
        }
    }

    /** {@code /api/sessions/{id}} and {@code /api/sessions/{{otherSessionId}}} name the same operation. */
    private static String normalise(String operation) {
        return operation.replaceAll("\\{\\{[^}]+}}", "*").replaceAll("\\{[^}]+}", "*");
    }
}
