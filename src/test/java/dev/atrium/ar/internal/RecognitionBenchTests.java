package dev.atrium.ar.internal;

import static org.assertj.core.api.Assumptions.assumeThat;

import dev.atrium.ar.internal.CameraFrames.Distortion;
import dev.atrium.ar.internal.CameraFrames.Frame;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * How well and how fast camera frames are recognised: recall per distortion, false matches on frames that show no
 * target, how far the reported corners lie from the true ones, and the CPU time of one thread per 640×480 frame
 * (features of the frame and the index query) over projects of 100, 1,000 and, on demand, 10,000 targets. Run by
 * bench/ar-recognition.sh; skipped unless {@code -Datrium.bench=true}.
 *
 * <p>Of the 26 test photos, the first 18 are targets, windows of the next 2 are further targets (real texture that no
 * frame shows), and the last 6 are never enrolled: frames of them, and frames of clutter alone, are the frames that
 * show no target. Drawn pictures fill the project to 1,000 targets; past that, their features are repeated with the
 * descriptors slightly changed.
 */
class RecognitionBenchTests {

    private static final FeatureExtraction EXTRACTION = new FeatureExtraction();
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int ENROLLED = 18;
    private static final int WINDOW_SOURCES = 2;
    private static final int WINDOWS = 60;
    private static final int CLUTTER_FRAMES = 60;
    private static final boolean LARGE = Boolean.getBoolean("atrium.bench.large");

    private record Outcome(Distortion distortion, long expected, long found, double cornerError, long nanos) {}

    @Test
    void measures_recall_false_matches_corners_and_latency() {
        assumeThat(Boolean.getBoolean("atrium.bench"))
                .as("measured with -Datrium.bench=true")
                .isTrue();
        List<String> names = new ArrayList<>(TargetImages.photos().keySet());
        List<TargetIndex.Entry> entries = new ArrayList<>(targets(names, 1_000));
        // Past 1,000, the drawn pictures' features again with their descriptors slightly changed: as costly to search
        // as new pictures, without analysing 9,000 more.
        Random jitter = new Random(5);
        for (int i = 0; LARGE && entries.size() < 10_000; i++) {
            TargetIndex.Entry source = entries.get(ENROLLED + WINDOWS + i % (1_000 - ENROLLED - WINDOWS));
            entries.add(new TargetIndex.Entry(100_000 + i, jittered(source.features(), jitter)));
        }
        System.out.printf("%d targets analysed at %tT%n", entries.size(), new java.util.Date());

        List<Distortion> distortions = CameraFrames.distortions();
        List<Frame> frames = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        List<Distortion> made = new ArrayList<>();
        for (int t = 0; t < names.size(); t++) {
            if (t >= ENROLLED && t < ENROLLED + WINDOW_SOURCES) {
                continue;
            }
            for (int d = 0; d < distortions.size(); d++) {
                frames.add(CameraFrames.frame(TargetImages.photo(names.get(t)), distortions.get(d), t * 1000L + d));
                expected.add(t < ENROLLED ? t + 1L : 0L);
                made.add(distortions.get(d));
            }
        }
        Distortion clutter = Distortion.plain("no target", "clutter alone");
        for (int i = 0; i < CLUTTER_FRAMES; i++) {
            frames.add(CameraFrames.frame(null, clutter, 99_000 + i));
            expected.add(0L);
            made.add(clutter);
        }

        System.out.printf("frames made at %tT%n", new java.util.Date());
        int[] sizes = LARGE ? new int[] {100, 1_000, 10_000} : new int[] {100, 1_000};
        Map<Integer, long[]> latencies = new LinkedHashMap<>();
        Map<Integer, Long> buildMillis = new LinkedHashMap<>();
        List<Outcome> atThousand = null;
        for (int size : sizes) {
            long start = CPU.getCurrentThreadCpuTime();
            TargetIndex index = new TargetIndex(entries.subList(0, size));
            buildMillis.put(size, (CPU.getCurrentThreadCpuTime() - start) / 1_000_000);
            for (int i = 0; i < 10; i++) {
                recognised(index, frames.get(i).image());
            }
            List<Outcome> outcomes = new ArrayList<>();
            long[] nanos = new long[frames.size()];
            for (int i = 0; i < frames.size(); i++) {
                Frame frame = frames.get(i);
                long begin = CPU.getCurrentThreadCpuTime();
                List<TargetMatch> found = recognised(index, frame.image());
                nanos[i] = CPU.getCurrentThreadCpuTime() - begin;
                long best = found.isEmpty() ? 0 : found.get(0).targetId();
                double error = found.isEmpty() || frame.corners().isEmpty()
                        ? Double.NaN
                        : cornerError(found.get(0).corners(), frame.corners());
                outcomes.add(new Outcome(made.get(i), expected.get(i), best, error, nanos[i]));
            }
            latencies.put(size, nanos);
            if (size == 1_000) {
                atThousand = outcomes;
            }
        }
        report(atThousand, latencies, buildMillis, entries);
    }

    /**
     * The project's targets, analysed once and kept under target/ for the next run of the same code: analysing
     * 10,000 pictures takes minutes, and only the frames are measured.
     */
    private static List<TargetIndex.Entry> targets(List<String> names, int count) {
        Path cache = Path.of(
                "target", "recognition-bench", "targets-" + count + "-" + FeatureExtraction.EXTRACTION + ".bin");
        if (Files.exists(cache)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
                List<TargetIndex.Entry> read = new ArrayList<>();
                for (int i = in.readInt(); i > 0; i--) {
                    long id = in.readLong();
                    byte[] bytes = new byte[in.readInt()];
                    in.readFully(bytes);
                    read.add(new TargetIndex.Entry(id, TargetFeatures.decoded(bytes)));
                }
                return read;
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        List<TargetIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < ENROLLED; i++) {
            entries.add(new TargetIndex.Entry(
                    i + 1, EXTRACTION.analyse(TargetImages.photo(names.get(i))).features()));
        }
        Random random = new Random(11);
        for (int i = 0; i < WINDOWS; i++) {
            BufferedImage source = TargetImages.photo(names.get(ENROLLED + i % WINDOW_SOURCES));
            int width = (int) (source.getWidth() * (0.3 + random.nextDouble() * 0.3));
            int height = (int) (source.getHeight() * (0.3 + random.nextDouble() * 0.3));
            BufferedImage window = TargetImages.window(
                    source,
                    random.nextInt(source.getWidth() - width),
                    random.nextInt(source.getHeight() - height),
                    width,
                    height);
            entries.add(
                    new TargetIndex.Entry(100 + i, EXTRACTION.analyse(window).features()));
        }
        for (int seed = 0; entries.size() < count; seed++) {
            entries.add(new TargetIndex.Entry(
                    10_000 + seed, EXTRACTION.analyse(picture(seed)).features()));
        }
        try {
            Files.createDirectories(cache.getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache)))) {
                out.writeInt(entries.size());
                for (TargetIndex.Entry entry : entries) {
                    byte[] bytes = entry.features().encoded();
                    out.writeLong(entry.targetId());
                    out.writeInt(bytes.length);
                    out.write(bytes);
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return entries;
    }

    private static TargetFeatures jittered(TargetFeatures features, Random random) {
        byte[] descriptors = features.descriptors().clone();
        for (int i = 0; i < descriptors.length; i++) {
            descriptors[i] = (byte) Math.max(-127, Math.min(127, descriptors[i] + random.nextInt(7) - 3));
        }
        return new TargetFeatures(features.width(), features.height(), features.xs(), features.ys(), descriptors);
    }

    private static List<TargetMatch> recognised(TargetIndex index, BufferedImage frame) {
        return index.matches(EXTRACTION.analyseFrame(frame), 5);
    }

    /** The largest distance of a reported corner from the true one, as a share of the frame's larger side. */
    private static double cornerError(List<ImagePoint> reported, List<ImagePoint> truth) {
        double worst = 0;
        for (int i = 0; i < 4; i++) {
            worst = Math.max(
                    worst,
                    Math.hypot(
                            reported.get(i).x() - truth.get(i).x(),
                            reported.get(i).y() - truth.get(i).y()));
        }
        return worst / Math.max(CameraFrames.WIDTH, CameraFrames.HEIGHT);
    }

    private static void report(
            List<Outcome> outcomes,
            Map<Integer, long[]> latencies,
            Map<Integer, Long> builds,
            List<TargetIndex.Entry> entries) {
        System.out.printf("Recognition of 640×480 frames, project of 1,000 targets:%n");
        System.out.printf("| Distortion | Frames | Recognised | Wrong target | Corners within 5 %% | Worst corner |%n");
        System.out.printf("| --- | ---: | ---: | ---: | ---: | ---: |%n");
        Map<String, List<Outcome>> byDistortion = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            if (outcome.expected() != 0) {
                byDistortion
                        .computeIfAbsent(
                                outcome.distortion().kind() + ", "
                                        + outcome.distortion().name(),
                                k -> new ArrayList<>())
                        .add(outcome);
            }
        }
        Map<String, int[]> byKind = new LinkedHashMap<>();
        int shown = 0;
        int right = 0;
        for (Map.Entry<String, List<Outcome>> row : byDistortion.entrySet()) {
            List<Outcome> some = row.getValue();
            int ok = (int) some.stream().filter(o -> o.found() == o.expected()).count();
            int wrong = (int) some.stream()
                    .filter(o -> o.found() != 0 && o.found() != o.expected())
                    .count();
            int within = (int) some.stream()
                    .filter(o -> o.found() == o.expected() && o.cornerError() <= 0.05)
                    .count();
            double worst = some.stream()
                    .filter(o -> o.found() == o.expected())
                    .mapToDouble(Outcome::cornerError)
                    .max()
                    .orElse(0);
            System.out.printf(
                    "| %s | %d | %.1f %% | %d | %d of %d | %.1f %% |%n",
                    row.getKey(), some.size(), 100.0 * ok / some.size(), wrong, within, ok, 100 * worst);
            int[] kind = byKind.computeIfAbsent(some.get(0).distortion().kind(), k -> new int[2]);
            kind[0] += some.size();
            kind[1] += ok;
            shown += some.size();
            right += ok;
        }
        System.out.printf("%nBy kind:%n");
        byKind.forEach((kind, counts) -> System.out.printf(
                "  %s: %d of %d, %.1f %%%n", kind, counts[1], counts[0], 100.0 * counts[1] / counts[0]));
        System.out.printf("  all frames that show a target: %d of %d, %.1f %%%n", right, shown, 100.0 * right / shown);
        double[] cornerErrors = outcomes.stream()
                .filter(o -> o.expected() != 0 && o.found() == o.expected())
                .mapToDouble(Outcome::cornerError)
                .sorted()
                .toArray();
        System.out.printf(
                "Corners, as a share of the frame's longer side: median %.1f %%, 95th percentile %.1f %%, worst %.1f %%%n",
                100 * cornerErrors[cornerErrors.length / 2],
                100 * cornerErrors[(int) Math.ceil(0.95 * cornerErrors.length) - 1],
                100 * cornerErrors[cornerErrors.length - 1]);
        List<Outcome> negatives =
                outcomes.stream().filter(o -> o.expected() == 0).toList();
        long falseMatches = negatives.stream().filter(o -> o.found() != 0).count();
        System.out.printf(
                "Frames that show no target: %d, matched anyway: %d (%.1f %%)%n",
                negatives.size(), falseMatches, 100.0 * falseMatches / negatives.size());
        System.out.printf("%nCPU time of one thread per frame (frame features and query):%n");
        latencies.forEach((size, nanos) -> System.out.printf(
                "  %,d targets (%,d descriptors, index built in %,d ms): median %.1f ms, p99 %.1f ms of %d frames%n",
                size,
                entries.subList(0, size).stream()
                        .mapToInt(e -> e.features().count())
                        .sum(),
                builds.get(size),
                percentile(nanos, 50),
                percentile(nanos, 99),
                nanos.length));
    }

    private static BufferedImage picture(int seed) {
        try {
            return ImageIO.read(
                    new ByteArrayInputStream(Base64.getDecoder().decode(DemoProjects.picture(1_000 + seed))));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** In milliseconds, the nearest rank. */
    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
