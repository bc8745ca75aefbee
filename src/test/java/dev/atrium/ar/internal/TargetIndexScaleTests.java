package dev.atrium.ar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TargetIndexScaleTests {

    private static final FeatureExtraction EXTRACTION = new FeatureExtraction();

    /**
     * A thousand targets of 300 features: windows of the photos, each repeated with its descriptors slightly changed,
     * as near-copies of a picture in a large project would be. Costs are CPU time of this thread, approximate.
     */
    @Test
    void a_thousand_targets_are_cheap_to_index_and_to_search() {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Random random = new Random(7);
        List<TargetFeatures> windows = new ArrayList<>();
        for (String name : TargetImages.photos().keySet()) {
            BufferedImage photo = TargetImages.photo(name);
            for (int k = 0; k < 2; k++) {
                int width = photo.getWidth() * 6 / 10;
                int height = photo.getHeight() * 6 / 10;
                int x = random.nextInt(photo.getWidth() - width);
                int y = random.nextInt(photo.getHeight() - height);
                windows.add(EXTRACTION
                        .analyse(TargetImages.window(photo, x, y, width, height))
                        .features());
            }
        }
        List<TargetIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            TargetFeatures window = windows.get(i % windows.size());
            entries.add(new TargetIndex.Entry(1000 + i, i < windows.size() ? window : jittered(window, random)));
        }
        List<String> names = new ArrayList<>(TargetImages.photos().keySet());
        for (int i = 0; i < names.size(); i++) {
            TargetFeatures original =
                    EXTRACTION.analyse(TargetImages.photo(names.get(i))).features();
            entries.set(i * 30, new TargetIndex.Entry(i + 1, original));
        }

        long heapBefore = usedHeap();
        long start = cpu.getCurrentThreadCpuTime();
        TargetIndex large = new TargetIndex(entries);
        long built = cpu.getCurrentThreadCpuTime();
        long heapOfIndex = usedHeap() - heapBefore;
        TargetFeatures probe = EXTRACTION
                .analyse(TargetImages.reencoded(TargetImages.photo("mountain-path.jpg"), 0.3f))
                .features();
        long queryStart = cpu.getCurrentThreadCpuTime();
        List<TargetMatch> matches = large.matches(probe, 3);
        long queried = cpu.getCurrentThreadCpuTime();
        for (int q = 0; q < 4; q++) {
            large.matches(probe, 3);
        }
        long fiveQueried = cpu.getCurrentThreadCpuTime();
        System.out.printf(
                "1,000 targets, %d descriptors: build %d ms CPU, about %d MB of heap; first query %d ms CPU, next four"
                        + " %d ms CPU each%n",
                entries.stream().mapToInt(e -> e.features().count()).sum(),
                (built - start) / 1_000_000,
                heapOfIndex / 1_000_000,
                (queried - queryStart) / 1_000_000,
                (fiveQueried - queried) / 4_000_000);

        assertThat(matches).isNotEmpty();
        assertThat(matches.getFirst().targetId()).isEqualTo(names.indexOf("mountain-path.jpg") + 1);
    }

    /** Approximate: what is left after asking for a collection. */
    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static TargetFeatures jittered(TargetFeatures features, Random random) {
        byte[] descriptors = features.descriptors().clone();
        for (int i = 0; i < descriptors.length; i++) {
            descriptors[i] = (byte) Math.max(-127, Math.min(127, descriptors[i] + random.nextInt(9) - 4));
        }
        return new TargetFeatures(features.width(), features.height(), features.xs(), features.ys(), descriptors);
    }
}
