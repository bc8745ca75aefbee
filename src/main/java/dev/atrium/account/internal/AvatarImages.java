package dev.atrium.account.internal;

import dev.atrium.image.DecodedImage;
import dev.atrium.image.ImageDecoding;
import dev.atrium.image.ImageFacts;
import dev.atrium.image.ImageFormat;
import dev.atrium.image.ImageRefused;
import dev.atrium.shared.problem.ProblemException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an uploaded image into a small, clean avatar: a JPEG that fits within 200×200 pixels, upright, without any of
 * the original's metadata (camera, place, time).
 *
 * <p>Uploads are hostile until proven otherwise. The format is recognised from the bytes (JPEG, PNG or WebP), never
 * from the name or the declared type. {@link ImageDecoding} refuses from the header alone what would cost too much to
 * decode (a decompression bomb of 50000×50000 pixels, a progressive JPEG with hundreds of scans), decodes on its own
 * bounded pool of threads with a deadline, and subsamples large images straight to about four times the avatar's size,
 * so that a 40-megapixel photo takes a few megabytes of memory instead of 160. A decoder that warns (a truncated JPEG
 * decodes to grey without failing) counts as a failure.
 */
@Component
public class AvatarImages {

    private static final Log log = LogFactory.getLog(AvatarImages.class);

    /** The avatar fits within a square of this side. */
    public static final int MAX_SIDE = 200;
    /** Images with more pixels than this are refused from their header, before decoding. */
    public static final long MAX_PIXELS = ImageDecoding.MAX_PIXELS;
    /** Uploads larger than this are refused (the multipart limit says the same). */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    /** Decode no more than this many times the avatar's side; the resize then has real pixels to average. */
    private static final int DECODE_SIDE = 4 * MAX_SIDE;

    private static final float JPEG_QUALITY = 0.85f;

    private static final Set<ImageFormat> FORMATS = EnumSet.of(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.WEBP);

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
        try {
            ImageFacts facts = decoding.inspect(upload, FORMATS);
            return decoding.decode(upload, facts, DECODE_SIDE, decoded -> encode(resize(flatten(upright(decoded)))));
        } catch (ImageRefused refused) {
            throw rejected(refused);
        }
    }

    private static RuntimeException rejected(ImageRefused refused) {
        ImageFacts facts = refused.facts();
        return switch (refused.reason()) {
            case NOT_AN_IMAGE -> AvatarRejected.notAnImage();
            case UNREADABLE ->
                AvatarRejected.unreadable(
                        facts == null ? "These" : facts.format().displayName());
            case UNSUPPORTED, BAD_HEADER, DAMAGED -> AvatarRejected.damaged();
            case TOO_MANY_PIXELS ->
                facts == null
                        ? AvatarRejected.damaged()
                        : AvatarRejected.tooManyPixels(facts.width(), facts.height(), MAX_PIXELS);
            // The same shape as every other refusal of an avatar, with a type of its own.
            case TOO_COSTLY ->
                ProblemException.badRequest(
                                "image-too-costly",
                                "Image too costly to decode",
                                "The avatar image is too costly to decode: " + refused.getMessage())
                        .with("field", "avatar");
        };
    }

    /** Turned as its EXIF data says; refused when the decoder warned, since it then filled lost pixels with grey. */
    private static BufferedImage upright(DecodedImage decoded) {
        if (!decoded.warnings().isEmpty()) {
            log.debug("Refused an avatar the decoder warned about: " + decoded.warnings());
            throw AvatarRejected.damaged();
        }
        Orientation orientation = decoded.orientation();
        if (orientation != null && orientation != Orientation.TOP_LEFT) {
            return ExifFilterUtils.getFilterForOrientation(orientation).apply(decoded.image());
        }
        return decoded.image();
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
