package dev.atrium.ar.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Camera frames made from image targets, for recognition: a target warped in perspective onto a cluttered background,
 * then blurred, noised or relit as a phone's camera would. Every frame knows where the target's four corners truly
 * are, so that what recognition reports can be checked against it.
 */
public final class CameraFrames {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;

    private CameraFrames() {}

    /** A frame and the target's true corners in it (top left, top right, bottom right, bottom left), if it shows one. */
    public record Frame(BufferedImage image, List<ImagePoint> corners) {}

    /** What a frame does to the target it shows. */
    public record Distortion(
            String kind,
            String name,
            double widthShare,
            double tiltDegrees,
            double turnDegrees,
            double blur,
            double noise,
            double light) {

        public static Distortion plain(String kind, String name) {
            return new Distortion(kind, name, 0.6, 0, 0, 0, 0, 1);
        }

        public Distortion width(double share) {
            return new Distortion(kind, name, share, tiltDegrees, turnDegrees, blur, noise, light);
        }

        public Distortion tilt(double degrees) {
            return new Distortion(kind, name, widthShare, degrees, turnDegrees, blur, noise, light);
        }

        public Distortion turn(double degrees) {
            return new Distortion(kind, name, widthShare, tiltDegrees, degrees, blur, noise, light);
        }

        public Distortion blurred(double sigma) {
            return new Distortion(kind, name, widthShare, tiltDegrees, turnDegrees, sigma, noise, light);
        }

        public Distortion noisy(double sigma) {
            return new Distortion(kind, name, widthShare, tiltDegrees, turnDegrees, blur, sigma, light);
        }

        public Distortion lit(double factor) {
            return new Distortion(kind, name, widthShare, tiltDegrees, turnDegrees, blur, noise, factor);
        }
    }

    /**
     * The distortions measured: tilt up to 45°, scale 20 to 100 % of the frame, rotation, blur, noise, light and clutter,
     * each kind up to its hardest, and all at once.
     */
    public static List<Distortion> distortions() {
        return List.of(
                Distortion.plain("perspective", "tilt 15°").tilt(15),
                Distortion.plain("perspective", "tilt 30°").tilt(30),
                Distortion.plain("perspective", "tilt 45°").tilt(45),
                Distortion.plain("perspective", "tilt 45°, other axis").tilt(-45),
                Distortion.plain("scale", "100 % of the frame").width(1.0),
                Distortion.plain("scale", "50 %").width(0.5),
                Distortion.plain("scale", "35 %").width(0.35),
                Distortion.plain("scale", "20 %").width(0.2),
                Distortion.plain("rotation", "30°").turn(30),
                Distortion.plain("rotation", "90°").turn(90),
                Distortion.plain("rotation", "135°").turn(135),
                Distortion.plain("rotation", "200°").turn(200),
                Distortion.plain("blur", "σ 1 px").blurred(1),
                Distortion.plain("blur", "σ 2 px").blurred(2),
                Distortion.plain("noise", "σ 10").noisy(10),
                Distortion.plain("noise", "σ 20").noisy(20),
                Distortion.plain("light", "half as bright").lit(0.5),
                Distortion.plain("light", "1.6× as bright").lit(1.6),
                Distortion.plain("light", "a third as bright").lit(0.33),
                Distortion.plain("clutter", "30 % on clutter").width(0.3),
                Distortion.plain("combined", "tilt 30°, turn 20°, 40 %, blur, noise, dim")
                        .tilt(30)
                        .turn(20)
                        .width(0.4)
                        .blurred(1)
                        .noisy(8)
                        .lit(0.7));
    }

    /** The target shown as the distortion says, on a clutter of {@code seed}; a null target makes a frame of clutter. */
    public static Frame frame(@Nullable BufferedImage target, Distortion distortion, long seed) {
        Random random = new Random(seed);
        BufferedImage frame = clutter(random);
        List<ImagePoint> corners = List.of();
        if (target != null) {
            corners = placement(target, distortion, random);
            warp(target, corners, frame);
        }
        BufferedImage shot = frame;
        if (distortion.blur() > 0) {
            shot = blurred(shot, distortion.blur());
        }
        if (distortion.light() != 1 || distortion.noise() > 0) {
            shot = relit(shot, distortion.light(), distortion.noise(), random);
        }
        return new Frame(shot, corners);
    }

    /**
     * Where the target's corners land: centred near the frame's middle, {@code widthShare} of the frame wide (less
     * when its height would not fit), turned in the plane, and tilted about its vertical axis by a pinhole camera.
     */
    private static List<ImagePoint> placement(BufferedImage target, Distortion d, Random random) {
        double aspect = target.getHeight() / (double) target.getWidth();
        double width = WIDTH * d.widthShare();
        if (width * aspect > HEIGHT * 0.95) {
            width = HEIGHT * 0.95 / aspect;
        }
        double height = width * aspect;
        double tilt = Math.toRadians(Math.abs(d.tiltDegrees()));
        double focal = WIDTH; // about a phone's field of view
        double distance = focal; // the untilted target appears at its own size
        double[][] flat = {
            {-width / 2, -height / 2}, {width / 2, -height / 2}, {width / 2, height / 2}, {-width / 2, height / 2}
        };
        double turn = Math.toRadians(d.turnDegrees());
        double room = Math.max(0, (WIDTH - width) / 2 - 10) * 0.3;
        double cx = WIDTH / 2.0 + (random.nextDouble() * 2 - 1) * room;
        double cy = HEIGHT / 2.0 + (random.nextDouble() * 2 - 1) * Math.max(0, (HEIGHT - height) / 2 - 10) * 0.3;
        ImagePoint[] corners = new ImagePoint[4];
        for (int i = 0; i < 4; i++) {
            double x = flat[i][0];
            double y = flat[i][1];
            // Tilted about the vertical (or, for negative tilt, the horizontal) axis through the target's centre.
            double px;
            double py;
            double z;
            if (d.tiltDegrees() >= 0) {
                px = x * Math.cos(tilt);
                py = y;
                z = distance + x * Math.sin(tilt);
            } else {
                px = x;
                py = y * Math.cos(tilt);
                z = distance + y * Math.sin(tilt);
            }
            double sx = px * focal / z;
            double sy = py * focal / z;
            double rx = sx * Math.cos(turn) - sy * Math.sin(turn);
            double ry = sx * Math.sin(turn) + sy * Math.cos(turn);
            corners[i] = new ImagePoint(cx + rx, cy + ry);
        }
        return List.of(corners);
    }

    /** A busy background: a gradient, shapes and lines of random colours, as a desk or a street would be. */
    private static BufferedImage clutter(Random random) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.getHSBColor(random.nextFloat(), 0.3f, 0.3f + random.nextFloat() * 0.5f));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        for (int i = 0; i < 60; i++) {
            g.setColor(Color.getHSBColor(random.nextFloat(), random.nextFloat(), random.nextFloat()));
            int x = random.nextInt(WIDTH);
            int y = random.nextInt(HEIGHT);
            int w = 10 + random.nextInt(120);
            int h = 10 + random.nextInt(120);
            switch (random.nextInt(4)) {
                case 0 -> g.fillOval(x, y, w, h);
                case 1 -> g.fillRect(x, y, w, h);
                case 2 -> {
                    g.setStroke(new BasicStroke(1 + random.nextInt(5)));
                    g.drawLine(x, y, random.nextInt(WIDTH), random.nextInt(HEIGHT));
                }
                default -> g.drawString("clutter " + random.nextInt(1000), x, y);
            }
        }
        g.dispose();
        return image;
    }

    /** Draws the target into the frame so that its corners land on {@code corners}: inverse mapping, bilinear. */
    private static void warp(BufferedImage target, List<ImagePoint> corners, BufferedImage frame) {
        int tw = target.getWidth();
        int th = target.getHeight();
        double[] h = homography(
                new double[][] {{0, 0}, {tw, 0}, {tw, th}, {0, th}},
                corners.stream().map(c -> new double[] {c.x(), c.y()}).toArray(double[][]::new));
        double[] inverse = inverted(h);
        int[] source = target.getRGB(0, 0, tw, th, null, 0, tw);
        int minX = (int) Math.max(
                0, Math.floor(corners.stream().mapToDouble(ImagePoint::x).min().orElseThrow()));
        int maxX = (int) Math.min(
                WIDTH - 1,
                Math.ceil(corners.stream().mapToDouble(ImagePoint::x).max().orElseThrow()));
        int minY = (int) Math.max(
                0, Math.floor(corners.stream().mapToDouble(ImagePoint::y).min().orElseThrow()));
        int maxY = (int) Math.min(
                HEIGHT - 1,
                Math.ceil(corners.stream().mapToDouble(ImagePoint::y).max().orElseThrow()));
        // A target much larger than its place in the frame is averaged first, as a lens would, so that it does not
        // alias.
        double shrink = Math.sqrt(area(corners) / ((double) tw * th));
        BufferedImage smooth = target;
        int[] pixels = source;
        if (shrink < 0.5) {
            smooth = TargetImages.scaled(target, Math.max(shrink * 1.5, 1.0 / Math.max(tw, th)));
            pixels = smooth.getRGB(0, 0, smooth.getWidth(), smooth.getHeight(), null, 0, smooth.getWidth());
        }
        double fx = smooth.getWidth() / (double) tw;
        double fy = smooth.getHeight() / (double) th;
        int sw = smooth.getWidth();
        int sh = smooth.getHeight();
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                double w = inverse[6] * x + inverse[7] * y + inverse[8];
                double u = (inverse[0] * x + inverse[1] * y + inverse[2]) / w * fx - 0.5;
                double v = (inverse[3] * x + inverse[4] * y + inverse[5]) / w * fy - 0.5;
                if (u < -0.5 || v < -0.5 || u > sw - 0.5 || v > sh - 0.5) {
                    continue;
                }
                frame.setRGB(x, y, bilinear(pixels, sw, sh, u, v));
            }
        }
    }

    private static double area(List<ImagePoint> c) {
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            ImagePoint a = c.get(i);
            ImagePoint b = c.get((i + 1) % 4);
            sum += a.x() * b.y() - b.x() * a.y();
        }
        return Math.abs(sum) / 2;
    }

    private static int bilinear(int[] pixels, int width, int height, double u, double v) {
        int x0 = (int) Math.floor(u);
        int y0 = (int) Math.floor(v);
        double ax = u - x0;
        double ay = v - y0;
        int x1 = Math.min(width - 1, Math.max(0, x0 + 1));
        int y1 = Math.min(height - 1, Math.max(0, y0 + 1));
        x0 = Math.min(width - 1, Math.max(0, x0));
        y0 = Math.min(height - 1, Math.max(0, y0));
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double top = (1 - ax) * ((pixels[y0 * width + x0] >> shift) & 0xFF)
                    + ax * ((pixels[y0 * width + x1] >> shift) & 0xFF);
            double bottom = (1 - ax) * ((pixels[y1 * width + x0] >> shift) & 0xFF)
                    + ax * ((pixels[y1 * width + x1] >> shift) & 0xFF);
            rgb |= ((int) Math.round((1 - ay) * top + ay * bottom)) << shift;
        }
        return rgb;
    }

    /** A separable Gaussian blur of this sigma. */
    private static BufferedImage blurred(BufferedImage image, double sigma) {
        int radius = (int) Math.ceil(sigma * 3);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] in = image.getRGB(0, 0, w, h, null, 0, w);
        int[] mid = new int[in.length];
        int[] out = new int[in.length];
        for (int pass = 0; pass < 2; pass++) {
            int[] from = pass == 0 ? in : mid;
            int[] to = pass == 0 ? mid : out;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double r = 0;
                    double g = 0;
                    double b = 0;
                    for (int k = -radius; k <= radius; k++) {
                        int sx = pass == 0 ? Math.min(w - 1, Math.max(0, x + k)) : x;
                        int sy = pass == 1 ? Math.min(h - 1, Math.max(0, y + k)) : y;
                        int p = from[sy * w + sx];
                        double weight = kernel[k + radius];
                        r += weight * ((p >> 16) & 0xFF);
                        g += weight * ((p >> 8) & 0xFF);
                        b += weight * (p & 0xFF);
                    }
                    to[y * w + x] = ((int) Math.round(r) << 16) | ((int) Math.round(g) << 8) | (int) Math.round(b);
                }
            }
        }
        BufferedImage result = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, w, h, out, 0, w);
        return result;
    }

    /** Brightness times {@code light}, then Gaussian noise of {@code noise} grey levels on every channel. */
    private static BufferedImage relit(BufferedImage image, double light, double noise, Random random) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < pixels.length; i++) {
            int rgb = 0;
            for (int shift = 16; shift >= 0; shift -= 8) {
                double value = ((pixels[i] >> shift) & 0xFF) * light + random.nextGaussian() * noise;
                rgb |= ((int) Math.max(0, Math.min(255, Math.round(value)))) << shift;
            }
            pixels[i] = rgb;
        }
        BufferedImage result = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, w, h, pixels, 0, w);
        return result;
    }

    /** The homography taking the four {@code from} points to the four {@code to} points, row-major, h33 = 1. */
    static double[] homography(double[][] from, double[][] to) {
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[i][0];
            double y = from[i][1];
            double u = to[i][0];
            double v = to[i][1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        double[] solution = solved(a);
        return new double[] {
            solution[0], solution[1], solution[2], solution[3], solution[4], solution[5], solution[6], solution[7], 1
        };
    }

    /** Gaussian elimination with partial pivoting of an n×(n+1) augmented matrix. */
    private static double[] solved(double[][] a) {
        int n = a.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = 0; row < n; row++) {
                if (row != col) {
                    double factor = a[row][col] / a[col][col];
                    for (int k = col; k <= n; k++) {
                        a[row][k] -= factor * a[col][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[i][n] / a[i][i];
        }
        return x;
    }

    private static double[] inverted(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        return new double[] {
            (e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det,
            (f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det,
            (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det
        };
    }
}
