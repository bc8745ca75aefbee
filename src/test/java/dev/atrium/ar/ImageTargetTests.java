package dev.atrium.ar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Seed 003's image targets: CRUD for the owner and the project's app tokens, and every check of the image. */
@AtriumTest
class ImageTargetTests {

    static final int MAX_BYTES = 2_359_296;

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
    void a_target_is_created_with_the_facts_of_its_jpeg() throws Exception {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        byte[] jpeg = TestImages.jpeg(640, 480);

        MvcTestResult created = ar.createTarget(alice.access(), project, TestImages.base64(jpeg), "Poster");
        assertThat(created).hasStatus(HttpStatus.CREATED);
        JsonNode target = ar.body(created);
        assertThat(target.propertyNames())
                .containsExactlyInAnyOrder(
                        "id",
                        "name",
                        "description",
                        "width",
                        "height",
                        "active",
                        "image_width",
                        "image_height",
                        "size_bytes",
                        "sha256",
                        "image_url",
                        "tracking_rating",
                        "tracking",
                        "duplicates",
                        "created_at",
                        "updated_at");
        long id = target.get("id").asLong();
        assertThat(target.get("description").asString()).isEqualTo("Poster");
        assertThat(target.get("width").asInt()).isEqualTo(640);
        assertThat(target.get("height").asInt()).isEqualTo(480);
        assertThat(target.get("size_bytes").asLong()).isEqualTo(jpeg.length);
        assertThat(target.get("sha256").asString()).isEqualTo(sha256(jpeg));
        assertThat(target.get("image_url").asString())
                .isEqualTo("http://localhost/api/project/" + project + "/imagetarget/" + id + "/image");
        assertThat(created.getResponse().getHeader("Location"))
                .isEqualTo("/api/project/" + project + "/imagetarget/" + id);

        MvcTestResult one = ar.get(alice.access(), "/api/project/{p}/imagetarget/{t}", project, id);
        assertThat(one).hasStatusOk();
        assertThat(Base64.getDecoder().decode(ar.body(one).get("image").asString()))
                .isEqualTo(jpeg);

        MvcTestResult list = ar.get(alice.access(), "/api/project/{p}/imagetarget", project);
        assertThat(list).hasStatusOk();
        JsonNode page = ar.body(list);
        assertThat(page.get("count").asLong()).isEqualTo(1);
        // A list shows each target as it was answered when it was added, but for the duplicates found then.
        ObjectNode listed = (ObjectNode) target.deepCopy();
        listed.remove("duplicates");
        assertThat(page.get("results").get(0)).isEqualTo(listed);
    }

    @Test
    void the_jpeg_is_served_with_an_etag_and_revalidated_without_a_body() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        byte[] jpeg = TestImages.jpeg(200, 100);
        JsonNode target = ar.body(ar.createTarget(alice.access(), project, TestImages.base64(jpeg), null));

        MvcTestResult image = ar.get(
                alice.access(),
                "/api/project/{p}/imagetarget/{t}/image",
                project,
                target.get("id").asLong());
        assertThat(image).hasStatusOk().hasContentType(MediaType.IMAGE_JPEG);
        assertThat(image.getResponse().getContentAsByteArray()).isEqualTo(jpeg);
        String etag = image.getResponse().getHeader("ETag");
        assertThat(etag).isEqualTo("\"" + target.get("sha256").asString() + "\"");

        MvcTestResult again = api.as(alice)
                .header("If-None-Match", etag)
                .get(
                        "/api/project/{p}/imagetarget/{t}/image",
                        project,
                        target.get("id").asLong());
        assertThat(again).hasStatus(HttpStatus.NOT_MODIFIED);
        assertThat(again.getResponse().getContentAsByteArray()).isEmpty();
    }

    @Test
    void a_data_url_wrapped_lines_and_the_url_safe_alphabet_are_accepted() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        byte[] jpeg = TestImages.jpeg(300, 200);
        String[] encodings = {
            "data:image/jpeg;base64," + TestImages.base64(jpeg),
            Base64.getMimeEncoder().encodeToString(jpeg),
            Base64.getUrlEncoder().withoutPadding().encodeToString(jpeg),
        };
        for (String encoded : encodings) {
            MvcTestResult created = ar.createTarget(alice.access(), project, encoded, null);
            assertThat(created).hasStatus(HttpStatus.CREATED);
            assertThat(ar.body(created).get("sha256").asString()).isEqualTo(sha256(jpeg));
            assertThat(ar.body(created).get("description").asString()).isEmpty();
        }
    }

    @Test
    void progressive_and_greyscale_jpegs_and_the_largest_ones_allowed_are_accepted() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        assertThat(ar.createTarget(
                        alice.access(), project, TestImages.base64(TestImages.progressiveJpeg(320, 240)), "p"))
                .hasStatus(HttpStatus.CREATED);
        assertThat(ar.createTarget(alice.access(), project, TestImages.base64(TestImages.greyJpeg(320, 240)), "g"))
                .hasStatus(HttpStatus.CREATED);
        MvcTestResult largest =
                ar.createTarget(alice.access(), project, TestImages.base64(TestImages.jpeg(4096, 4096)), "4096");
        assertThat(largest).hasStatus(HttpStatus.CREATED);
        assertThat(ar.body(largest).get("width").asInt()).isEqualTo(4096);
        MvcTestResult heaviest = ar.createTarget(
                alice.access(), project, TestImages.base64(TestImages.paddedJpeg(MAX_BYTES)), "2.25 MB");
        assertThat(heaviest).hasStatus(HttpStatus.CREATED);
        assertThat(ar.body(heaviest).get("size_bytes").asLong()).isEqualTo(MAX_BYTES);
    }

    @Test
    void every_bad_image_is_refused_with_its_own_status_and_nothing_is_stored() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        long blobsBefore = blobs();

        refused(alice, project, "", HttpStatus.BAD_REQUEST, "image-not-base64");
        refused(alice, project, "not base64 at all!", HttpStatus.BAD_REQUEST, "image-not-base64");
        refused(alice, project, "/9j/4AAQSkZJRg=", HttpStatus.BAD_REQUEST, "image-not-base64");
        refused(
                alice,
                project,
                "data:image/jpeg," + TestImages.base64(TestImages.jpeg(8, 8)),
                HttpStatus.BAD_REQUEST,
                "image-not-base64");
        refused(
                alice,
                project,
                "data:image/jpeg;base64," + TestImages.base64(TestImages.gif(64, 64)),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "image-not-jpeg");
        refused(
                alice,
                project,
                TestImages.base64("<svg></svg>".getBytes()),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "image-not-jpeg");
        refused(
                alice,
                project,
                TestImages.base64(TestImages.losslessJpeg()),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "image-not-jpeg");
        refused(
                alice,
                project,
                TestImages.base64(TestImages.fourComponentJpeg(64, 64)),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "image-not-jpeg");
        refused(alice, project, TestImages.base64(TestImages.truncatedJpeg()), HttpStatus.BAD_REQUEST, "image-damaged");
        refused(
                alice,
                project,
                TestImages.base64(TestImages.jpeg(4097, 16)),
                HttpStatus.BAD_REQUEST,
                "image-too-many-pixels");
        refused(
                alice,
                project,
                TestImages.base64(TestImages.jpeg(16, 4097)),
                HttpStatus.BAD_REQUEST,
                "image-too-many-pixels");
        refused(
                alice,
                project,
                TestImages.base64(TestImages.paddedJpeg(MAX_BYTES + 1)),
                HttpStatus.CONTENT_TOO_LARGE,
                "image-too-large");

        assertThat(blobs()).isEqualTo(blobsBefore);
        assertThat(ar.body(ar.get(alice.access(), "/api/project/{p}/imagetarget", project))
                        .get("count")
                        .asLong())
                .isZero();
    }

    @Test
    void a_missing_image_or_an_overlong_description_is_a_field_error() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        MvcTestResult missing = ar.send(
                mvc.post().uri("/api/project/{p}/imagetarget", project),
                alice.access(),
                ar.object().put("description", "no image"));
        assertThat(missing).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(missing).bodyJson().extractingPath("$.errors[0].field").isEqualTo("image");
        MvcTestResult longDescription =
                ar.createTarget(alice.access(), project, TestImages.base64(TestImages.jpeg(8, 8)), "x".repeat(2001));
        assertThat(longDescription).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(longDescription)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("description");
        assertThat(ar.createTarget(alice.access(), project, TestImages.base64(TestImages.jpeg(8, 8)), "nul\u0000"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void a_jpeg_with_a_damaged_header_is_refused_and_nothing_is_stored() throws Exception {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        for (String name : new String[] {"damaged-scan-header.jpg", "damaged-huffman-table.jpg"}) {
            byte[] bytes;
            try (var in = getClass().getResourceAsStream("/images/" + name)) {
                bytes = in.readAllBytes();
            }
            MvcTestResult refused = ar.createTarget(alice.access(), project, TestImages.base64(bytes), name);
            assertThat(refused).as(name).hasStatus4xxClientError();
            assertThat(refused).as(name).hasContentType("application/problem+json");
        }
        assertThat(ar.body(ar.get(alice.access(), "/api/project/{p}/imagetarget", project))
                        .get("count")
                        .asLong())
                .isZero();
    }

    @Test
    void a_body_over_its_limit_is_refused_before_it_is_read() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        MvcTestResult result = api.as(alice)
                .post("/api/project/" + project + "/imagetarget", "{\"image\":\"" + "A".repeat(5_300_000) + "\"}");
        assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(result).bodyJson().extractingPath("$.type").asString().endsWith("/body-too-large");
    }

    @Test
    void a_target_is_replaced_changed_and_deleted_softly() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        JsonNode original = ar.body(
                ar.createTarget(alice.access(), project, TestImages.base64(TestImages.jpeg(100, 100)), "first"));
        long id = original.get("id").asLong();
        String originalKey = imageKey(id);

        byte[] replacement = TestImages.progressiveJpeg(150, 90);
        MvcTestResult put = ar.send(
                mvc.put().uri("/api/project/{p}/imagetarget/{t}", project, id),
                alice.access(),
                ar.object().put("image", TestImages.base64(replacement)));
        assertThat(put).hasStatusOk();
        JsonNode replaced = ar.body(put);
        assertThat(replaced.get("description").asString()).isEmpty();
        assertThat(replaced.get("width").asInt()).isEqualTo(150);
        assertThat(replaced.get("sha256").asString()).isEqualTo(sha256(replacement));
        assertThat(replaced.get("created_at")).isEqualTo(original.get("created_at"));
        assertThat(jdbc.sql("SELECT count(*) FROM blobs WHERE key = ?")
                        .param(originalKey)
                        .query(Long.class)
                        .single())
                .isZero();

        MvcTestResult patch = ar.send(
                mvc.patch().uri("/api/project/{p}/imagetarget/{t}", project, id),
                alice.access(),
                ar.object().put("description", "second"));
        assertThat(patch).hasStatusOk();
        assertThat(ar.body(patch).get("description").asString()).isEqualTo("second");
        assertThat(ar.body(patch).get("sha256").asString()).isEqualTo(sha256(replacement));

        MvcTestResult badPatch = ar.send(
                mvc.patch().uri("/api/project/{p}/imagetarget/{t}", project, id),
                alice.access(),
                ar.object()
                        .put("image", TestImages.base64(TestImages.gif(10, 10)))
                        .put("description", "third"));
        assertThat(badPatch).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(ar.body(ar.get(alice.access(), "/api/project/{p}/imagetarget/{t}", project, id))
                        .get("description")
                        .asString())
                .isEqualTo("second");

        assertThat(ar.delete(alice.access(), "/api/project/{p}/imagetarget/{t}", project, id))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(ar.get(alice.access(), "/api/project/{p}/imagetarget/{t}", project, id))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ar.get(alice.access(), "/api/project/{p}/imagetarget/{t}/image", project, id))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ar.send(
                        mvc.patch().uri("/api/project/{p}/imagetarget/{t}", project, id),
                        alice.access(),
                        ar.object().put("description", "again")))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ar.delete(alice.access(), "/api/project/{p}/imagetarget/{t}", project, id))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ar.body(ar.get(alice.access(), "/api/project/{p}/imagetarget", project))
                        .get("count")
                        .asLong())
                .isZero();
        assertThat(jdbc.sql("SELECT deleted_at IS NOT NULL FROM image_targets WHERE id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void the_owner_an_administrator_and_the_projects_app_tokens_are_let_in_and_nobody_else() {
        SignedInUser alice = accounts.signedInUser();
        SignedInUser bob = accounts.signedInUser();
        SignedInUser admin = accounts.signedInAdmin();
        long project = ar.project(alice.access());
        long target = ar.target(alice.access(), project);
        String app = ar.appToken(alice.access(), project);
        String jpeg = TestImages.base64(TestImages.jpeg(32, 32));

        assertThat(mvc.get().uri("/api/project/{p}/imagetarget", project).exchange())
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(ar.createTarget(null, project, jpeg, "anonymous")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(ar.get("not-a-jwt", "/api/project/{p}/imagetarget", project)).hasStatus(HttpStatus.UNAUTHORIZED);

        assertThat(ar.get(bob.access(), "/api/project/{p}/imagetarget", project))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ar.get(bob.access(), "/api/project/{p}/imagetarget/{t}/image", project, target))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ar.createTarget(bob.access(), project, jpeg, "bob's")).hasStatus(HttpStatus.NOT_FOUND);

        assertThat(ar.get(admin.access(), "/api/project/{p}/imagetarget/{t}", project, target))
                .hasStatusOk();

        MvcTestResult byApp = ar.createTarget(app, project, jpeg, "from the app");
        assertThat(byApp).hasStatus(HttpStatus.CREATED);
        long appTarget = ar.body(byApp).get("id").asLong();
        assertThat(ar.get(app, "/api/project/{p}/imagetarget", project))
                .bodyJson()
                .extractingPath("$.count")
                .isEqualTo(2);
        assertThat(ar.get(app, "/api/project/{p}/imagetarget/{t}/image", project, appTarget))
                .hasStatusOk();
        assertThat(ar.send(
                        mvc.patch().uri("/api/project/{p}/imagetarget/{t}", project, appTarget),
                        app,
                        ar.object().put("description", "renamed by the app")))
                .hasStatusOk();
        assertThat(ar.delete(app, "/api/project/{p}/imagetarget/{t}", project, appTarget))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(ar.get(app, "/api/project/{p}/imagetarget/{t}", project, target + 1_000_000))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ar.get(app, "/api/project/{p}/imagetarget/{t}", project + 1_000_000, target))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    private void refused(SignedInUser user, long project, String image, HttpStatus status, String type) {
        MvcTestResult result = ar.createTarget(user.access(), project, image, "refused");
        assertThat(result).as(type + " " + abbreviated(image)).hasStatus(status);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").asString().endsWith("/" + type);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("image");
    }

    private long blobs() {
        return jdbc.sql("SELECT count(*) FROM blobs").query(Long.class).single();
    }

    private String imageKey(long target) {
        return jdbc.sql("SELECT image_key FROM image_targets WHERE id = ?")
                .param(target)
                .query(String.class)
                .single();
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static String sha256(byte[] bytes) throws RuntimeException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
