package dev.atrium.ar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Deactivating a user revokes the app tokens of their projects at once. */
@AtriumTest
class OwnerDeactivationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_deactivated_owners_app_tokens_stop_working() throws Exception {
        SignedInUser owner = accounts.signedInUser();
        JsonNode project = body(mvc.post()
                .uri("/api/project")
                .header("Authorization", owner.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Deactivation " + owner.id() + "\"}")
                .exchange()
                .getResponse()
                .getContentAsString());
        long projectId = project.get("id").asLong();
        String token = body(mvc.post()
                        .uri("/api/project/" + projectId + "/jwt")
                        .header("Authorization", owner.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .exchange()
                        .getResponse()
                        .getContentAsString())
                .get("token")
                .asString();
        String targets = "/api/project/" + projectId + "/imagetarget";
        assertThat(mvc.get()
                        .uri(targets)
                        .header("Authorization", "Bearer " + token)
                        .exchange())
                .hasStatusOk();

        SignedInUser admin = accounts.signedInAdmin();
        assertThat(mvc.delete()
                        .uri("/api/users/" + owner.id())
                        .header("Authorization", admin.bearer())
                        .exchange())
                .hasStatus(HttpStatus.NO_CONTENT);

        assertThat(mvc.get()
                        .uri(targets)
                        .header("Authorization", "Bearer " + token)
                        .exchange())
                .hasStatus(HttpStatus.UNAUTHORIZED);

        // Nor can an administrator give the deactivated owner's project a new one.
        assertThat(mvc.post()
                        .uri("/api/project/" + projectId + "/jwt")
                        .header("Authorization", admin.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .exchange())
                .hasStatus(HttpStatus.CONFLICT);
    }

    private JsonNode body(String content) {
        return json.readTree(content);
    }
}
