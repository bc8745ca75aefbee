package dev.atrium.ar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What image targets cost in CPU time of one thread (ThreadMXBean), so that other work on the machine inflates the
 * figures less than wall time would: analysing a 1 MP target, a duplicates query over 100 and 1,000 targets, and
 * building the index of 1,000. Run by bench/ar-targets.sh; skipped unless {@code -Datrium.bench=true}.
 */
class TargetCostBenchTests {

    private static final FeatureExtraction EXTRACTION = new FeatureExtraction();
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int ANALYSES = Integer.getInteger("atrium.bench.analyses", 21);
    private static final int QUERIES = Integer.getInteger("atrium.bench.queries", 200);
    private static final int BUILDS = Integer.getInteger("atrium.bench.builds", 5);

    @Test
    void measures_analysis_queries_and_index_builds() {
        assumeThat(Boolean.getBoolean("atrium.bench"))
                .as("measured with -Datrium.bench=true")
                .isTrue();
        List<String> names = new ArrayList<>(TargetImages.photos().keySet());

        List<BufferedImage> megapixel = new ArrayList<>();
        for (String name : names) {
            BufferedImage photo = TargetImages.photo(name);
            megapixel.add(TargetImages.scaled(photo, Math.sqrt(1_000_000.0 / (photo.getWidth() * photo.getHeight()))));
        }
        for (int i = 0; i < 5; i++) {
            EXTRACTION.analyse(megapixel.get(i));
        }
        long[] analyses = new long[ANALYSES];
        for (int i = 0; i < ANALYSES; i++) {
            BufferedImage image = megapixel.get(i % megapixel.size());
            long start = CPU.getCurrentThreadCpuTime();
            EXTRACTION.analyse(image);
            analyses[i] = CPU.getCurrentThreadCpuTime() - start;
        }

        Random random = new Random(7);
        List<TargetFeatures> originals = new ArrayList<>();
        List<TargetFeatures> windows = new ArrayList<>();
        List<TargetFeatures> probes = new ArrayList<>();
        for (String name : names) {
            BufferedImage photo = TargetImages.photo(name);
            originals.add(EXTRACTION.analyse(photo).features());
            probes.add(EXTRACTION.analyse(TargetImages.reencoded(photo, 0.3f)).features());
            for (int k = 0; k < 2; k++) {
                int width = photo.getWidth() * 6 / 10;
                int height = photo.getHeight() * 6 / 10;
                windows.add(EXTRACTION
                        .analyse(TargetImages.window(
                                photo,
                                random.nextInt(photo.getWidth() - width),
                                random.nextInt(photo.getHeight() - height),
                                width,
                                height))
                        .features());
            }
        }
        List<TargetIndex.Entry> thousand = entries(1000, originals, windows, random);
        List<TargetIndex.Entry> hundred = entries(100, originals, windows, random);

        long[] builds = new long[BUILDS];
        TargetIndex large = null;
        for (int i = 0; i < BUILDS; i++) {
            long start = CPU.getCurrentThreadCpuTime();
            large = new TargetIndex(thousand);
            builds[i] = CPU.getCurrentThreadCpuTime() - start;
        }
        TargetIndex small = new TargetIndex(hundred);
        long[] smallQueries = queries(small, probes, names);
        long[] largeQueries = queries(large, probes, names);

        System.out.printf(
                "Image targets, CPU time of one thread, approximate:%n"
                        + "  analyse a 1 MP target (features and rating): median %.0f ms of %d%n"
                        + "  duplicates query, 100 targets: median %.1f ms, p99 %.1f ms of %d%n"
                        + "  duplicates query, 1,000 targets: median %.1f ms, p99 %.1f ms of %d%n"
                        + "  index build, 1,000 targets (%d descriptors): median %.0f ms of %d%n",
                percentile(analyses, 50),
                ANALYSES,
                percentile(smallQueries, 50),
                percentile(smallQueries, 99),
                QUERIES,
                percentile(largeQueries, 50),
                percentile(largeQueries, 99),
                QUERIES,
                thousand.stream().mapToInt(e -> e.features().count()).sum(),
                percentile(builds, 50),
                BUILDS);
    }

    /**
     * The photos themselves (ids 1 to 26, so that every probe has its duplicate), then windows of them, repeated with
     * their descriptors slightly changed, as near-copies in a large project would be.
     */
    private static List<TargetIndex.Entry> entries(
            int count, List<TargetFeatures> originals, List<TargetFeatures> windows, Random random) {
        List<TargetIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < originals.size(); i++) {
            entries.add(new TargetIndex.Entry(i + 1, originals.get(i)));
        }
        for (int i = 0; entries.size() < count; i++) {
            TargetFeatures window = windows.get(i % windows.size());
            entries.add(new TargetIndex.Entry(1000 + i, i < windows.size() ? window : jittered(window, random)));
        }
        return entries;
    }

    private static long[] queries(TargetIndex index, List<TargetFeatures> probes, List<String> names) {
        for (int i = 0; i < 10; i++) {
            index.matches(probes.get(i % probes.size()), 20);
        }
        long[] times = new long[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            TargetFeatures probe = probes.get(i % probes.size());
            long start = CPU.getCurrentThreadCpuTime();
            List<TargetMatch> found = index.matches(probe, 20);
            times[i] = CPU.getCurrentThreadCpuTime() - start;
            assertThat(found).as(names.get(i % probes.size())).isNotEmpty();
        }
        return times;
    }

    /** In milliseconds, the nearest rank. */
    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static TargetFeatures jittered(TargetFeatures features, Random random) {
        byte[] descriptors = features.descriptors().clone();
        for (int i = 0; i < descriptors.length; i++) {
            descriptors[i] = (byte) Math.max(-127, Math.min(127, descriptors[i] + random.nextInt(9) - 4));
        }
        return new TargetFeatures(features.width(), features.height(), features.xs(), features.ys(), descriptors);
    }
}
