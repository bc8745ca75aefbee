package dev.atrium.catalog.internal;

import dev.atrium.shared.image.ImageDecoding;
import dev.atrium.shared.problem.InvalidRequest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.springframework.stereotype.Component;

/**
 * Product photos: any image ImageIO reads (JPEG, PNG, GIF, BMP), refused before decoding when it claims more pixels than
 * a photo needs (a decompression bomb), stored as a JPEG that fits 800x800 pixels under a random name. Decoding is
 * CPU-bound, so only as many run at once as there are cores.
 */
@Component
class ProductPhotos {

    static final int MAX_SIDE = 800;
    static final long MAX_PIXELS = 40_000_000L;

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
        return decoding.bounded(() -> convert(content));
    }

    private static byte[] convert(byte[] content) {
        BufferedImage image = read(content);
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

    private static BufferedImage read(byte[] content) {
        if (content.length == 0) {
            throw photoRefused("is empty");
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw photoRefused("is not an image (JPEG, PNG, GIF or BMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS || reader.getWidth(0) <= 0 || reader.getHeight(0) <= 0) {
                    throw photoRefused("has " + pixels + " pixels; at most " + MAX_PIXELS + " are accepted");
                }
                // Large images are decoded at a fraction of their size, so memory stays bounded whatever is sent.
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.ceil(Math.max(reader.getWidth(0), reader.getHeight(0)) / (2.0 * MAX_SIDE));
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw photoRefused("could not be decoded");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException ex) {
            if (ex instanceof InvalidRequest refused) {
                throw refused;
            }
            throw photoRefused("could not be decoded as an image");
        }
    }

    private static InvalidRequest photoRefused(String why) {
        return InvalidRequest.field("photo", "the file " + why);
    }
}
