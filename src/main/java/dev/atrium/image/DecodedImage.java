package dev.atrium.image;

import java.awt.image.BufferedImage;
import java.util.List;
import net.coobird.thumbnailator.util.exif.Orientation;
import org.jspecify.annotations.Nullable;

/**
 * An image decoded (subsampled when large), with what the decoder warned about (a truncated JPEG decodes to grey with
 * a warning only; each path decides what a warning means to it) and, for a JPEG, the orientation its EXIF data gives.
 */
public record DecodedImage(
        ImageFacts facts,
        BufferedImage image,
        List<String> warnings,
        @Nullable Orientation orientation) {}
