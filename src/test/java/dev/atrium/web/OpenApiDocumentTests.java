package dev.atrium.web;

import static dev.atrium.TestAccounts.freshAddress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The API document describes the JSON as the API writes it. */
@AtriumTest
class OpenApiDocumentTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void schemas_name_their_properties_in_snake_case_as_the_api_writes_them() {
        MvcTestResult schema = mvc.get().uri("/api/schema").exchange();
        assertThat(schema).hasStatusOk();
        assertThat(schema)
                .bodyJson()
                .extractingPath("$.components.schemas.Tokens.properties")
                .asMap()
                .containsKeys("token_type", "expires_in")
                .doesNotContainKeys("tokenType", "expiresIn");
        assertThat(schema)
                .bodyJson()
                .extractingPath("$.components.schemas.UserView.properties")
                .asMap()
                .containsKeys("first_name", "last_name", "avatar", "organizations", "phone", "last_login_at");
        assertThat(schema)
                .bodyJson()
                .extractingPath("$.components.schemas.PasswordChange.properties")
                .asMap()
                .containsKeys("old_password", "new_password");
    }

    @Test
    void signing_in_with_the_example_that_swagger_ui_fills_in_works() {
        JsonNode document = document();
        String example = json.writeValueAsString(
                exampleOf(document, document.at("/paths/~1api~1auth/post/requestBody/content/application~1json")));

        assertThat(example).contains("demo@atrium.dev", "demo-password");
        assertThat(mvc.post()
                        .uri("/api/auth")
                        .with(freshAddress())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(example))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.access")
                .isNotNull();
    }

    @Test
    void the_sign_in_page_form_in_swagger_ui_is_filled_in_with_the_demo_user() {
        MvcTestResult schema = mvc.get().uri("/api/schema").exchange();
        String form = "$.paths['/api'].post.requestBody.content['application/x-www-form-urlencoded'].schema.properties";
        assertThat(schema).bodyJson().extractingPath(form + ".login.example").isEqualTo("demo@atrium.dev");
        assertThat(schema).bodyJson().extractingPath(form + ".password.example").isEqualTo("demo-password");
    }

    @Test
    void the_example_image_target_is_a_jpeg_that_atrium_accepts() throws Exception {
        JsonNode document = document();
        String example = json.writeValueAsString(exampleOf(
                document,
                document.at(
                        "/paths/~1api~1project~1{projectId}~1imagetarget/post/requestBody/content/application~1json")));
        SignedInUser user = accounts.signedInUser();
        MvcTestResult project =
                api.as(user).post("/api/project", "{\"name\":\"Example targets " + System.nanoTime() + "\"}");
        assertThat(project).hasStatus(HttpStatus.CREATED);
        long id = json.readTree(project.getResponse().getContentAsString())
                .get("id")
                .asLong();

        assertThat(api.as(user).post("/api/project/" + id + "/imagetarget", example))
                .hasStatus(HttpStatus.CREATED);
    }

    @Test
    void no_request_body_example_sends_the_placeholder_string() {
        JsonNode document = document();
        List<String> placeholders = new ArrayList<>();
        for (String path : document.get("paths").propertyNames()) {
            JsonNode operations = document.get("paths").get(path);
            for (String method : operations.propertyNames()) {
                JsonNode media = operations.get(method).at("/requestBody/content/application~1json");
                if (!media.isMissingNode()) {
                    String example = json.writeValueAsString(exampleOf(document, media));
                    if (example.contains("\"string\"")) {
                        placeholders.add(method.toUpperCase() + " " + path + ": " + example);
                    }
                }
            }
        }
        assertThat(placeholders).isEmpty();
    }

    @Test
    void tags_come_in_the_order_a_user_meets_them_and_each_says_what_it_holds() {
        JsonNode tags = document().get("tags");
        List<String> names = new ArrayList<>();
        for (JsonNode tag : tags) {
            names.add(tag.get("name").asString());
            assertThat(tag.path("description").asString(""))
                    .as(tag.get("name").asString())
                    .isNotBlank();
        }
        assertThat(names)
                .containsExactly(
                        "Authentication",
                        "Sessions",
                        "Users",
                        "Avatars",
                        "Organizations",
                        "Products",
                        "Shops",
                        "Cart",
                        "Orders",
                        "Offers",
                        "AR projects",
                        "AR image targets",
                        "AR app tokens",
                        "Sign-in page");
    }

    @Test
    void every_operation_but_the_sign_in_page_s_says_it_answers_503_while_a_data_store_is_down() {
        JsonNode document = document();
        List<String> silent = new ArrayList<>();
        for (String path : document.get("paths").propertyNames()) {
            JsonNode operations = document.get("paths").get(path);
            for (String method : operations.propertyNames()) {
                JsonNode outage = operations.get(method).at("/responses/503");
                boolean problem = outage.at("/content/application~1problem+json/schema/$ref")
                        .asString("")
                        .equals("#/components/schemas/Problem");
                if (!path.equals("/api") && !problem) {
                    silent.add(method.toUpperCase() + " " + path);
                }
            }
        }
        assertThat(silent).isEmpty();
    }

    @Test
    void every_operation_that_takes_a_token_says_what_it_answers_without_one() {
        JsonNode document = document();
        List<String> silent = new ArrayList<>();
        for (String path : document.get("paths").propertyNames()) {
            JsonNode operations = document.get("paths").get(path);
            for (String method : operations.propertyNames()) {
                JsonNode operation = operations.get(method);
                if (!operation.path("security").isEmpty()
                        && operation
                                .at("/responses/401/description")
                                .asString("")
                                .isBlank()) {
                    silent.add(method.toUpperCase() + " " + path);
                }
            }
        }
        assertThat(silent).isEmpty();
    }

    @Test
    void the_one_server_is_this_atrium_wherever_it_is_reached() {
        MvcTestResult schema = mvc.get().uri("/api/schema").exchange();
        assertThat(schema).bodyJson().extractingPath("$.servers[0].description").isEqualTo("This Atrium");
        assertThat(schema).bodyJson().extractingPath("$.servers[0].url").isEqualTo("/");
        assertThat(schema).bodyJson().extractingPath("$.servers.length()").isEqualTo(1);
    }

    @Test
    void the_document_speaks_of_what_things_are_not_of_numbered_assignments() throws Exception {
        String document = mvc.get().uri("/api/schema").exchange().getResponse().getContentAsString();
        assertThat(document).doesNotContainPattern("(?i)seed ?0\\d\\d");
    }

    @Test
    void both_product_lists_document_their_etag_and_the_304_they_answer_to_if_none_match() {
        JsonNode document = document();
        for (String path : new String[] {"/paths/~1api~1products/get", "/paths/~1api~1shops~1{id}~1products/get"}) {
            JsonNode responses = document.at(path + "/responses");
            assertThat(responses.at("/200/headers/ETag").isMissingNode())
                    .as(path)
                    .isFalse();
            assertThat(responses.at("/304/headers/ETag").isMissingNode())
                    .as(path)
                    .isFalse();
            assertThat(responses.at("/404").isMissingNode()).as(path).isFalse();
        }
    }

    private JsonNode document() {
        try {
            return json.readTree(
                    mvc.get().uri("/api/schema").exchange().getResponse().getContentAsString());
        } catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The body Swagger UI fills in for a media type: its example, or one built from the schema's examples. */
    private static JsonNode exampleOf(JsonNode document, JsonNode media) {
        if (media.has("example")) {
            return media.get("example");
        }
        if (media.has("examples")) {
            return media.get("examples").values().iterator().next().get("value");
        }
        return sample(document, media.get("schema"));
    }

    private static JsonNode sample(JsonNode document, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return sample(document, document.at("/components/schemas/" + name));
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("examples") && !schema.get("examples").isEmpty()) {
            return schema.get("examples").get(0);
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asString("object");
        for (JsonNode oneOf : schema.path("type")) {
            if (!oneOf.asString().equals("null")) {
                type = oneOf.asString();
                break;
            }
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (type) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                for (var property : schema.path("properties").properties()) {
                    object.set(property.getKey(), sample(document, property.getValue()));
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                array.add(sample(document, schema.get("items")));
                yield array;
            }
            case "integer", "number" -> nodes.numberNode(0);
            case "boolean" -> nodes.booleanNode(true);
            default ->
                nodes.textNode(schema.has("format") ? schema.get("format").asString() : "string");
        };
    }
}
