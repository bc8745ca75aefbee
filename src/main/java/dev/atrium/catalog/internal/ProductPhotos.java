package dev.atrium.catalog.internal;

import dev.atrium.image.DecodedImage;
import dev.atrium.image.ImageDecoding;
import dev.atrium.image.ImageFacts;
import dev.atrium.image.ImageFormat;
import dev.atrium.image.ImageRefused;
import dev.atrium.shared.problem.InvalidRequest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import net.coobird.thumbnailator.Thumbnails;
import org.springframework.stereotype.Component;

/**
 * Product photos: a JPEG, PNG, GIF or BMP image (recognised from its bytes; no other format is ever decoded), refused
 * before decoding when its header promises more work than a photo needs (a decompression bomb, a JPEG of hundreds of
 * scans), decoded by {@link ImageDecoding} on its bounded pool with a deadline, and stored as a JPEG that fits 800x800
 * pixels under a random name.
 */
@Component
class ProductPhotos {

    static final int MAX_SIDE = 800;
    static final long MAX_PIXELS = ImageDecoding.MAX_PIXELS;

    private static final Set<ImageFormat> FORMATS =
            EnumSet.of(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.GIF, ImageFormat.BMP);

    private static final SecureRandom random = new SecureRandom();
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    static String newKey() {
        StringBuilder name = new StringBuilder("products/");
        for (int i = 0; i < 20; i++) {
            name.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return name.append(".jpg").toString();
    }

    private final ImageDecoding decoding;

    ProductPhotos(ImageDecoding decoding) {
        this.decoding = decoding;
    }

    byte[] normalize(byte[] content) {
        if (content.length == 0) {
            throw photoRefused("is empty");
        }
        try {
            ImageFacts facts = decoding.inspect(content, FORMATS);
            // Large images are decoded at a fraction of their size, so memory stays bounded whatever is sent.
            return decoding.decode(content, facts, 2 * MAX_SIDE, decoded -> convert(intact(decoded)));
        } catch (ImageRefused refused) {
            throw photoRefused(
                    switch (refused.reason()) {
                        case NOT_AN_IMAGE -> "is not an image (JPEG, PNG, GIF or BMP)";
                        case TOO_MANY_PIXELS -> {
                            ImageFacts facts = refused.facts();
                            long pixels = facts == null ? 0 : facts.pixels();
                            yield "has " + pixels + " pixels; at most " + MAX_PIXELS + " are accepted";
                        }
                        case TOO_COSTLY -> "is too costly to decode: " + refused.getMessage();
                        case UNREADABLE, UNSUPPORTED, BAD_HEADER, DAMAGED -> "could not be decoded as an image";
                    });
        }
    }

    /**
     * The decoded image, unless the decoder warned: it then filled what it could not read (a truncated file) with
     * grey. A colour profile it cannot use is only ignored, which harms nothing.
     */
    private static BufferedImage intact(DecodedImage decoded) {
        for (String warning : decoded.warnings()) {
            if (!warning.contains("ICC")) {
                throw photoRefused("is damaged or truncated");
            }
        }
        return decoded.image();
    }

    private static byte[] convert(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D canvas = rgb.createGraphics();
        try {
            // Transparent parts of a PNG become white, as they would look on the page.
            canvas.setColor(Color.WHITE);
            canvas.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            canvas.drawImage(image, 0, 0, null);
        } finally {
            canvas.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var builder = rgb.getWidth() <= MAX_SIDE && rgb.getHeight() <= MAX_SIDE
                    ? Thumbnails.of(rgb).scale(1.0)
                    : Thumbnails.of(rgb).size(MAX_SIDE, MAX_SIDE);
            builder.outputFormat("jpg").outputQuality(0.85).toOutputStream(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw photoRefused("could not be converted to JPEG");
        }
    }

    private static InvalidRequest photoRefused(String why) {
        return InvalidRequest.field("photo", "the file " + why);
    }
}
