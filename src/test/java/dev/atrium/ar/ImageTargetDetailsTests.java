package dev.atrium.ar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The fields AR tools keep with a target besides its image: name, width in the scene, state, metadata; and PNGs. */
@AtriumTest
class ImageTargetDetailsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    ArCalls ar;

    @Autowired
    void calls(MockMvcTester mvc) {
        this.ar = new ArCalls(api);
    }

    @Test
    void name_width_state_and_metadata_are_kept_and_answered() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        byte[] metadata = "{\"video\":\"intro.mp4\"}".getBytes();

        MvcTestResult created = create(
                alice,
                project,
                target(800, 600)
                        .put("name", "  Hall poster ")
                        .put("width", 0.5)
                        .put("active", false)
                        .put("application_metadata", Base64.getEncoder().encodeToString(metadata)));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        JsonNode target = ar.body(created);
        assertThat(target.get("name").asString()).isEqualTo("Hall poster");
        assertThat(target.get("width").asDouble()).isEqualTo(0.5);
        assertThat(target.get("height").asDouble()).isEqualTo(0.375);
        assertThat(target.get("active").asBoolean()).isFalse();
        assertThat(target.get("image_width").asInt()).isEqualTo(800);
        assertThat(target.get("image_height").asInt()).isEqualTo(600);
        assertThat(target.has("application_metadata")).isFalse();
        long id = target.get("id").asLong();

        JsonNode one = ar.body(ar.get(alice.access(), "/api/project/{p}/imagetarget/{t}", project, id));
        assertThat(Base64.getDecoder().decode(one.get("application_metadata").asString()))
                .isEqualTo(metadata);
        assertThat(one.get("name").asString()).isEqualTo("Hall poster");
        assertThat(one.get("width").asDouble()).isEqualTo(0.5);

        // A change keeps what it does not name; an empty name and empty metadata remove them.
        MvcTestResult patched = ar.send(
                mvc.patch().uri("/api/project/{p}/imagetarget/{t}", project, id),
                alice.access(),
                ar.object().put("active", true).put("name", "").put("application_metadata", ""));
        assertThat(patched).hasStatusOk();
        assertThat(ar.body(patched).get("active").asBoolean()).isTrue();
        assertThat(ar.body(patched).get("name").isNull()).isTrue();
        assertThat(ar.body(patched).get("width").asDouble()).isEqualTo(0.5);
        JsonNode after = ar.body(ar.get(alice.access(), "/api/project/{p}/imagetarget/{t}", project, id));
        assertThat(after.get("application_metadata").isNull()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM image_target_metadata WHERE target_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();

        // A whole replacement takes the defaults for what it leaves out: as wide as the new image, active, no name.
        MvcTestResult replaced = ar.send(
                mvc.put().uri("/api/project/{p}/imagetarget/{t}", project, id), alice.access(), target(300, 200));
        assertThat(replaced).hasStatusOk();
        assertThat(ar.body(replaced).get("width").asDouble()).isEqualTo(300);
        assertThat(ar.body(replaced).get("height").asDouble()).isEqualTo(200);
    }

    @Test
    void a_target_without_a_width_is_as_wide_as_its_image() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        JsonNode target = ar.body(create(alice, project, target(640, 480)));
        assertThat(target.get("width").asDouble()).isEqualTo(640);
        assertThat(target.get("height").asDouble()).isEqualTo(480);
        assertThat(target.get("active").asBoolean()).isTrue();
        assertThat(target.get("name").isNull()).isTrue();
    }

    @Test
    void names_are_unique_among_a_projects_live_targets_whatever_their_case() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        long other = ar.project(alice.access());
        long first = ar.body(create(alice, project, target(64, 64).put("name", "Poster")))
                .get("id")
                .asLong();

        MvcTestResult taken = create(alice, project, target(64, 64).put("name", "poster"));
        assertThat(taken).hasStatus(HttpStatus.CONFLICT);
        assertThat(ar.body(taken).get("type").asString()).endsWith("image-target-name-taken");
        assertThat(jdbc.sql("SELECT count(*) FROM image_targets WHERE project_id = ?")
                        .param(project)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // Another project may use it, and a deleted target frees it.
        assertThat(create(alice, other, target(64, 64).put("name", "Poster"))).hasStatus(HttpStatus.CREATED);
        assertThat(ar.delete(alice.access(), "/api/project/{p}/imagetarget/{t}", project, first))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(create(alice, project, target(64, 64).put("name", "POSTER"))).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void bad_details_are_refused_before_the_image_is_stored() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        refused(alice, project, target(64, 64).put("width", 0), "width");
        refused(alice, project, target(64, 64).put("width", -1.5), "width");
        refused(alice, project, target(64, 64).put("width", 2e6), "width");
        refused(alice, project, target(64, 64).put("name", "x".repeat(65)), "name");
        refused(alice, project, target(64, 64).put("name", "tab\there"), "name");
        refused(alice, project, target(64, 64).put("application_metadata", "not base64!"), "application_metadata");
        byte[] tooMuch = new byte[1_048_577];
        refused(
                alice,
                project,
                target(64, 64).put("application_metadata", Base64.getEncoder().encodeToString(tooMuch)),
                "application_metadata");
        assertThat(jdbc.sql("SELECT count(*) FROM image_targets WHERE project_id = ?")
                        .param(project)
                        .query(Long.class)
                        .single())
                .isZero();

        // Exactly 1 MB is accepted.
        byte[] mb = new byte[1_048_576];
        assertThat(create(
                        alice,
                        project,
                        target(64, 64)
                                .put("application_metadata", Base64.getEncoder().encodeToString(mb))))
                .hasStatus(HttpStatus.CREATED);
    }

    @Test
    void a_png_is_accepted_and_stored_as_a_jpeg() throws Exception {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        MvcTestResult created =
                create(alice, project, ar.object().put("image", TestImages.base64(TestImages.png(320, 240))));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        long id = ar.body(created).get("id").asLong();
        assertThat(ar.body(created).get("image_width").asInt()).isEqualTo(320);

        MvcTestResult image = ar.get(alice.access(), "/api/project/{p}/imagetarget/{t}/image", project, id);
        assertThat(image).hasStatusOk().hasContentType("image/jpeg");
        byte[] stored = image.getResponse().getContentAsByteArray();
        assertThat(stored[0] & 0xFF).isEqualTo(0xFF);
        assertThat(stored[1] & 0xFF).isEqualTo(0xD8);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(decoded.getWidth()).isEqualTo(320);
        assertThat(decoded.getHeight()).isEqualTo(240);
    }

    private ObjectNode target(int width, int height) {
        return ar.object().put("image", TestImages.base64(TestImages.jpeg(width, height)));
    }

    private MvcTestResult create(SignedInUser user, long project, ObjectNode body) {
        return ar.send(mvc.post().uri("/api/project/{p}/imagetarget", project), user.access(), body);
    }

    private void refused(SignedInUser user, long project, ObjectNode body, String field) {
        MvcTestResult result = create(user, project, body);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(ar.body(result).get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
