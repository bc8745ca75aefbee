package dev.atrium.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
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

/** The avatar pipeline with real images, and with files that only pretend to be images. */
@AtriumTest
class AvatarTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_4000_by_3000_photo_comes_back_renamed_and_within_200_by_200() throws IOException {
        SignedInUser user = accounts.signedInUser();
        byte[] photo = jpeg(4000, 3000);
        MvcTestResult result = upload(user, "holiday photo (1).JPG", MediaType.IMAGE_JPEG_VALUE, photo);
        assertThat(result).hasStatusOk();
        String url = body(result).get("avatar").asString();
        assertThat(url).matches("http://localhost/api/users/" + user.id() + "/avatar/[a-zA-Z0-9]{16}\\.jpg");
        String key = avatarKey(user.id());
        assertThat(key).matches("avatars/[a-zA-Z0-9]{16}\\.jpg").endsWith(url.substring(url.lastIndexOf('/') + 1));

        MvcTestResult served = mvc.get().uri(url).exchange();
        assertThat(served).hasStatusOk();
        assertThat(served).hasContentType(MediaType.IMAGE_JPEG);
        BufferedImage avatar = read(served.getResponse().getContentAsByteArray());
        assertThat(avatar.getWidth()).isEqualTo(200);
        assertThat(avatar.getHeight()).isEqualTo(150);
        assertThat(served.getResponse().getHeader("Cache-Control")).contains("immutable");
        assertThat(served.getResponse().getContentAsByteArray().length).isLessThan(photo.length);
    }

    @Test
    void the_current_avatar_is_served_without_a_token_with_an_etag_and_304_when_unchanged() throws IOException {
        SignedInUser user = accounts.signedInUser();
        upload(user, "a.png", MediaType.IMAGE_PNG_VALUE, png(300, 600, false));
        MvcTestResult first =
                mvc.get().uri("/api/users/" + user.id() + "/avatar").exchange();
        assertThat(first).hasStatusOk();
        assertThat(read(first.getResponse().getContentAsByteArray()).getHeight())
                .isEqualTo(200);
        assertThat(read(first.getResponse().getContentAsByteArray()).getWidth()).isEqualTo(100);
        String etag = first.getResponse().getHeader("ETag");
        assertThat(etag).matches("\"[0-9a-f]{64}\"");
        assertThat(first.getResponse().getHeader("Cache-Control")).contains("no-cache");
        MvcTestResult again = mvc.get()
                .uri("/api/users/" + user.id() + "/avatar")
                .header("If-None-Match", etag)
                .exchange();
        assertThat(again).hasStatus(HttpStatus.NOT_MODIFIED);
        assertThat(again.getResponse().getContentAsByteArray()).isEmpty();
        MvcTestResult head =
                mvc.head().uri("/api/users/" + user.id() + "/avatar").exchange();
        assertThat(head).hasStatusOk();
        assertThat(head.getResponse().getHeader("ETag")).isEqualTo(etag);
        assertThat(api.as(user).get("/api/users/me/avatar")).hasStatusOk();
        assertThat(mvc.get().uri("/api/users/me/avatar").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void transparency_becomes_white_and_a_small_image_keeps_its_size() throws IOException {
        SignedInUser user = accounts.signedInUser();
        upload(user, "logo.png", MediaType.IMAGE_PNG_VALUE, png(120, 80, true));
        BufferedImage avatar = read(mvc.get()
                .uri("/api/users/" + user.id() + "/avatar")
                .exchange()
                .getResponse()
                .getContentAsByteArray());
        assertThat(avatar.getWidth()).isEqualTo(120);
        assertThat(avatar.getHeight()).isEqualTo(80);
        Color corner = new Color(avatar.getRGB(2, 2));
        assertThat(corner.getRed()).isGreaterThan(240);
        assertThat(corner.getGreen()).isGreaterThan(240);
        assertThat(corner.getBlue()).isGreaterThan(240);
        Color centre = new Color(avatar.getRGB(60, 40));
        assertThat(centre.getRed()).isGreaterThan(200);
        assertThat(centre.getBlue()).isLessThan(60);
    }

    @Test
    void metadata_is_stripped() throws IOException {
        SignedInUser user = accounts.signedInUser();
        byte[] photo = withComment(jpeg(640, 480), "GPS 51.5007 -0.1246 taken by Ada's phone");
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("GPS 51.5007");
        upload(user, "me.jpg", MediaType.IMAGE_JPEG_VALUE, photo);
        byte[] stored = mvc.get()
                .uri("/api/users/" + user.id() + "/avatar")
                .exchange()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain("GPS")
                .doesNotContain("Ada");
    }

    @Test
    void a_photo_taken_sideways_is_turned_upright_as_its_exif_orientation_says() throws IOException {
        SignedInUser user = accounts.signedInUser();
        // Stored 300 wide and 100 high, with orientation 6: "rotate 90° clockwise to view", as phones write it.
        upload(user, "sideways.jpg", MediaType.IMAGE_JPEG_VALUE, withOrientation(jpeg(300, 100), 6));
        BufferedImage avatar = read(mvc.get()
                .uri("/api/users/" + user.id() + "/avatar")
                .exchange()
                .getResponse()
                .getContentAsByteArray());
        assertThat(avatar.getWidth()).isEqualTo(67);
        assertThat(avatar.getHeight()).isEqualTo(200);
    }

    @Test
    void a_file_claiming_to_be_a_jpeg_that_is_not_is_a_415_and_nothing_is_stored() {
        SignedInUser user = accounts.signedInUser();
        long blobs = blobs();
        byte[] text = "just some text, renamed to look like a photo".getBytes(StandardCharsets.UTF_8);
        MvcTestResult result = upload(user, "photo.jpg", MediaType.IMAGE_JPEG_VALUE, text);
        assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("JPEG, PNG or WebP");
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(upload(user, "a.gif", "image/gif", gif)).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(avatarKey(user.id())).isNull();
        assertThat(blobs()).isEqualTo(blobs);
    }

    @Test
    void a_webp_image_is_refused_when_the_server_cannot_decode_it() {
        SignedInUser user = accounts.signedInUser();
        byte[] webp = ByteBuffer.allocate(30)
                .put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(22)
                .put("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))
                .array();
        MvcTestResult result = upload(user, "a.webp", "image/webp", webp);
        boolean readable = ImageIO.getImageReadersByFormatName("webp").hasNext();
        assertThat(result).hasStatus(readable ? HttpStatus.BAD_REQUEST : HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(avatarKey(user.id())).isNull();
    }

    @Test
    void a_truncated_image_is_a_400_and_the_previous_avatar_stays() throws IOException {
        SignedInUser user = accounts.signedInUser();
        upload(user, "first.jpg", MediaType.IMAGE_JPEG_VALUE, jpeg(300, 300));
        String before = avatarKey(user.id());
        byte[] photo = jpeg(1200, 900);
        MvcTestResult cut = upload(user, "cut.jpg", MediaType.IMAGE_JPEG_VALUE, Arrays.copyOf(photo, photo.length / 2));
        assertThat(cut).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(cut).bodyJson().extractingPath("$.type").asString().endsWith("/damaged-image");
        byte[] png = png(400, 400, false);
        assertThat(upload(user, "cut.png", MediaType.IMAGE_PNG_VALUE, Arrays.copyOf(png, png.length - 40)))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(avatarKey(user.id())).isEqualTo(before);
    }

    @Test
    void a_decompression_bomb_is_refused_from_its_header_before_decoding() throws IOException {
        SignedInUser user = accounts.signedInUser();
        // A real 1×1 PNG whose header is rewritten to claim 50000×50000 pixels: a few hundred bytes.
        byte[] bomb = claimSize(png(1, 1, false), 50_000, 50_000);
        long started = System.nanoTime();
        MvcTestResult result = upload(user, "bomb.png", MediaType.IMAGE_PNG_VALUE, bomb);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.type").asString().endsWith("/image-too-large");
        assertThat(result).bodyJson().extractingPath("$.width").isEqualTo(50_000);
        assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
        assertThat(avatarKey(user.id())).isNull();
    }

    @Test
    void a_file_over_5_mb_is_a_413() {
        SignedInUser user = accounts.signedInUser();
        byte[] large = new byte[5 * 1024 * 1024 + 1];
        large[0] = (byte) 0xff;
        large[1] = (byte) 0xd8;
        large[2] = (byte) 0xff;
        MvcTestResult result = upload(user, "huge.jpg", MediaType.IMAGE_JPEG_VALUE, large);
        assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(avatarKey(user.id())).isNull();
    }

    @Test
    void a_missing_field_or_a_body_that_is_not_multipart_is_refused() {
        SignedInUser user = accounts.signedInUser();
        MvcTestResult wrongField = mvc.put()
                .uri("/api/users/me/avatar")
                .with(api.as(user))
                .multipart()
                .file(new MockMultipartFile("picture", "a.jpg", MediaType.IMAGE_JPEG_VALUE, new byte[] {1, 2, 3}))
                .exchange();
        assertThat(wrongField).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(wrongField).bodyJson().extractingPath("$.field").isEqualTo("avatar");
        assertThat(upload(user, "empty.jpg", MediaType.IMAGE_JPEG_VALUE, new byte[0]))
                .hasStatus(HttpStatus.BAD_REQUEST);
        MvcTestResult raw = mvc.put()
                .uri("/api/users/me/avatar")
                .with(api.as(user))
                .contentType(MediaType.IMAGE_JPEG)
                .content(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})
                .exchange();
        assertThat(raw).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(mvc.put()
                        .uri("/api/users/me/avatar")
                        .multipart()
                        .file(new MockMultipartFile("avatar", new byte[] {1}))
                        .exchange())
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_new_avatar_replaces_the_old_one_and_removing_it_removes_the_file() throws IOException {
        SignedInUser user = accounts.signedInUser();
        String firstUrl = body(upload(user, "one.jpg", MediaType.IMAGE_JPEG_VALUE, jpeg(250, 250)))
                .get("avatar")
                .asString();
        String firstKey = avatarKey(user.id());
        String secondUrl = body(upload(user, "two.png", MediaType.IMAGE_PNG_VALUE, png(50, 50, false)))
                .get("avatar")
                .asString();
        assertThat(secondUrl).isNotEqualTo(firstUrl);
        assertThat(blobExists(firstKey)).isFalse();
        assertThat(mvc.get().uri(firstUrl).exchange()).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(secondUrl).exchange()).hasStatusOk();

        // An HTML form can only POST: the same upload is accepted that way too.
        MvcTestResult posted = mvc.post()
                .uri("/api/users/me/avatar")
                .with(api.as(user))
                .multipart()
                .file(new MockMultipartFile("avatar", "three.png", MediaType.IMAGE_PNG_VALUE, png(40, 40, false)))
                .exchange();
        assertThat(posted).hasStatusOk();
        assertThat(body(posted).get("avatar").asString()).isNotEqualTo(secondUrl);

        String currentKey = avatarKey(user.id());
        assertThat(api.as(user).delete("/api/users/me/avatar")).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(avatarKey(user.id())).isNull();
        assertThat(blobExists(currentKey)).isFalse();
        // As a browser's <img> asks: the answer is still a problem, not an error about the Accept header.
        MvcTestResult gone = mvc.get()
                .uri("/api/users/" + user.id() + "/avatar")
                .header("Accept", "image/avif,image/webp,image/*;q=0.8")
                .exchange();
        assertThat(gone).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(gone).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.as(user).delete("/api/users/me/avatar")).hasStatus(HttpStatus.NO_CONTENT);
    }

    @Test
    void a_deactivated_users_avatar_is_no_longer_served() throws IOException {
        SignedInUser user = accounts.signedInUser();
        upload(user, "me.jpg", MediaType.IMAGE_JPEG_VALUE, jpeg(100, 100));
        jdbc.sql("UPDATE users SET active = false WHERE id = ?")
                .param(user.id())
                .update();
        assertThat(mvc.get().uri("/api/users/" + user.id() + "/avatar").exchange())
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    private MvcTestResult upload(SignedInUser user, String fileName, String contentType, byte[] content) {
        return mvc.put()
                .uri("/api/users/me/avatar")
                .with(api.as(user))
                .multipart()
                .file(new MockMultipartFile("avatar", fileName, contentType, content))
                .exchange();
    }

    private JsonNode body(MvcTestResult result) {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    private String avatarKey(long userId) {
        return jdbc.sql("SELECT avatar_key FROM users WHERE id = ?")
                .param(userId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private boolean blobExists(String key) {
        return jdbc.sql("SELECT count(*) FROM blobs WHERE key = ?")
                        .param(key)
                        .query(Integer.class)
                        .single()
                == 1;
    }

    private long blobs() {
        return jdbc.sql("SELECT count(*) FROM blobs").query(Long.class).single();
    }

    static BufferedImage read(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("a readable image").isNotNull();
        return image;
    }

    /** A photo-like JPEG: a gradient with some texture, so that it compresses like a real picture would. */
    static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int red = x * 255 / width;
                int green = y * 255 / height;
                image.setRGB(x, y, (red << 16) | (green << 8) | ((x ^ y) & 0xff));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** A PNG: red in the middle; with transparency, the border around it is fully transparent. */
    static byte[] png(int width, int height, boolean transparent) throws IOException {
        BufferedImage image = new BufferedImage(
                width, height, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        if (!transparent) {
            graphics.setColor(Color.BLUE);
            graphics.fillRect(0, 0, width, height);
        }
        graphics.setColor(Color.RED);
        graphics.fillRect(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The JPEG with a comment segment (where cameras and editors leave text) right after its start marker. */
    static byte[] withComment(byte[] jpeg, String comment) {
        byte[] text = comment.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + text.length);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xff)
                .put((byte) 0xfe)
                .putShort((short) (text.length + 2))
                .put(text);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** The JPEG with an EXIF segment holding only an orientation, after its JFIF segment as cameras place it. */
    static byte[] withOrientation(byte[] jpeg, int orientation) {
        int afterJfif = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        ByteBuffer exif = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
        // APP1 marker and its length (big-endian, as every JPEG length), then a little-endian TIFF block.
        exif.put((byte) 0xff).put((byte) 0xe1).put((byte) 0).put((byte) 34);
        exif.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        exif.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        exif.putShort((short) 1);
        exif.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        exif.putInt(0);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + exif.capacity());
        out.put(jpeg, 0, afterJfif).put(exif.array()).put(jpeg, afterJfif, jpeg.length - afterJfif);
        return out.array();
    }

    /** The PNG with its header (IHDR) rewritten to claim another size, its checksum fixed so that it still parses. */
    static byte[] claimSize(byte[] png, int width, int height) {
        byte[] copy = png.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy);
        // Signature (8), length (4), "IHDR" (4), then width and height.
        buffer.putInt(16, width);
        buffer.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(copy, 12, 17);
        buffer.putInt(29, (int) crc.getValue());
        return copy;
    }
}
