package dev.atrium.account.internal;

import dev.atrium.account.AvatarRejected;
import dev.atrium.shared.image.ImageDecoding;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns an uploaded image into a small, clean avatar: a JPEG that fits within 200×200 pixels, upright, without any of
 * the original's metadata (camera, place, time).
 *
 * <p>Uploads are hostile until proven otherwise. The format is recognised from the bytes, never from the name or the
 * declared type. The pixel count is read from the header and checked before anything is decoded, so that a small file
 * claiming to be 50000×50000 (a decompression bomb) costs nothing. Large images are decoded subsampled, straight to
 * about four times the avatar's size, so that a 40-megapixel photo takes a few megabytes of memory instead of 160.
 * A decoder that warns (a truncated JPEG decodes to grey without failing) counts as a failure. Decoding is CPU-bound,
 * so only as many run at once as there are cores.
 */
@Component
public class AvatarImages {

    private static final Log log = LogFactory.getLog(AvatarImages.class);

    /** The avatar fits within a square of this side. */
    public static final int MAX_SIDE = 200;
    /** Images with more pixels than this are refused from their header, before decoding. */
    public static final long MAX_PIXELS = 40_000_000L;
    /** Uploads larger than this are refused (the multipart limit says the same). */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    /** Decode no more than this many times the avatar's side; the resize then has real pixels to average. */
    private static final int DECODE_SIDE = 4 * MAX_SIDE;

    private static final float JPEG_QUALITY = 0.85f;

    enum Format {
        JPEG("jpeg", "JPEG"),
        PNG("png", "PNG"),
        WEBP("webp", "WebP");

        final String imageIoName;
        final String displayName;

        Format(String imageIoName, String displayName) {
            this.imageIoName = imageIoName;
            this.displayName = displayName;
        }
    }

    private final ImageDecoding decoding;

    AvatarImages(ImageDecoding decoding) {
        this.decoding = decoding;
    }

    /**
     * The avatar's JPEG.
     *
     * @throws AvatarRejected when the bytes are not a readable JPEG, PNG or WebP image within the limits
     */
    public byte[] process(byte[] upload) {
        Format format = sniff(upload);
        if (format == null) {
            throw AvatarRejected.notAnImage();
        }
        ImageReader reader = readerFor(format);
        try {
            return decoding.bounded(() -> encode(resize(flatten(decode(reader, format, upload)))));
        } finally {
            reader.dispose();
        }
    }

    /** The format named by the file's first bytes (its magic number), or null for anything else. */
    static @Nullable Format sniff(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return Format.JPEG;
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (startsWith(bytes, png, 0)) {
            return Format.PNG;
        }
        if (startsWith(bytes, new byte[] {'R', 'I', 'F', 'F'}, 0)
                && startsWith(bytes, new byte[] {'W', 'E', 'B', 'P'}, 8)) {
            return Format.WEBP;
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix, int at) {
        if (bytes.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Only the reader of the recognised format: ImageIO would otherwise guess, and read formats we never meant to. */
    private static ImageReader readerFor(Format format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName);
        if (!readers.hasNext()) {
            throw AvatarRejected.unreadable(format.displayName);
        }
        return readers.next();
    }

    private static BufferedImage decode(ImageReader reader, Format format, byte[] upload) {
        List<String> warnings = new ArrayList<>();
        // In memory: ImageIO's default stream would copy the upload to a temporary file first.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, false, false);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            // The header alone: nothing has been decoded yet.
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw AvatarRejected.damaged();
            }
            if (width * height > MAX_PIXELS) {
                throw AvatarRejected.tooManyPixels(width, height, MAX_PIXELS);
            }
            Orientation orientation = format == Format.JPEG ? ExifUtils.getExifOrientation(reader, 0) : null;
            ImageReadParam param = reader.getDefaultReadParam();
            int step = (int) Math.max(1, Math.max(width, height) / DECODE_SIDE);
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            if (!warnings.isEmpty()) {
                log.debug("Refused an avatar the decoder warned about: " + warnings);
                throw AvatarRejected.damaged();
            }
            if (orientation != null && orientation != Orientation.TOP_LEFT) {
                image = ExifFilterUtils.getFilterForOrientation(orientation).apply(image);
            }
            return image;
        } catch (AvatarRejected ex) {
            throw ex;
        } catch (IOException | RuntimeException ex) {
            // Decoders fed hostile bytes fail in many ways (IIOException, index and size errors); all mean "damaged".
            log.debug("Refused an avatar that could not be decoded: " + ex);
            throw AvatarRejected.damaged();
        }
    }

    /** Onto white, in plain RGB: JPEG has no transparency, and grey, indexed or 16-bit images become ordinary ones. */
    private static BufferedImage flatten(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = rgb.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return rgb;
    }

    /** Fits the image within the square, keeping its proportions; a smaller image keeps its size. */
    private static BufferedImage resize(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(width, height));
        if (scale == 1.0) {
            return image;
        }
        int targetWidth = Math.clamp(Math.round(width * scale), 1, MAX_SIDE);
        int targetHeight = Math.clamp(Math.round(height * scale), 1, MAX_SIDE);
        try {
            return Thumbnails.of(image).forceSize(targetWidth, targetHeight).asBufferedImage();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A fresh JPEG: only what the pixels need, none of the upload's metadata. */
    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
