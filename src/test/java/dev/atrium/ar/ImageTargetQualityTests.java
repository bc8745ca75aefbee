package dev.atrium.ar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
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
        JsonNode flat = ar.body(create(alice, project, jpeg(flat(400, 300)), "flat"));
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
    void a_copy_of_a_live_target_is_added_but_named_as_its_duplicate() throws IOException {
        SignedInUser alice = accounts.signedInUser();
        long project = ar.project(alice.access());
        long original = ar.body(create(alice, project, photo("mountain-path.jpg"), "original"))
                .get("id")
                .asLong();
        long other = ar.body(create(alice, project, photo("marigold.jpg"), "other"))
                .get("id")
                .asLong();

        BufferedImage image = ImageIO.read(resource("mountain-path.jpg"));
        MvcTestResult copy = create(alice, project, jpeg(scaled(image, 0.5), 0.85f), "half-size copy");
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
        assertThat(ids(similar(alice, project, jpeg(brighter(image, 1.3f), 0.8f))))
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
        assertThat(ids(similar(alice, project, jpeg(brighter(image, 1.3f), 0.8f))))
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

    static InputStream resource(String name) {
        InputStream in = ImageTargetQualityTests.class.getResourceAsStream("/ar/photos/" + name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    static String photo(String name) {
        try (InputStream in = resource(name)) {
            return Base64.getEncoder().encodeToString(in.readAllBytes());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static BufferedImage flat(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(120, 140, 160));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    static BufferedImage scaled(BufferedImage image, double factor) {
        int width = (int) Math.round(image.getWidth() * factor);
        int height = (int) Math.round(image.getHeight() * factor);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    static BufferedImage brighter(BufferedImage image, float factor) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = Math.min(255, Math.round(((rgb >> 16) & 0xFF) * factor));
                int g = Math.min(255, Math.round(((rgb >> 8) & 0xFF) * factor));
                int b = Math.min(255, Math.round((rgb & 0xFF) * factor));
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    static String jpeg(BufferedImage image) {
        return jpeg(image, 0.9f);
    }

    static String jpeg(BufferedImage image, float quality) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            writer.dispose();
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
