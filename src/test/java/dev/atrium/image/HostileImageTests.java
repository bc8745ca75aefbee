package dev.atrium.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import dev.atrium.catalog.CatalogFixtures;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Images built to make a decoder work for minutes, sent to the three upload paths (avatars, image targets, product
 * photos) through the API: each is answered quickly with that path's own 4xx, and ordinary images still pass.
 */
@AtriumTest
class HostileImageTests {

    /** Far above what a refusal from the header costs, far below the 5 to 43 s these images once took. */
    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImageDecoding decoding;

    final JsonMapper json = JsonMapper.builder().build();

    SignedInUser user;
    SignedInUser admin;
    long project;
    long product;

    @BeforeEach
    void accounts() {
        user = accounts.signedInUser();
        admin = accounts.signedInAdmin();
        MvcTestResult created = api.as(user).post("/api/project", "{\"name\":\"Hostile " + System.nanoTime() + "\"}");
        assertThat(created).hasStatus(HttpStatus.CREATED);
        project = body(created).get("id").asLong();
        product = new CatalogFixtures(jdbc).product("Hostile " + CatalogFixtures.token(), "1.00");
    }

    @Test
    void a_progressive_jpeg_of_900_scans_is_refused_from_its_header_as_too_costly_by_every_upload_path() {
        for (int side : new int[] {2048, 4096}) {
            byte[] hostile = HostileImages.progressiveJpeg(side, 900);
            // A few tens of kilobytes, which took ImageIO 16 s (2048²) and more of a core to decode.
            assertThat(hostile.length).isLessThan(300_000);

            MvcTestResult avatar = avatar(hostile);
            assertRefusedFromItsHeader(avatar);
            assertThat(avatar).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(avatar).bodyJson().extractingPath("$.type").asString().endsWith("/image-too-costly");
            assertThat(avatar).bodyJson().extractingPath("$.field").isEqualTo("avatar");

            MvcTestResult target = target(hostile);
            assertRefusedFromItsHeader(target);
            assertThat(target).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(target).bodyJson().extractingPath("$.type").asString().endsWith("/image-too-costly");
            assertThat(target).bodyJson().extractingPath("$.errors[0].field").isEqualTo("image");

            MvcTestResult photo = photo(hostile);
            assertRefusedFromItsHeader(photo);
            assertThat(photo).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(photo).bodyJson().extractingPath("$.errors[0].field").isEqualTo("photo");
            assertThat(photo)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .asString()
                    .contains("too costly");
        }
        assertThat(avatars()).isZero();
        assertThat(targets()).isZero();
    }

    @Test
    void a_progressive_jpeg_with_more_scans_than_encoders_write_but_within_the_limits_is_accepted_everywhere() {
        byte[] manyScans = HostileImages.progressiveJpeg(1024, 30);
        assertThat(avatar(manyScans)).hasStatusOk();
        assertThat(target(manyScans)).hasStatus(HttpStatus.CREATED);
        assertThat(photo(manyScans)).hasStatusOk();
    }

    @Test
    void ordinary_baseline_progressive_and_png_images_still_pass_everywhere() {
        for (byte[] image : new byte[][] {jpeg(1600, 1200, false), jpeg(1600, 1200, true), png(640, 480)}) {
            assertThat(avatar(image)).hasStatusOk();
            assertThat(photo(image)).hasStatusOk();
        }
        assertThat(target(jpeg(1600, 1200, false))).hasStatus(HttpStatus.CREATED);
        assertThat(target(jpeg(1600, 1200, true))).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void other_hostile_variants_get_a_4xx_problem_from_every_path_and_never_a_500() {
        byte[] progressive = HostileImages.progressiveJpeg(1024, 40);
        byte[][] variants = {
            // More scans than any encoder writes, at a small size; and few scans, but of many pixels.
            HostileImages.progressiveJpeg(256, 400),
            HostileImages.progressiveJpeg(6000, 6),
            // Cut off half-way through its scans.
            Arrays.copyOf(progressive, progressive.length / 2),
            // A refinement scan sent twice: the progression is broken, which a decoder would only warn about.
            withScanRepeated(progressive),
            // A frame header claiming 65535×65535 pixels.
            HostileImages.frameHeaderOnly(65535, 65535, 3),
            // Five colour components.
            HostileImages.frameHeaderOnly(64, 64, 5),
            // A PNG claiming 100000×100000 pixels, and one of 16-bit RGBA whose samples would take 200 MB.
            png(100_000, 100_000, 8, 6),
            png(5000, 5000, 16, 6),
            // A GIF of 65535×65535, a BMP wrapping a JPEG, a TIFF, and nothing in particular.
            gif(65535, 65535),
            bmp(64, 64, 4),
            new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0},
            new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC2, 0, 2},
        };
        for (int i = 0; i < variants.length; i++) {
            byte[] variant = variants[i];
            for (MvcTestResult answer : new MvcTestResult[] {avatar(variant), target(variant), photo(variant)}) {
                assertThat(answer).as("variant %d", i).hasStatus4xxClientError();
                assertThat(answer).as("variant %d", i).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            }
        }
        assertThat(avatars()).isZero();
        assertThat(targets()).isZero();
    }

    @Test
    void decoding_runs_on_the_pools_platform_threads_even_when_called_from_a_virtual_thread() throws Exception {
        byte[] image = jpeg(640, 480, true);
        AtomicReference<Thread> decoder = new AtomicReference<>();
        Thread caller = Thread.ofVirtual()
                .start(() -> decoder.set(decoding.decode(
                        image,
                        decoding.inspect(image, EnumSet.of(ImageFormat.JPEG)),
                        640,
                        decoded -> Thread.currentThread())));
        caller.join(Duration.ofSeconds(30));
        assertThat(decoder.get()).isNotNull();
        assertThat(decoder.get().isVirtual()).isFalse();
        assertThat(decoder.get().getName()).startsWith("image-decoding-");
    }

    @Test
    void a_progressive_jpeg_is_decoded_at_full_quality() throws IOException {
        byte[] image = jpeg(800, 600, true);
        ImageFacts facts = decoding.inspect(image, EnumSet.of(ImageFormat.JPEG));
        assertThat(facts.progressive()).isTrue();
        assertThat(facts.scans()).isBetween(6, 12);
        BufferedImage once = decoding.decode(image, facts, 800, DecodedImage::image);
        BufferedImage passByPass = ImageIO.read(new ByteArrayInputStream(image));
        assertThat(once.getWidth()).isEqualTo(800);
        assertThat(once.getRGB(0, 0, 800, 600, null, 0, 800))
                .isEqualTo(passByPass.getRGB(0, 0, 800, 600, null, 0, 800));
    }

    @Test
    void a_decode_past_its_cpu_limit_or_its_deadline_is_aborted_by_the_reader_and_refused_as_too_costly() {
        // Limits that have passed by the first row: the readers must stop there rather than finish.
        Duration passed = Duration.ofNanos(1);
        Duration ample = Duration.ofSeconds(30);
        for (ImageDecoding hurried : new ImageDecoding[] {
            new ImageDecoding(1, passed, ample, ample), new ImageDecoding(1, ample, passed, ample)
        }) {
            try {
                for (byte[] image : new byte[][] {jpeg(3000, 3000, false), jpeg(3000, 3000, true), png(3000, 3000)}) {
                    long aborted = hurried.abortedReads();
                    ImageFacts facts = hurried.inspect(image, EnumSet.of(ImageFormat.JPEG, ImageFormat.PNG));
                    assertThatThrownBy(() -> hurried.decode(image, facts, 3000, DecodedImage::image))
                            .isInstanceOfSatisfying(
                                    ImageRefused.class,
                                    refused -> assertThat(refused.reason()).isEqualTo(ImageRefused.Reason.TOO_COSTLY));
                    assertThat(hurried.abortedReads()).isEqualTo(aborted + 1);
                }
            } finally {
                hurried.stop();
            }
        }
    }

    /**
     * Refused for what its header says, before a pixel was decoded: the answer names the scan count, where a decode
     * stopped at its CPU limit would say so instead. (How long that took is for bench/hostile-uploads.sh to measure,
     * not for a test on a machine that may be busy.)
     */
    private static void assertRefusedFromItsHeader(MvcTestResult result) {
        assertThat(result).bodyText().contains("more than " + ImageDecoding.MAX_SCANS + " scans");
    }

    private MvcTestResult avatar(byte[] image) {
        return mvc.put()
                .uri("/api/users/me/avatar")
                .with(api.as(user))
                .multipart()
                .file(new MockMultipartFile("avatar", "me.jpg", MediaType.IMAGE_JPEG_VALUE, image))
                .exchange();
    }

    private MvcTestResult target(byte[] image) {
        return api.as(user)
                .post(
                        "/api/project/" + project + "/imagetarget",
                        "{\"image\":\"" + Base64.getEncoder().encodeToString(image) + "\"}");
    }

    private MvcTestResult photo(byte[] image) {
        return mvc.put()
                .uri("/api/products/{id}/photo", product)
                .with(api.as(admin))
                .multipart()
                .file(new MockMultipartFile("photo", "photo.jpg", MediaType.IMAGE_JPEG_VALUE, image))
                .exchange();
    }

    private JsonNode body(MvcTestResult result) {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    private long avatars() {
        return jdbc.sql("SELECT count(*) FROM users WHERE id = ? AND avatar_key IS NOT NULL")
                .param(user.id())
                .query(Long.class)
                .single();
    }

    private long targets() {
        return jdbc.sql("SELECT count(*) FROM image_targets WHERE project_id = ?")
                .param(project)
                .query(Long.class)
                .single();
    }

    /** The JPEG with its last scan (a refinement) sent twice. */
    private static byte[] withScanRepeated(byte[] jpeg) {
        int lastScan = -1;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                lastScan = i;
            }
        }
        int end = jpeg.length - 2;
        byte[] scan = Arrays.copyOfRange(jpeg, lastScan, end);
        byte[] twice = Arrays.copyOf(jpeg, end + scan.length + 2);
        System.arraycopy(scan, 0, twice, end, scan.length);
        twice[twice.length - 2] = (byte) 0xFF;
        twice[twice.length - 1] = (byte) 0xD9;
        return twice;
    }

    static byte[] jpeg(int width, int height, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(picture(width, height), null, null), param);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static byte[] png(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(picture(width, height), "png", out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    /** The signature and IHDR chunk of a PNG, and nothing else: the header is all a refusal should read. */
    static byte[] png(int width, int height, int depth, int colourType) {
        var bytes = java.nio.ByteBuffer.allocate(33);
        bytes.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        bytes.putInt(13).put(new byte[] {'I', 'H', 'D', 'R'}).putInt(width).putInt(height);
        bytes.put((byte) depth)
                .put((byte) colourType)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        bytes.putInt(0);
        return bytes.array();
    }

    static byte[] gif(int width, int height) {
        var bytes = java.nio.ByteBuffer.allocate(32).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bytes.put("GIF89a".getBytes()).putShort((short) width).putShort((short) height);
        bytes.put((byte) 0).put((byte) 0).put((byte) 0);
        bytes.put((byte) 0x2C).putShort((short) 0).putShort((short) 0);
        bytes.putShort((short) width).putShort((short) height).put((byte) 0);
        bytes.put((byte) 8)
                .put((byte) 2)
                .put((byte) 0x4C)
                .put((byte) 0x01)
                .put((byte) 0)
                .put((byte) 0x3B);
        return Arrays.copyOf(bytes.array(), bytes.position());
    }

    static byte[] bmp(int width, int height, int compression) {
        var bytes = java.nio.ByteBuffer.allocate(54 + 64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bytes.put((byte) 'B').put((byte) 'M').putInt(54 + 64).putInt(0).putInt(54);
        bytes.putInt(40).putInt(width).putInt(height).putShort((short) 1).putShort((short) 24);
        bytes.putInt(compression).putInt(64).putInt(0).putInt(0).putInt(0).putInt(0);
        return bytes.array();
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }
}
