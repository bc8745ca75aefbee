package dev.atrium.ar.internal;

import dev.atrium.ar.InvalidImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import net.coobird.thumbnailator.Thumbnails;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Checks the {@code image} of an image target, cheapest checks first, so that nothing expensive is done with what is
 * refused anyway: the length of the base64 text, the base64 itself, the JPEG signature, then the JPEG header (size in
 * pixels, coding process, colour components) read by ImageIO without decoding any pixel, and only then a full decode,
 * which proves the image is not damaged. The decode is subsampled to at most {@value #DECODED_EDGE} pixels a side: every
 * compressed block is still read (so a truncated or corrupt image is caught) but a 4096×4096 image costs 3 MB of memory,
 * not 48 MB. The decoded image then becomes the thumbnail.
 */
@Component
class JpegCheck {

    /** 2.25 MB: the largest decoded image accepted, the limit AR services such as Vuforia set for a target. */
    static final long MAX_BYTES = 2_359_296;

    static final int MAX_EDGE = 4096;
    static final int DECODED_EDGE = 1024;
    static final int THUMBNAIL_EDGE = 240;

    private static final String NATIVE_FORMAT = "javax_imageio_jpeg_image_1.0";

    CheckedJpeg check(String image) {
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
        byte[] bytes = decodeBase64(compact);
        if (bytes.length < 4 || (bytes[0] & 0xFF) != 0xFF || (bytes[1] & 0xFF) != 0xD8 || (bytes[2] & 0xFF) != 0xFF) {
            throw InvalidImage.notJpeg(describe(bytes));
        }
        return readJpeg(bytes);
    }

    private static CheckedJpeg readJpeg(byte[] bytes) {
        ImageReader reader = jpegReader();
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> {
            // An unusable colour profile is ignored and harms nothing; every other warning means lost pixels.
            if (!warning.contains("ICC")) {
                warnings.add(warning);
            }
        });
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, false);
            int width;
            int height;
            Node header;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
                header = reader.getImageMetadata(0).getAsTree(NATIVE_FORMAT);
            } catch (IIOException | RuntimeException ex) {
                // Damaged headers make ImageIO's reader throw all kinds of runtime exceptions, not only IIOException.
                throw InvalidImage.notJpeg("a file whose JPEG header cannot be read (" + reason(ex) + ")");
            }
            if (width > MAX_EDGE || height > MAX_EDGE) {
                throw InvalidImage.tooManyPixels(width, height, MAX_EDGE);
            }
            if (width < 1 || height < 1) {
                throw InvalidImage.damaged("the header gives no size in pixels");
            }
            checkFrame(header);
            BufferedImage decoded;
            try {
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, (Math.max(width, height) + DECODED_EDGE - 1) / DECODED_EDGE);
                param.setSourceSubsampling(step, step, 0, 0);
                decoded = reader.read(0, param);
            } catch (IIOException ex) {
                throw InvalidImage.damaged(reason(ex));
            } catch (RuntimeException ex) {
                // The decoder's own failures (an index out of range, say) say nothing useful to the caller.
                throw InvalidImage.damaged("its compressed data is corrupt");
            }
            if (!warnings.isEmpty()) {
                // ImageIO fills what it cannot read with grey and only warns: a truncated image is damaged.
                throw InvalidImage.damaged(warnings.getFirst());
            }
            return new CheckedJpeg(bytes, width, height, thumbnail(decoded));
        } catch (IOException ex) {
            throw InvalidImage.damaged(reason(ex));
        } finally {
            reader.dispose();
        }
    }

    /**
     * Only baseline (SOF0), extended sequential (SOF1) and progressive (SOF2) Huffman-coded JPEGs with one (grey) or
     * three (colour) components: what every camera and browser writes, and what AR image recognition reads. Lossless,
     * arithmetic-coded and 12-bit JPEGs are refused by ImageIO's header reader already; CMYK ones are refused here.
     */
    private static void checkFrame(Node header) {
        @Nullable Node sof = find(header, "sof");
        if (sof == null) {
            throw InvalidImage.notJpeg("a JPEG without a frame header");
        }
        NamedNodeMap attributes = sof.getAttributes();
        int process = intAttribute(attributes, "process");
        if (process < 0 || process > 2) {
            throw InvalidImage.notJpeg("a JPEG of another coding process (" + process + ")");
        }
        int components = intAttribute(attributes, "numFrameComponents");
        if (components != 1 && components != 3) {
            throw InvalidImage.notJpeg(
                    "a JPEG with " + components + " colour components (CMYK?); only greyscale and RGB are accepted");
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
        if (startsWith(bytes, 0x89, 'P', 'N', 'G')) {
            return "a PNG image";
        }
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

    private static ImageReader jpegReader() {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            throw new IllegalStateException("This JDK has no JPEG reader");
        }
        return readers.next();
    }

    private static @Nullable Node find(Node node, String name) {
        if (name.equals(node.getNodeName())) {
            return node;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            @Nullable Node found = find(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static int intAttribute(NamedNodeMap attributes, String name) {
        Node attribute = attributes.getNamedItem(name);
        if (attribute == null) {
            return -1;
        }
        try {
            return Integer.parseInt(attribute.getNodeValue());
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

    private static String reason(Exception ex) {
        String message = ex.getMessage();
        return message == null || message.isBlank() ? "the data cannot be read" : lowerFirst(message);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
