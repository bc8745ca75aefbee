package dev.atrium.ar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import dev.atrium.ar.internal.CameraFrames;
import dev.atrium.ar.internal.ImagePoint;
import dev.atrium.ar.internal.TargetImages;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** Cloud recognition as an AR app uses it: a camera frame in, the target it shows and where out. */
@AtriumTest
class RecognitionApiTests {

    /** 5 % of a 640-pixel frame. */
    static final double CORNER_TOLERANCE = 32;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    MeterRegistry meters;

    ArCalls ar;

    @Autowired
    void calls(MockMvcTester mvc) {
        this.ar = new ArCalls(api);
    }

    @Test
    void a_frame_of_an_enrolled_photo_is_recognised_with_its_corners_as_a_file_and_as_base64() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        String app = ar.appToken(alice.access(), project);
        long path = target(alice, project, "mountain-path.jpg", "aGVsbG8=");
        target(alice, project, "marigold.jpg", null);
        CameraFrames.Frame frame = frameOf("mountain-path.jpg", 7);
        byte[] jpeg = TargetImages.jpeg(frame.image(), 0.85f);

        for (MvcTestResult result : List.of(
                multipart(app, project, jpeg, null),
                base64(app, project, Base64.getEncoder().encodeToString(jpeg)),
                base64(
                        alice.access(),
                        project,
                        "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg)))) {
            assertThat(result).hasStatusOk();
            JsonNode body = ar.body(result);
            assertThat(body.get("matched").asBoolean()).isTrue();
            assertThat(body.get("target").get("id").asLong()).isEqualTo(path);
            assertThat(body.get("target").get("application_metadata").asString())
                    .isEqualTo("aGVsbG8=");
            assertThat(body.get("score").asDouble()).isPositive();
            assertThat(body.get("inliers").asInt()).isPositive();
            assertThat(body.get("frame").get("width").asInt()).isEqualTo(CameraFrames.WIDTH);
            assertThat(body.get("frame").get("height").asInt()).isEqualTo(CameraFrames.HEIGHT);
            JsonNode corners = body.get("corners");
            assertThat(corners).hasSize(4);
            for (int i = 0; i < 4; i++) {
                ImagePoint expected = frame.corners().get(i);
                assertThat(corners.get(i).get("x").asDouble()).isCloseTo(expected.x(), within(CORNER_TOLERANCE));
                assertThat(corners.get(i).get("y").asDouble()).isCloseTo(expected.y(), within(CORNER_TOLERANCE));
            }
            body.get("candidates").forEach(candidate -> {
                assertThat(candidate.get("target").has("application_metadata")).isFalse();
                assertThat(candidate.get("target").get("id").asLong()).isNotEqualTo(path);
            });
        }
    }

    @Test
    void a_frame_of_clutter_matches_nothing() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        target(alice, project, "mountain-path.jpg", null);
        CameraFrames.Frame clutter = CameraFrames.frame(null, CameraFrames.Distortion.plain("scale", "60 %"), 11);

        MvcTestResult result = multipart(
                ar.appToken(alice.access(), project), project, TargetImages.jpeg(clutter.image(), 0.85f), null);

        assertThat(result).hasStatusOk();
        JsonNode body = ar.body(result);
        assertThat(body.get("matched").asBoolean()).isFalse();
        assertThat(body.get("target").isNull()).isTrue();
        assertThat(body.get("score").isNull()).isTrue();
        assertThat(body.get("corners").isNull()).isTrue();
        assertThat(body.get("candidates")).isEmpty();
        assertThat(body.get("frame").get("width").asInt()).isEqualTo(CameraFrames.WIDTH);
    }

    @Test
    void an_inactive_or_deleted_target_is_not_recognised() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        String app = ar.appToken(alice.access(), project);
        long inactive = target(alice, project, "mountain-path.jpg", null);
        long deleted = target(alice, project, "forest-stream.jpg", null);
        assertThat(ar.send(
                        mvc.patch().uri("/api/project/{p}/imagetarget/{t}", project, inactive),
                        alice.access(),
                        ar.object().put("active", false)))
                .hasStatusOk();
        assertThat(ar.delete(alice.access(), "/api/project/{p}/imagetarget/{t}", project, deleted))
                .hasStatus(HttpStatus.NO_CONTENT);

        for (String photo : List.of("mountain-path.jpg", "forest-stream.jpg")) {
            MvcTestResult result =
                    multipart(app, project, TargetImages.jpeg(frameOf(photo, 3).image(), 0.85f), null);
            assertThat(result).hasStatusOk();
            assertThat(ar.body(result).get("matched").asBoolean()).as(photo).isFalse();
        }
    }

    @Test
    void others_are_refused_as_the_project_targets_refuse_them() {
        SignedInUser alice = accounts.signedInUser();
        SignedInUser bob = accounts.signedInUser();
        long project = ar.project(alice.access());
        long bobs = ar.project(bob.access());
        byte[] jpeg = TargetImages.jpeg(frameOf("marigold.jpg", 5).image(), 0.85f);

        assertThat(multipart(ar.appToken(bob.access(), bobs), project, jpeg, null))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(multipart(bob.access(), project, jpeg, null)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(multipart(null, project, jpeg, null)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_frame_that_is_no_image_or_a_bad_candidates_count_is_a_problem() {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        String app = ar.appToken(alice.access(), project);

        byte[] jpeg = TargetImages.jpeg(frameOf("marigold.jpg", 5).image(), 0.85f);
        // The same problems as a target's image gets: damaged or not base64 is 400, not an image at all 415.
        for (MvcTestResult refused : List.of(
                multipart(app, project, Arrays.copyOf(jpeg, jpeg.length / 2), null),
                multipart(app, project, new byte[0], null),
                base64(app, project, "not base64!"))) {
            assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
        }
        MvcTestResult text = multipart(app, project, "not an image at all".getBytes(), null);
        assertThat(text).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(text.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(multipart(app, project, jpeg, "11")).hasStatus(HttpStatus.BAD_REQUEST);
        // A refused frame is no recognition: nothing is timed for it.
        assertThat(meters.find("atrium.ar.recognitions")
                        .tag("project", Long.toString(project))
                        .timers())
                .isEmpty();

        assertThat(multipart(app, project, jpeg, "0")).hasStatusOk();
        assertThat(meters.find("atrium.ar.recognitions")
                        .tag("project", Long.toString(project))
                        .tag("outcome", "miss")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    private long target(SignedInUser user, long project, String photo, @Nullable String metadata) {
        var body = ar.object().put("image", TargetImages.photoBase64(photo)).put("description", photo);
        if (metadata != null) {
            body.put("application_metadata", metadata);
        }
        MvcTestResult result = ar.send(mvc.post().uri("/api/project/{p}/imagetarget", project), user.access(), body);
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return ar.body(result).get("id").asLong();
    }

    private static CameraFrames.Frame frameOf(String photo, long seed) {
        return CameraFrames.frame(TargetImages.photo(photo), CameraFrames.Distortion.plain("scale", "60 %"), seed);
    }

    private MvcTestResult multipart(@Nullable String token, long project, byte[] frame, @Nullable String candidates) {
        var request = mvc.post()
                .uri("/api/project/{p}/recognize", project)
                .with(token == null ? api.anonymous() : api.as(token))
                .multipart()
                .file(new MockMultipartFile("image", "frame.jpg", "image/jpeg", frame));
        if (candidates != null) {
            request = request.param("candidates", candidates);
        }
        return request.exchange();
    }

    private MvcTestResult base64(String token, long project, String image) {
        return ar.send(
                mvc.post().uri("/api/project/{p}/recognize", project),
                token,
                ar.object().put("image", image));
    }
}
