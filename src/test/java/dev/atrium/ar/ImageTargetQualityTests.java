package dev.atrium.ar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import dev.atrium.ar.internal.TargetImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Atrium tells of each target through the API: its tracking rating with reasons, and the project's targets that
 * show the same picture, on real photos.
 */
@AtriumTest
class ImageTargetQualityTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    ArCalls ar;

    @Autowired
    void calls(MockMvcTester mvc) {
        this.ar = new ArCalls(api);
    }

    @Test
    void every_target_answer_carries_its_rating_and_reasons() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());

        JsonNode photo = ar.body(create(alice, project, photo("forest-stream.jpg"), "forest"));
        assertThat(photo.get("tracking_rating").asInt()).isBetween(3, 5);
        for (String part : List.of("features", "coverage", "contrast", "ambiguity")) {
            assertThat(photo.get("tracking").get(part).get("reason").asString())
                    .as(part)
                    .isNotBlank();
            assertThat(photo.get("tracking").get(part).has("value")).as(part).isTrue();
        }
        JsonNode flat =
                ar.body(create(alice, project, jpeg(TargetImages.flat(new Color(120, 140, 160)), 0.9f), "flat"));
        assertThat(flat.get("tracking_rating").asInt()).isLessThanOrEqualTo(1);

        long id = photo.get("id").asLong();
        assertThat(ar.body(ar.get(alice.access(), "/api/project/{p}/imagetarget/{t}", project, id))
                        .get("tracking_rating")
                        .asInt())
                .isEqualTo(photo.get("tracking_rating").asInt());
        JsonNode list = ar.body(ar.get(alice.access(), "/api/project/{p}/imagetarget", project));
        assertThat(list.get("results").get(0).get("tracking_rating").asInt())
                .isEqualTo(photo.get("tracking_rating").asInt());

        JsonNode summary = ar.body(ar.get(alice.access(), "/api/project/{p}/imagetarget/summary", project));
        assertThat(summary.get("targets").asLong()).isEqualTo(2);
        assertThat(summary.get("active").asLong()).isEqualTo(2);
        assertThat(summary.get("unrated").asLong()).isZero();
        assertThat(summary.get("by_rating")
                        .get(photo.get("tracking_rating").asString())
                        .asLong())
                .isPositive();
    }

    @Test
    void a_copy_of_a_live_target_is_added_but_named_as_its_duplicate() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        long original = ar.body(create(alice, project, photo("mountain-path.jpg"), "original"))
                .get("id")
                .asLong();
        long other = ar.body(create(alice, project, photo("marigold.jpg"), "other"))
                .get("id")
                .asLong();

        BufferedImage image = TargetImages.photo("mountain-path.jpg");
        MvcTestResult copy = create(alice, project, jpeg(TargetImages.scaled(image, 0.5), 0.85f), "half-size copy");
        assertThat(copy).hasStatus(HttpStatus.CREATED);
        JsonNode duplicates = ar.body(copy).get("duplicates");
        assertThat(ids(duplicates)).containsExactly(original);
        assertThat(duplicates.get(0).get("similarity").asDouble()).isBetween(0.3, 1.0);
        long copyId = ar.body(copy).get("id").asLong();

        // Both ways, through the duplicates endpoint; the other photo has none.
        assertThat(ids(ar.body(
                        ar.get(alice.access(), "/api/project/{p}/imagetarget/{t}/duplicates", project, original))))
                .containsExactly(copyId);
        assertThat(ids(ar.body(ar.get(alice.access(), "/api/project/{p}/imagetarget/{t}/duplicates", project, other))))
                .isEmpty();

        // Checked before adding: a relit copy is found, a different photo finds nothing.
        assertThat(ids(similar(alice, project, jpeg(TargetImages.brightness(image, 1.3), 0.8f))))
                .containsExactlyInAnyOrder(original, copyId);
        assertThat(ids(similar(alice, project, photo("orange-flower.jpg")))).isEmpty();

        // An inactive target and a deleted one are no one's duplicate.
        assertThat(ar.send(
                        mvc.patch().uri("/api/project/{p}/imagetarget/{t}", project, copyId),
                        alice.access(),
                        ar.object().put("active", false)))
                .hasStatusOk();
        assertThat(ids(ar.body(
                        ar.get(alice.access(), "/api/project/{p}/imagetarget/{t}/duplicates", project, original))))
                .isEmpty();
        assertThat(ar.delete(alice.access(), "/api/project/{p}/imagetarget/{t}", project, original))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(ids(similar(alice, project, jpeg(TargetImages.brightness(image, 1.3), 0.8f))))
                .isEmpty();
    }

    @Test
    void similar_checks_the_image_like_an_upload_and_keeps_nothing() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        MvcTestResult bad = ar.send(
                mvc.post().uri("/api/project/{p}/imagetarget/similar", project),
                alice.access(),
                ar.object().put("image", "not base64!"));
        assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(bad.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(ar.send(
                        mvc.post().uri("/api/project/{p}/imagetarget/similar", project),
                        alice.access(),
                        ar.object().put("image", photo("marigold.jpg"))))
                .hasStatusOk();
        assertThat(ar.body(ar.get(alice.access(), "/api/project/{p}/imagetarget", project))
                        .get("count")
                        .asLong())
                .isZero();
    }

    private MvcTestResult create(SignedInUser user, long project, String image, String description) {
        ObjectNode body = ar.object().put("image", image).put("description", description);
        return ar.send(mvc.post().uri("/api/project/{p}/imagetarget", project), user.access(), body);
    }

    private JsonNode similar(SignedInUser user, long project, String image) {
        MvcTestResult result = ar.send(
                mvc.post().uri("/api/project/{p}/imagetarget/similar", project),
                user.access(),
                ar.object().put("image", image));
        assertThat(result).hasStatusOk();
        return ar.body(result);
    }

    private static List<Long> ids(JsonNode duplicates) {
        List<Long> ids = new ArrayList<>();
        duplicates.forEach(duplicate -> ids.add(duplicate.get("id").asLong()));
        return ids;
    }

    private static String photo(String name) {
        return TargetImages.photoBase64(name);
    }

    private static String jpeg(BufferedImage image, float quality) {
        return Base64.getEncoder().encodeToString(TargetImages.jpeg(image, quality));
    }
}
