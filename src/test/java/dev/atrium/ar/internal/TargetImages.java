package dev.atrium.ar.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** The test photos and the images made from them or drawn for the image-target tests, here and through the API. */
public final class TargetImages {

    private static Map<String, BufferedImage> photos;

    private TargetImages() {}

    /** The natural photos of src/test/resources/ar/photos, by file name, in name order; read once. */
    public static synchronized Map<String, BufferedImage> photos() {
        if (photos == null) {
            try (Stream<Path> files = Files.list(Path.of(TargetImages.class
                            .getResource("/ar/photos/LICENSES.md")
                            .toURI())
                    .getParent())) {
                Map<String, BufferedImage> read = new LinkedHashMap<>();
                for (Path file : files.filter(f -> f.toString().endsWith(".jpg"))
                        .sorted()
                        .toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        read.put(file.getFileName().toString(), ImageIO.read(in));
                    }
                }
                photos = read;
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            } catch (URISyntaxException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return photos;
    }

    public static BufferedImage photo(String name) {
        return photos().get(name);
    }

    public static BufferedImage flat(Color colour) {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 640, 480);
        g.dispose();
        return image;
    }

    /** Left to right, dark blue to light orange, as smooth as eight bits allow. */
    public static BufferedImage gradient() {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 640; x++) {
            float t = x / 639f;
            int rgb = new Color(0.1f + 0.8f * t, 0.2f + 0.5f * t, 0.6f - 0.4f * t).getRGB();
            for (int y = 0; y < 480; y++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    public static BufferedImage checkerboard(int square) {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                image.setRGB(x, y, ((x / square + y / square) % 2 == 0) ? 0x202020 : 0xE0E0E0);
            }
        }
        return image;
    }

    /** A page of black text on white, as a printed notice would be. */
    public static BufferedImage textOnWhite() {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 18));
        List<String> lines = List.of(
                "Opening hours of the museum",
                "Monday to Friday from nine in the morning",
                "until six in the evening; on Saturday until",
                "four. Closed on Sundays and public holidays.",
                "Tickets are sold at the entrance until half",
                "an hour before closing. Children under twelve",
                "enter free of charge with an adult.");
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), 40, 60 + i * 30);
        }
        g.dispose();
        return image;
    }

    /** The photo with its contrast scaled to {@code factor} around mid grey. */
    public static BufferedImage lowContrast(BufferedImage photo, double factor) {
        return mapped(photo, v -> 128 + (v - 128) * factor);
    }

    public static BufferedImage brightness(BufferedImage photo, double factor) {
        return mapped(photo, v -> v * factor);
    }

    public static BufferedImage scaled(BufferedImage photo, double factor) {
        int width = (int) Math.round(photo.getWidth() * factor);
        int height = (int) Math.round(photo.getHeight() * factor);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(photo, 0, 0, width, height, null);
        g.dispose();
        return image;
    }

    /** Cuts {@code share} of each side's length away, half from each edge. */
    public static BufferedImage cropped(BufferedImage photo, double share) {
        int dx = (int) Math.round(photo.getWidth() * share / 2);
        int dy = (int) Math.round(photo.getHeight() * share / 2);
        return copy(photo.getSubimage(dx, dy, photo.getWidth() - 2 * dx, photo.getHeight() - 2 * dy));
    }

    /** Turned about its centre by {@code degrees}, on a canvas just large enough, the corners filled with black. */
    public static BufferedImage turned(BufferedImage photo, int degrees) {
        double radians = Math.toRadians(degrees);
        double cos = Math.abs(Math.cos(radians));
        double sin = Math.abs(Math.sin(radians));
        int width = (int) Math.round(photo.getWidth() * cos + photo.getHeight() * sin);
        int height = (int) Math.round(photo.getWidth() * sin + photo.getHeight() * cos);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.translate(width / 2.0, height / 2.0);
        g.rotate(radians);
        g.drawImage(photo, -photo.getWidth() / 2, -photo.getHeight() / 2, null);
        g.dispose();
        return image;
    }

    /** A window of the photo, for targets that share nothing but their source. */
    public static BufferedImage window(BufferedImage photo, int x, int y, int width, int height) {
        return copy(photo.getSubimage(x, y, width, height));
    }

    public static BufferedImage reencoded(BufferedImage image, float quality) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg(image, quality)));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The image as a JPEG of this quality (0 to 1). */
    public static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(copy(image), null, null), param);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The photo's file as it is committed, base64-encoded, as a client would send it. */
    public static String photoBase64(String name) {
        try (InputStream in = TargetImages.class.getResourceAsStream("/ar/photos/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test photo " + name);
            }
            return Base64.getEncoder().encodeToString(in.readAllBytes());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return copy;
    }

    private interface ChannelMap {
        double apply(double value);
    }

    private static BufferedImage mapped(BufferedImage photo, ChannelMap map) {
        int width = photo.getWidth();
        int height = photo.getHeight();
        int[] pixels = photo.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < pixels.length; i++) {
            int rgb = pixels[i];
            int r = channel(map.apply((rgb >> 16) & 0xFF));
            int g = channel(map.apply((rgb >> 8) & 0xFF));
            int b = channel(map.apply(rgb & 0xFF));
            pixels[i] = (r << 16) | (g << 8) | b;
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, pixels, 0, width);
        return image;
    }

    private static int channel(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
