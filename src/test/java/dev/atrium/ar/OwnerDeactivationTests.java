package dev.atrium.ar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Deactivating a user revokes the app tokens of their projects at once. */
@AtriumTest
class OwnerDeactivationTests {

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_deactivated_owners_app_tokens_stop_working() throws Exception {
        SignedInUser owner = accounts.signedInUser();
        JsonNode project = body(api.as(owner)
                .post("/api/project", "{\"name\":\"Deactivation " + owner.id() + "\"}")
                .getResponse()
                .getContentAsString());
        long projectId = project.get("id").asLong();
        String token = body(api.as(owner)
                        .post("/api/project/" + projectId + "/jwt", "{}")
                        .getResponse()
                        .getContentAsString())
                .get("token")
                .asString();
        String targets = "/api/project/" + projectId + "/imagetarget";
        assertThat(api.as(token).get(targets)).hasStatusOk();

        SignedInUser admin = accounts.signedInAdmin();
        assertThat(api.as(admin).delete("/api/users/" + owner.id())).hasStatus(HttpStatus.NO_CONTENT);

        assertThat(api.as(token).get(targets)).hasStatus(HttpStatus.UNAUTHORIZED);

        // Nor can an administrator give the deactivated owner's project a new one.
        assertThat(api.as(admin).post("/api/project/" + projectId + "/jwt", "{}"))
                .hasStatus(HttpStatus.CONFLICT);
    }

    private JsonNode body(String content) {
        return json.readTree(content);
    }
}
