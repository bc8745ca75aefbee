package dev.atrium.ar.internal;

import dev.atrium.image.ImageDecoding;
import dev.atrium.image.ImageFacts;
import dev.atrium.image.ImageFormat;
import dev.atrium.image.ImageRefused;
import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.ProblemException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import net.coobird.thumbnailator.Thumbnails;
import org.springframework.stereotype.Component;

/**
 * Checks the {@code image} of an image target, cheapest checks first, so that nothing expensive is done with what is
 * refused anyway: the length of the base64 text, the base64 itself, the JPEG signature, then the JPEG's markers read
 * from its bytes by {@link ImageDecoding} without decoding any pixel (size, coding process, colour components, and
 * every scan, so that a JPEG of hundreds of scans is refused before it costs anything), and only then a full decode,
 * on the decoding pool and within its deadline, which proves the image is not damaged. The decode is subsampled to at
 * most {@value #DECODED_EDGE} pixels a side: every compressed block is still read (so a truncated or corrupt image is
 * caught) but a 4096×4096 image costs 3 MB of memory, not 48 MB. The decoded image then becomes the thumbnail, and
 * its features and tracking quality are computed from it on the same pool, within the same CPU limit. A PNG is
 * accepted too and stored as a JPEG ({@link #read}).
 */
@Component
class JpegCheck {

    /** 2.25 MB: the largest decoded image accepted, the limit AR services such as Vuforia set for a target. */
    static final long MAX_BYTES = 2_359_296;

    static final int MAX_EDGE = 4096;
    static final int DECODED_EDGE = 1024;
    static final int THUMBNAIL_EDGE = 240;

    static final double PNG_TO_JPEG_QUALITY = 0.92;

    private final ImageDecoding decoding;
    private final FeatureExtraction features = new FeatureExtraction();

    JpegCheck(ImageDecoding decoding) {
        this.decoding = decoding;
    }

    /**
     * The features of a JPEG that was checked when it was stored: decoded again, within the same bounds, for targets
     * stored before features were computed.
     */
    TargetAnalysis analyseStored(byte[] jpeg) {
        try {
            ImageFacts facts = decoding.inspect(jpeg, EnumSet.of(ImageFormat.JPEG));
            return decoding.decode(jpeg, facts, DECODED_EDGE, decoded -> features.analyse(decoded.image()));
        } catch (ImageRefused refused) {
            throw refusedWhileDecoding(refused, jpeg);
        }
    }

    CheckedJpeg check(String image) {
        byte[] bytes = bytesOf(image);
        if (startsWith(bytes, 0x89, 'P', 'N', 'G')) {
            return read(bytes, ImageFormat.PNG);
        }
        checkJpegSignature(bytes);
        return read(bytes, ImageFormat.JPEG);
    }

    /** A camera frame sent as base64 (a data URL too), checked as {@link #frame(byte[])}. */
    CheckedFrame frame(String image) {
        return frame(bytesOf(image));
    }

    /**
     * A camera frame to recognise targets in: refused as a target's image is (bytes, pixels, coding, damage, and the
     * decoding pool's CPU limit and deadline), but never stored, so neither re-encoded nor made a thumbnail of. Its
     * features are computed inside the decode, within the same limits.
     */
    CheckedFrame frame(byte[] bytes) {
        if (bytes.length == 0) {
            throw InvalidImage.notJpeg("an empty file");
        }
        if (bytes.length > MAX_BYTES) {
            throw InvalidImage.tooManyBytes(bytes.length, MAX_BYTES);
        }
        ImageFormat format = startsWith(bytes, 0x89, 'P', 'N', 'G') ? ImageFormat.PNG : ImageFormat.JPEG;
        if (format == ImageFormat.JPEG) {
            checkJpegSignature(bytes);
        }
        ImageFacts facts = inspected(bytes, format);
        if (facts.width() > MAX_EDGE || facts.height() > MAX_EDGE) {
            throw InvalidImage.tooManyPixels((int) facts.width(), (int) facts.height(), MAX_EDGE);
        }
        if (format == ImageFormat.JPEG) {
            checkFrame(facts);
        }
        try {
            return decoding.decode(bytes, facts, DECODED_EDGE, decoded -> {
                refuseDamaged(decoded.warnings());
                return new CheckedFrame(
                        (int) facts.width(), (int) facts.height(), features.analyseFrame(decoded.image()));
            });
        } catch (ImageRefused refused) {
            throw refusedWhileDecoding(refused, bytes);
        }
    }

    private static void checkJpegSignature(byte[] bytes) {
        if (bytes.length < 4 || (bytes[0] & 0xFF) != 0xFF || (bytes[1] & 0xFF) != 0xD8 || (bytes[2] & 0xFF) != 0xFF) {
            throw InvalidImage.notJpeg(describe(bytes));
        }
    }

    /**
     * An unusable colour profile is ignored and harms nothing; every other warning means lost pixels (ImageIO fills
     * what it cannot read with grey and only warns: a truncated image is damaged).
     */
    private static void refuseDamaged(List<String> warnings) {
        for (String warning : warnings) {
            if (!warning.contains("ICC")) {
                throw InvalidImage.damaged(warning);
            }
        }
    }

    /** The bytes of a base64 image, refused when too long before a byte of it is decoded. */
    private static byte[] bytesOf(String image) {
        String base64 = withoutDataPrefix(image);
        String compact = withoutWhitespace(base64);
        if (compact.isEmpty()) {
            throw InvalidImage.notBase64("it is empty");
        }
        // Three bytes for every four characters, less the padding: an image that is too large is refused before a
        // byte of it is decoded.
        long padding = compact.endsWith("==") ? 2 : compact.endsWith("=") ? 1 : 0;
        long decodedLength = compact.length() * 3L / 4 - padding;
        if (decodedLength > MAX_BYTES) {
            throw InvalidImage.tooManyBytes(decodedLength, MAX_BYTES);
        }
        return decodeBase64(compact);
    }

    /**
     * Reads a JPEG or a PNG the same way: its facts from its header, its size, and a decode within the bounds of every
     * image. A JPEG is stored as it was sent, so it is decoded subsampled ({@value #DECODED_EDGE} pixels a side at
     * most), only to prove it whole and to make the thumbnail and the features. A PNG is accepted as AR services
     * accept it and stored as a JPEG: it is decoded whole, laid on white where it is transparent, and encoded at
     * quality {@value #PNG_TO_JPEG_QUALITY}; that JPEG must then be within the same byte limit as one sent as it is.
     */
    private CheckedJpeg read(byte[] bytes, ImageFormat format) {
        ImageFacts facts = inspected(bytes, format);
        if (facts.width() > MAX_EDGE || facts.height() > MAX_EDGE) {
            throw InvalidImage.tooManyPixels((int) facts.width(), (int) facts.height(), MAX_EDGE);
        }
        boolean jpeg = format == ImageFormat.JPEG;
        if (jpeg) {
            checkFrame(facts);
        }
        try {
            return decoding.decode(bytes, facts, jpeg ? DECODED_EDGE : MAX_EDGE, decoded -> {
                refuseDamaged(decoded.warnings());
                BufferedImage image = jpeg ? decoded.image() : onWhite(decoded.image());
                byte[] stored = jpeg ? bytes : jpeg(image);
                if (stored.length > MAX_BYTES) {
                    throw InvalidImage.tooManyBytes(stored.length, MAX_BYTES);
                }
                return new CheckedJpeg(
                        stored, (int) facts.width(), (int) facts.height(), thumbnail(image), features.analyse(image));
            });
        } catch (ImageRefused refused) {
            throw refusedWhileDecoding(refused, bytes);
        }
    }

    private ImageFacts inspected(byte[] bytes, ImageFormat format) {
        try {
            return decoding.inspect(bytes, EnumSet.of(format));
        } catch (ImageRefused refused) {
            throw switch (refused.reason()) {
                case BAD_HEADER ->
                    InvalidImage.notJpeg("a file whose " + format.displayName() + " header cannot be read ("
                            + refused.getMessage() + ")");
                case UNSUPPORTED -> InvalidImage.notJpeg(refused.getMessage());
                default -> refusedWhileDecoding(refused, bytes);
            };
        }
    }

    private static BufferedImage onWhite(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = rgb.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return rgb;
    }

    private static byte[] jpeg(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            Thumbnails.of(image)
                    .scale(1)
                    .outputFormat("jpg")
                    .outputQuality(PNG_TO_JPEG_QUALITY)
                    .toOutputStream(out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    private static RuntimeException refusedWhileDecoding(ImageRefused refused, byte[] bytes) {
        ImageFacts facts = refused.facts();
        return switch (refused.reason()) {
            case NOT_AN_IMAGE, UNREADABLE -> InvalidImage.notJpeg(describe(bytes));
            case UNSUPPORTED, BAD_HEADER -> InvalidImage.notJpeg(refused.getMessage());
            case DAMAGED -> InvalidImage.damaged(refused.getMessage());
            case TOO_MANY_PIXELS ->
                facts == null
                        ? InvalidImage.damaged(refused.getMessage())
                        : InvalidImage.tooManyPixels((int) facts.width(), (int) facts.height(), MAX_EDGE);
            // The same shape as every other refusal of an image target, with a type of its own.
            case TOO_COSTLY -> {
                String detail = "The JPEG is too costly to decode: " + refused.getMessage();
                yield ProblemException.badRequest("image-too-costly", "Image too costly to decode", detail)
                        .with("errors", List.of(new FieldError("image", detail)));
            }
        };
    }

    /**
     * Only baseline (SOF0), extended sequential (SOF1) and progressive (SOF2) Huffman-coded 8-bit JPEGs with one (grey)
     * or three (colour) components: what every camera and browser writes, and what AR image recognition reads.
     * Lossless, arithmetic-coded, 12-bit and CMYK JPEGs are refused.
     */
    private static void checkFrame(ImageFacts facts) {
        if (facts.process() < 0 || facts.process() > 2) {
            throw InvalidImage.notJpeg("a JPEG of another coding process (" + facts.process() + ")");
        }
        if (facts.bitsPerSample() != 8) {
            throw InvalidImage.notJpeg("a JPEG of " + facts.bitsPerSample() + " bits per sample");
        }
        if (facts.components() != 1 && facts.components() != 3) {
            throw InvalidImage.notJpeg("a JPEG with " + facts.components()
                    + " colour components (CMYK?); only greyscale and RGB are accepted");
        }
    }

    private static byte[] thumbnail(BufferedImage decoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            Thumbnails.of(decoded)
                    .size(THUMBNAIL_EDGE, THUMBNAIL_EDGE)
                    .outputFormat("jpg")
                    .outputQuality(0.85)
                    .toOutputStream(out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    /** Accepts a data URL ({@code data:image/jpeg;base64,...}) as well as bare base64. */
    private static String withoutDataPrefix(String image) {
        if (!image.regionMatches(true, 0, "data:", 0, 5)) {
            return image;
        }
        int comma = image.indexOf(',');
        if (comma < 0) {
            throw InvalidImage.notBase64("the data URL has no ',' before its content");
        }
        String header = image.substring(5, comma);
        if (!header.toLowerCase().endsWith(";base64")) {
            throw InvalidImage.notBase64("the data URL does not say ';base64'");
        }
        return image.substring(comma + 1);
    }

    /** Base64 is often wrapped at 76 columns; line breaks and spaces are not part of it. */
    private static String withoutWhitespace(String text) {
        // Most images come unwrapped: four vectorised scans of megabytes of text cost less than one char-by-char loop
        // (which was the largest Java cost of an upload in a profile).
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf(' ') < 0 && text.indexOf('\t') < 0) {
            return text;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
            if (space && out == null) {
                out = new StringBuilder(text.length());
                out.append(text, 0, i);
            } else if (!space && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Standard base64, or its URL-safe alphabet; padding optional. Nothing else is skipped or guessed. */
    private static byte[] decodeBase64(String text) {
        boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
        try {
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
        } catch (IllegalArgumentException ex) {
            throw InvalidImage.notBase64(
                    ex.getMessage() == null ? "it cannot be decoded" : lowerFirst(ex.getMessage()));
        }
    }

    /** What a file that is not a JPEG is instead, for the error message. */
    static String describe(byte[] bytes) {
        if (startsWith(bytes, 'G', 'I', 'F', '8')) {
            return "a GIF image";
        }
        if (startsWith(bytes, 'R', 'I', 'F', 'F') && bytes.length >= 12 && bytes[8] == 'W' && bytes[9] == 'E') {
            return "a WebP image";
        }
        if (startsWith(bytes, 'B', 'M')) {
            return "a BMP image";
        }
        if (startsWith(bytes, 'I', 'I', 42) || startsWith(bytes, 'M', 'M', 0, 42)) {
            return "a TIFF image";
        }
        if (startsWith(bytes, '%', 'P', 'D', 'F')) {
            return "a PDF document";
        }
        if (bytes.length >= 12 && bytes[4] == 'f' && bytes[5] == 't' && bytes[6] == 'y' && bytes[7] == 'p') {
            return "an HEIC/AVIF or MP4 file";
        }
        if (startsWith(bytes, '<')) {
            return "text (HTML, XML or SVG?)";
        }
        return "something else";
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
