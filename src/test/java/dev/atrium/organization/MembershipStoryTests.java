package dev.atrium.organization;

import static dev.atrium.TestAccounts.freshAddress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole of seed 004 through the API, as a new user lives it: register, sign in by email and password, edit the
 * profile, join two organizations, upload an avatar; the user list and the organization list then show the links both
 * ways.
 */
@AtriumTest
class MembershipStoryTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_new_user_registers_edits_the_profile_joins_two_organizations_and_uploads_an_avatar() throws Exception {
        SignedInUser founder = accounts.signedInUser();
        long north = body(api.as(founder).post("/api/organizations", "{\"name\":\"North " + tag() + "\"}"))
                .get("id")
                .asLong();
        long south = body(api.as(founder).post("/api/organizations", "{\"name\":\"South " + tag() + "\"}"))
                .get("id")
                .asLong();

        String email = "newcomer-" + UUID.randomUUID() + "@example.com";
        MvcTestResult registered = mvc.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\",\"password\":\"newcomer passphrase\"}")
                .exchange();
        assertThat(registered).hasStatus(HttpStatus.CREATED);
        long id = body(registered).get("id").asLong();

        MvcTestResult signedIn = mvc.post()
                .uri("/api/auth")
                .with(freshAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\",\"password\":\"newcomer passphrase\"}")
                .exchange();
        assertThat(signedIn).hasStatusOk();
        String token = body(signedIn).get("access").asString();

        MvcTestResult edited = api.as(token)
                .patch(
                        "/api/users/me",
                        "{\"first_name\":\"Nia\",\"last_name\":\"Newcomer\",\"phone\":\"+1 555 0199\","
                                + "\"organizations\":[" + north + "," + south + "]}");
        assertThat(edited).hasStatusOk();
        assertThat(edited)
                .bodyJson()
                .extractingPath("$.organizations")
                .asArray()
                .hasSize(2);

        BufferedImage photo = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpeg", jpeg);
        MvcTestResult uploaded = mvc.put()
                .uri("/api/users/me/avatar")
                .with(api.as(token))
                .multipart()
                .file(new MockMultipartFile("avatar", "Nia's portrait.jpeg", "image/jpeg", jpeg.toByteArray()))
                .exchange();
        assertThat(uploaded).hasStatusOk();
        String avatar = body(uploaded).get("avatar").asString();
        assertThat(avatar.substring(avatar.lastIndexOf('/') + 1)).matches("[a-zA-Z0-9]{16}\\.jpg");
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(
                mvc.get().uri(avatar).exchange().getResponse().getContentAsByteArray()));
        assertThat(stored.getWidth()).isLessThanOrEqualTo(200);
        assertThat(stored.getHeight()).isLessThanOrEqualTo(200);

        MvcTestResult users = api.as(token).get("/api/users?limit=1000");
        assertThat(users)
                .bodyJson()
                .extractingPath("$.results[?(@.id == " + id + ")].organizations[*].id")
                .asArray()
                .containsExactlyInAnyOrder((int) north, (int) south);
        assertThat(users)
                .bodyJson()
                .extractingPath("$.results[?(@.id == " + id + ")].avatar")
                .asArray()
                .containsExactly(avatar);

        MvcTestResult organizations = api.as(token).get("/api/organizations?limit=1000");
        for (long organization : new long[] {north, south}) {
            assertThat(organizations)
                    .bodyJson()
                    .extractingPath("$.results[?(@.id == " + organization + ")].members[*].email")
                    .asArray()
                    .containsExactly(email);
        }
        assertThat(organizations)
                .bodyJson()
                .extractingPath("$.results[?(@.id == " + north + ")].members[0].first_name")
                .asArray()
                .containsExactly("Nia");
    }

    private JsonNode body(MvcTestResult result) {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
