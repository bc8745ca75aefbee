package dev.atrium.ar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Replica;
import dev.atrium.TestAccounts;
import dev.atrium.ar.internal.CameraFrames;
import dev.atrium.ar.internal.TargetImages;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas on one PostgreSQL, over real HTTP: what is done to a project's targets on one is what the other
 * recognises from its very next frame on, each having recognised with its index in memory before. (Configured as the
 * other replica tests are, so that all share a context.)
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "atrium.jwt.secret=" + Replica.SHARED_JWT_SECRET)
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class ReplicaRecognitionTests {

    private static final String MARIGOLD = "marigold.jpg";
    private static final String FOREST = "forest-stream.jpg";

    static Replica second;

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    final ReplicaCalls calls = new ReplicaCalls();

    String first;
    String user;
    long project;
    String app;

    @BeforeAll
    static void startSecondReplica(@Autowired Environment environment) {
        second = Replica.of(environment);
    }

    @AfterAll
    static void stopSecondReplica() {
        second.close();
    }

    @BeforeEach
    void aProjectWithAnAppToken() throws Exception {
        first = "http://localhost:" + port;
        user = calls.signIn(first, accounts.user());
        HttpResponse<String> created =
                calls.send("POST", first + "/api/project", user, "{\"name\":\"" + ArCalls.uniqueName() + "\"}");
        project = calls.json(created).get("id").asLong();
        app = "Bearer "
                + calls.json(calls.send("POST", first + "/api/project/" + project + "/jwt", user, null))
                        .get("token")
                        .asString();
    }

    @Test
    void a_target_deleted_on_one_replica_is_not_recognised_by_the_other_from_its_next_frame() throws Exception {
        long marigold = target(first, MARIGOLD);
        long forest = target(first, FOREST);
        assertThat(recognised(second.baseUrl(), MARIGOLD)).isEqualTo(marigold);
        assertThat(recognised(second.baseUrl(), FOREST)).isEqualTo(forest);

        assertThat(calls.send("DELETE", first + "/api/project/" + project + "/imagetarget/" + marigold, user, null)
                        .statusCode())
                .isEqualTo(204);

        assertThat(recognised(second.baseUrl(), MARIGOLD)).isNull();
        assertThat(recognised(second.baseUrl(), FOREST)).isEqualTo(forest);
    }

    @Test
    void a_target_added_deactivated_or_given_another_image_on_one_replica_is_seen_so_by_the_other_at_once()
            throws Exception {
        long forest = target(first, FOREST);
        assertThat(recognised(second.baseUrl(), MARIGOLD)).isNull();

        long marigold = target(first, MARIGOLD);
        assertThat(recognised(second.baseUrl(), MARIGOLD)).isEqualTo(marigold);

        String deactivate = "{\"active\":false}";
        assertThat(calls.send(
                                "PATCH",
                                second.baseUrl() + "/api/project/" + project + "/imagetarget/" + forest,
                                user,
                                deactivate)
                        .statusCode())
                .isEqualTo(200);
        assertThat(recognised(first, FOREST)).isNull();

        String otherImage = "{\"image\":\"" + TargetImages.photoBase64(FOREST) + "\"}";
        assertThat(calls.send("PATCH", first + "/api/project/" + project + "/imagetarget/" + marigold, user, otherImage)
                        .statusCode())
                .isEqualTo(200);
        assertThat(recognised(second.baseUrl(), MARIGOLD)).isNull();
        assertThat(recognised(second.baseUrl(), FOREST)).isEqualTo(marigold);
    }

    private long target(String base, String photo) throws Exception {
        HttpResponse<String> created = calls.send(
                "POST",
                base + "/api/project/" + project + "/imagetarget",
                user,
                "{\"image\":\"" + TargetImages.photoBase64(photo) + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return calls.json(created).get("id").asLong();
    }

    /** The id of the target a camera frame of the photo is recognised as, through the app token; null for none. */
    private @Nullable Long recognised(String base, String photo) throws Exception {
        CameraFrames.Frame frame = CameraFrames.frame(
                TargetImages.photo(photo),
                CameraFrames.Distortion.plain("perspective", "tilt 20°").tilt(20),
                photo.hashCode());
        String image = Base64.getEncoder().encodeToString(TargetImages.jpeg(frame.image(), 0.85f));
        HttpResponse<String> answer = calls.send(
                "POST", base + "/api/project/" + project + "/recognize", app, "{\"image\":\"" + image + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = calls.json(answer);
        return body.get("matched").asBoolean() ? body.get("target").get("id").asLong() : null;
    }
}
