package dev.atrium.ar.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The features of an image target: the size of the image they were found on (the target downscaled to at most
 * {@value FeatureExtraction#MAX_EDGE} pixels a side) and, for each feature, its position in that image and its SURF
 * descriptor quantised to 64 signed bytes ({@link FeatureExtraction#QUANTISATION}). Features are kept level by
 * level (the full-size image first, then {@link FeatureExtraction#PYRAMID}), strongest first within each.
 *
 * <p>{@link #encoded()} is the stored form, big-endian: u16 format version ({@value #FORMAT_VERSION}), u16 descriptor
 * length ({@value #DESCRIPTOR_LENGTH}), i32 width, i32 height, i32 count, then per feature f32 x, f32 y and the
 * descriptor's bytes. The arrays are shared, not copied: nothing changes them once made.
 */
record TargetFeatures(int width, int height, float[] xs, float[] ys, byte[] descriptors) {

    static final int FORMAT_VERSION = 1;
    static final int DESCRIPTOR_LENGTH = 64;
    private static final int HEADER_BYTES = 2 + 2 + 4 + 4 + 4;
    private static final int FEATURE_BYTES = 4 + 4 + DESCRIPTOR_LENGTH;

    TargetFeatures {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("the image size must be positive, not " + width + "×" + height);
        }
        if (xs.length != ys.length || descriptors.length != xs.length * DESCRIPTOR_LENGTH) {
            throw new IllegalArgumentException("positions and descriptors disagree on the number of features");
        }
    }

    int count() {
        return xs.length;
    }

    byte[] encoded() {
        ByteBuffer out =
                ByteBuffer.allocate(HEADER_BYTES + count() * FEATURE_BYTES).order(ByteOrder.BIG_ENDIAN);
        out.putShort((short) FORMAT_VERSION).putShort((short) DESCRIPTOR_LENGTH);
        out.putInt(width).putInt(height).putInt(count());
        for (int i = 0; i < count(); i++) {
            out.putFloat(xs[i]).putFloat(ys[i]).put(descriptors, i * DESCRIPTOR_LENGTH, DESCRIPTOR_LENGTH);
        }
        return out.array();
    }

    /**
     * Reads {@link #encoded()} bytes back. Anything else is refused with an {@link IllegalArgumentException} before
     * any array is allocated, and no array is larger than the input's own length justifies.
     */
    static TargetFeatures decoded(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_BYTES) {
            throw new IllegalArgumentException("target features are shorter than their header");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        int version = Short.toUnsignedInt(in.getShort());
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException(
                    "target features of format version " + version + ", not " + FORMAT_VERSION);
        }
        int descriptorLength = Short.toUnsignedInt(in.getShort());
        if (descriptorLength != DESCRIPTOR_LENGTH) {
            throw new IllegalArgumentException(
                    "target features with descriptors of " + descriptorLength + " bytes, not " + DESCRIPTOR_LENGTH);
        }
        int width = in.getInt();
        int height = in.getInt();
        int count = in.getInt();
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("target features of an image of " + width + "×" + height);
        }
        // Checked against what is left before anything is allocated: a forged count costs nothing.
        if (count < 0 || (long) count * FEATURE_BYTES != in.remaining()) {
            throw new IllegalArgumentException(
                    "target features say " + count + " features but hold " + in.remaining() + " bytes for them");
        }
        float[] xs = new float[count];
        float[] ys = new float[count];
        byte[] descriptors = new byte[count * DESCRIPTOR_LENGTH];
        for (int i = 0; i < count; i++) {
            xs[i] = in.getFloat();
            ys[i] = in.getFloat();
            if (!Float.isFinite(xs[i]) || !Float.isFinite(ys[i])) {
                throw new IllegalArgumentException("target feature " + i + " has no finite position");
            }
            in.get(descriptors, i * DESCRIPTOR_LENGTH, DESCRIPTOR_LENGTH);
        }
        return new TargetFeatures(width, height, xs, ys, descriptors);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TargetFeatures that
                && width == that.width
                && height == that.height
                && Arrays.equals(xs, that.xs)
                && Arrays.equals(ys, that.ys)
                && Arrays.equals(descriptors, that.descriptors);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(descriptors);
    }

    @Override
    public String toString() {
        return "TargetFeatures[" + width + "×" + height + ", " + count() + " features]";
    }
}
