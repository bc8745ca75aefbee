package dev.atrium.image;

import java.io.ByteArrayOutputStream;

/**
 * Images made to cost a decoder as much as possible for as few bytes as possible, written byte by byte: every scan is
 * valid (the progression rules hold, so no decoder warns), yet each one makes ImageIO's JPEG reader decode the whole
 * image again. The picture is flat grey, so every AC coefficient is zero and a scan is a handful of end-of-band runs.
 */
public final class HostileImages {

    private HostileImages() {}

    /**
     * Writes one such JPEG, for the benchmarks: {@code java src/test/java/dev/atrium/image/HostileImages.java
     * <side> <scans> <file>}.
     */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Files.write(
                java.nio.file.Path.of(args[2]), progressiveJpeg(Integer.parseInt(args[0]), Integer.parseInt(args[1])));
    }

    /**
     * A progressive colour JPEG of {@code side}×{@code side} pixels (three components, no subsampling) with one DC scan
     * and then AC scans of one coefficient each, every one first sent at a low precision and then refined bit by bit,
     * until it has {@code scans} scans in all (at most 1 + 3 × 63 × 14).
     */
    public static byte[] progressiveJpeg(int side, int scans) {
        return progressiveJpeg(side, side, 3, scans);
    }

    public static byte[] progressiveJpeg(int width, int height, int components, int scans) {
        if (scans < 1 || scans > 1 + components * 63 * 14) {
            throw new IllegalArgumentException("between 1 and " + (1 + components * 63 * 14) + " scans");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        marker(out, 0xD8);
        // One quantisation table of ones.
        segment(out, 0xDB, concat(new byte[] {0}, filled(64, 1)));
        // SOF2: progressive, 8 bits, one 1×1-sampled component after another, all on table 0.
        byte[] frame = new byte[6 + 3 * components];
        frame[0] = 8;
        frame[1] = (byte) (height >> 8);
        frame[2] = (byte) height;
        frame[3] = (byte) (width >> 8);
        frame[4] = (byte) width;
        frame[5] = (byte) components;
        for (int c = 0; c < components; c++) {
            frame[6 + 3 * c] = (byte) (c + 1);
            frame[7 + 3 * c] = 0x11;
            frame[8 + 3 * c] = 0;
        }
        segment(out, 0xC2, frame);
        // DC table 0: one code, "0", for a difference of 0. AC table 0: EOB0..EOB14 as the 4-bit codes 0..14.
        byte[] dc = new byte[1 + 16 + 1];
        dc[0] = 0x00;
        dc[1] = 1;
        dc[17] = 0;
        byte[] ac = new byte[1 + 16 + 15];
        ac[0] = 0x10;
        ac[4] = 15;
        for (int n = 0; n < 15; n++) {
            ac[17 + n] = (byte) (n << 4);
        }
        segment(out, 0xC4, concat(dc, ac));

        int blocks = ((width + 7) / 8) * ((height + 7) / 8);
        // The DC scan, all components interleaved, full precision: every block's difference is 0.
        byte[] dcScan = new byte[1 + 2 * components + 3];
        dcScan[0] = (byte) components;
        for (int c = 0; c < components; c++) {
            dcScan[1 + 2 * c] = (byte) (c + 1);
            dcScan[2 + 2 * c] = 0x00;
        }
        segment(out, 0xDA, dcScan);
        Bits dcBits = new Bits(out);
        for (long i = 0; i < (long) blocks * components; i++) {
            dcBits.write(0, 1);
        }
        dcBits.flush();

        int written = 1;
        outer:
        for (int c = 0; c < components; c++) {
            for (int k = 1; k <= 63; k++) {
                for (int step = 0; step < 14; step++) {
                    if (written == scans) {
                        break outer;
                    }
                    // First Al = 13, then refinements 13→12, ..., 1→0.
                    int ah = step == 0 ? 0 : 14 - step;
                    int al = 13 - step;
                    segment(out, 0xDA, new byte[] {1, (byte) (c + 1), 0x00, (byte) k, (byte) k, (byte) (ah << 4 | al)});
                    Bits bits = new Bits(out);
                    for (int left = blocks; left > 0; ) {
                        int run = Math.min(left, 32767);
                        int n = 31 - Integer.numberOfLeadingZeros(run);
                        bits.write(n, 4);
                        bits.write(run - (1 << n), n);
                        left -= run;
                    }
                    bits.flush();
                    written++;
                }
            }
        }
        marker(out, 0xD9);
        return out.toByteArray();
    }

    /** Only the frame header of a progressive JPEG: what a refusal from the header should be able to stop at. */
    public static byte[] frameHeaderOnly(int width, int height, int components) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        marker(out, 0xD8);
        byte[] frame = new byte[6 + 3 * components];
        frame[0] = 8;
        frame[1] = (byte) (height >> 8);
        frame[2] = (byte) height;
        frame[3] = (byte) (width >> 8);
        frame[4] = (byte) width;
        frame[5] = (byte) components;
        for (int c = 0; c < components; c++) {
            frame[6 + 3 * c] = (byte) (c + 1);
            frame[7 + 3 * c] = 0x11;
        }
        segment(out, 0xC2, frame);
        marker(out, 0xD9);
        return out.toByteArray();
    }

    private static void marker(ByteArrayOutputStream out, int code) {
        out.write(0xFF);
        out.write(code);
    }

    private static void segment(ByteArrayOutputStream out, int code, byte[] body) {
        marker(out, code);
        out.write((body.length + 2) >> 8);
        out.write(body.length + 2);
        out.writeBytes(body);
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Entropy-coded bits, most significant first, with a 0 stuffed after every 0xFF and 1s padding the last byte. */
    private static final class Bits {
        private final ByteArrayOutputStream out;
        private int current;
        private int count;

        Bits(ByteArrayOutputStream out) {
            this.out = out;
        }

        void write(int value, int length) {
            for (int i = length - 1; i >= 0; i--) {
                current = current << 1 | ((value >> i) & 1);
                if (++count == 8) {
                    emit();
                }
            }
        }

        void flush() {
            while (count != 0) {
                write(1, 1);
            }
        }

        private void emit() {
            out.write(current);
            if (current == 0xFF) {
                out.write(0);
            }
            current = 0;
            count = 0;
        }
    }
}
