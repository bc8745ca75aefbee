package dev.atrium.ar.internal;

import boofcv.abst.feature.detdesc.DetectDescribePoint;
import boofcv.abst.feature.detect.extract.ConfigExtract;
import boofcv.abst.feature.detect.interest.ConfigFastHessian;
import boofcv.alg.filter.misc.AverageDownSampleOps;
import boofcv.factory.feature.detdesc.FactoryDetectDescribe;
import boofcv.factory.feature.detect.selector.ConfigSelectLimit;
import boofcv.struct.feature.TupleDesc_F64;
import boofcv.struct.image.GrayF32;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * Finds the features of an image target with SURF (BoofCV's fast variant) and rates how well it can be tracked. The
 * image is turned to grey by its luminance and downscaled so that its longer side is at most {@value #MAX_EDGE}
 * pixels, which bounds the cost whatever the upload. A target keeps its {@value #MAX_FEATURES} strongest features and
 * those of its image halved and quartered ({@link #PYRAMID}); a camera frame its {@value #FRAME_FEATURES} strongest,
 * to be matched against them.
 *
 * <p>Thread-safe: each call makes its own detector (a few small buffers), so calls may run side by side.
 */
final class FeatureExtraction {

    static final int MAX_EDGE = 640;
    static final int MAX_FEATURES = 300;

    /**
     * SURF descriptors are unit vectors of 64 values. Measured over the test photos, half the values are within
     * ±0.034, 99 % within ±0.46 and 99.9 % within ±0.62 (the largest 0.8): this factor puts that 99.9th percentile at
     * the end of the bytes' range, so one value in a thousand is clipped, and a step of 0.005 costs nothing next to
     * the distances of 0.1 and more that tell features apart.
     */
    static final float QUANTISATION = 200f;

    /**
     * The features found again on the target halved and quartered, strongest first, as many at each level. A target
     * far from the camera, a fifth of the frame, shows only its coarse structure, which the finest
     * {@value #MAX_FEATURES} at full size miss; these are what a small target in a frame is recognised by.
     */
    static final int[] PYRAMID = {150, 75};

    /** The way features are extracted now, as {@code image_target_features.extraction} records it. */
    static final int EXTRACTION = 2;

    /** The most features a target has: its own and those of the smaller levels. */
    static final int MAX_TARGET_FEATURES = MAX_FEATURES + Arrays.stream(PYRAMID).sum();

    /**
     * The most features of a camera frame: more than a target's, as the target may fill a fifth of it and the rest is
     * clutter with features as strong.
     */
    static final int FRAME_FEATURES = 1000;

    /**
     * The features of an image target, at full size and at the levels of {@link #PYRAMID}, all placed in the pixels
     * of the full-size analysed image; and its tracking quality, rated on the full size alone.
     */
    TargetAnalysis analyse(BufferedImage image) {
        GrayF32 grey = downscaled(luminance(image));
        TargetFeatures full = detected(grey, MAX_FEATURES);
        TargetFeatures all = full;
        int factor = 1;
        for (int level : PYRAMID) {
            factor *= 2;
            GrayF32 smaller = new GrayF32(Math.max(1, grey.width / factor), Math.max(1, grey.height / factor));
            AverageDownSampleOps.down(grey, smaller);
            all = joined(
                    all,
                    detected(smaller, level),
                    grey.width / (float) smaller.width,
                    grey.height / (float) smaller.height);
        }
        return new TargetAnalysis(all, TrackingQuality.of(full, grey));
    }

    /** The features of a camera frame, downscaled as a target is, to match against targets' features. */
    TargetFeatures analyseFrame(BufferedImage image) {
        return detected(downscaled(luminance(image)), FRAME_FEATURES);
    }

    /** {@code more}'s features after {@code features}', their positions scaled into {@code features}' image. */
    private static TargetFeatures joined(TargetFeatures features, TargetFeatures more, float scaleX, float scaleY) {
        int count = features.count() + more.count();
        float[] xs = Arrays.copyOf(features.xs(), count);
        float[] ys = Arrays.copyOf(features.ys(), count);
        byte[] descriptors = Arrays.copyOf(features.descriptors(), count * TargetFeatures.DESCRIPTOR_LENGTH);
        for (int i = 0; i < more.count(); i++) {
            xs[features.count() + i] = more.xs()[i] * scaleX;
            ys[features.count() + i] = more.ys()[i] * scaleY;
        }
        System.arraycopy(more.descriptors(), 0, descriptors, features.descriptors().length, more.descriptors().length);
        return new TargetFeatures(features.width(), features.height(), xs, ys, descriptors);
    }

    /** The {@code max} strongest SURF features of the image, positions in its pixels. */
    private static TargetFeatures detected(GrayF32 grey, int max) {
        DetectDescribePoint<GrayF32, TupleDesc_F64> surf =
                FactoryDetectDescribe.surfFast(detectorConfig(max), null, null, GrayF32.class);
        surf.detect(grey);
        int count = surf.getNumberOfFeatures();
        float[] xs = new float[count];
        float[] ys = new float[count];
        byte[] descriptors = new byte[count * TargetFeatures.DESCRIPTOR_LENGTH];
        for (int i = 0; i < count; i++) {
            xs[i] = (float) surf.getLocation(i).x;
            ys[i] = (float) surf.getLocation(i).y;
            double[] values = surf.getDescription(i).data;
            for (int j = 0; j < TargetFeatures.DESCRIPTOR_LENGTH; j++) {
                descriptors[i * TargetFeatures.DESCRIPTOR_LENGTH + j] = quantised(values[j]);
            }
        }
        return new TargetFeatures(grey.width, grey.height, xs, ys, descriptors);
    }

    /**
     * A low extraction threshold finds features even in soft photos; the strongest {@code max} win, so a busy image
     * is not slowed down by the threshold being low.
     */
    private static ConfigFastHessian detectorConfig(int max) {
        ConfigFastHessian config = new ConfigFastHessian();
        config.extract = new ConfigExtract(2, 1f);
        config.maxFeaturesAll = max;
        config.selector = ConfigSelectLimit.selectBestN();
        return config;
    }

    static byte quantised(double value) {
        long scaled = Math.round(value * QUANTISATION);
        return (byte) Math.max(-127, Math.min(127, scaled));
    }

    /**
     * Grey by the Rec. 601 luminance, 0 to 255. A greyscale image is read from its raster as it is: going through
     * getRGB would convert its linear grey to sRGB and brighten every pixel.
     */
    static GrayF32 luminance(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        GrayF32 grey = new GrayF32(width, height);
        Raster raster = image.getRaster();
        boolean plainGrey = raster.getNumBands() == 1
                && image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && raster.getSampleModel().getSampleSize(0) == 8;
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            int offset = y * width;
            if (plainGrey) {
                raster.getSamples(0, y, width, 1, 0, row);
                for (int x = 0; x < width; x++) {
                    grey.data[offset + x] = row[x];
                }
            } else {
                image.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    int rgb = row[x];
                    grey.data[offset + x] =
                            0.299f * ((rgb >> 16) & 0xFF) + 0.587f * ((rgb >> 8) & 0xFF) + 0.114f * (rgb & 0xFF);
                }
            }
        }
        return grey;
    }

    /** Averages the pixels each smaller pixel covers, so that nothing aliases; a small image is left as it is. */
    static GrayF32 downscaled(GrayF32 grey) {
        int longer = Math.max(grey.width, grey.height);
        if (longer <= MAX_EDGE) {
            return grey;
        }
        double scale = MAX_EDGE / (double) longer;
        int width = Math.max(1, (int) Math.round(grey.width * scale));
        int height = Math.max(1, (int) Math.round(grey.height * scale));
        GrayF32 smaller = new GrayF32(width, height);
        AverageDownSampleOps.down(grey, smaller);
        return smaller;
    }
}
