package dev.atrium.ar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FeatureExtractionTests {

    private final FeatureExtraction extraction = new FeatureExtraction();

    @Test
    void a_photo_gives_its_strongest_features_within_the_image_it_was_analysed_at() {
        BufferedImage photo = TargetImages.photo("forest-stream.jpg");

        TargetFeatures features = extraction.analyse(photo).features();

        assertThat(features.count()).isEqualTo(FeatureExtraction.MAX_TARGET_FEATURES);
        assertThat(features.width()).isEqualTo(photo.getWidth());
        assertThat(features.height()).isEqualTo(photo.getHeight());
        for (int i = 0; i < features.count(); i++) {
            assertThat(features.xs()[i]).isBetween(0f, (float) features.width());
            assertThat(features.ys()[i]).isBetween(0f, (float) features.height());
        }
    }

    @Test
    void a_large_image_is_analysed_at_most_640_pixels_a_side_and_costs_well_under_300_ms_of_cpu() {
        BufferedImage large = TargetImages.scaled(TargetImages.photo("paint-brushes.jpg"), 1024.0 / 640);
        extraction.analyse(large);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

        long start = cpu.getCurrentThreadCpuTime();
        TargetFeatures features = extraction.analyse(large).features();
        long cost = (cpu.getCurrentThreadCpuTime() - start) / 1_000_000;

        System.out.printf(
                "Analysis of a %d×%d image (%.2f MP): %d ms CPU, approximate%n",
                large.getWidth(), large.getHeight(), large.getWidth() * large.getHeight() / 1e6, cost);
        assertThat(Math.max(features.width(), features.height())).isEqualTo(FeatureExtraction.MAX_EDGE);
        assertThat(features.width()).isEqualTo(640);
        assertThat(features.height()).isEqualTo(504);
        assertThat(cost).isLessThan(300);
    }

    @Test
    void a_grey_jpeg_gives_the_features_of_its_colour_original() {
        BufferedImage colour = TargetImages.photo("nuthatch-on-a-tree-trunk.jpg");
        BufferedImage grey = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < colour.getHeight(); y++) {
            for (int x = 0; x < colour.getWidth(); x++) {
                int rgb = colour.getRGB(x, y);
                int luma = (int)
                        Math.round(0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF));
                grey.getRaster().setSample(x, y, 0, luma);
            }
        }

        TargetFeatures fromColour = extraction.analyse(colour).features();
        TargetFeatures fromGrey = extraction.analyse(grey).features();

        // The same pixels up to rounding: the features are found at the same places.
        assertThat(fromGrey.count()).isEqualTo(fromColour.count());
        assertThat(new TargetIndex(java.util.List.of(new TargetIndex.Entry(1, fromColour)))
                        .matches(fromGrey, 1)
                        .getFirst()
                        .inliers())
                .isGreaterThan(200);
    }

    @Test
    void tiny_and_extremely_narrow_images_are_analysed_without_failing() {
        for (int[] size : new int[][] {{1, 1}, {8, 8}, {40, 30}, {1024, 1}, {3, 1024}}) {
            BufferedImage image = TargetImages.scaled(TargetImages.photo("forest-stream.jpg"), 1);
            BufferedImage small = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            small.getGraphics().drawImage(image, 0, 0, size[0], size[1], null);

            TargetAnalysis analysis = extraction.analyse(small);

            assertThat(analysis.features().width()).isLessThanOrEqualTo(FeatureExtraction.MAX_EDGE);
            assertThat(analysis.quality().rating()).isBetween(0, 5);
        }
    }

    @Test
    void the_same_image_gives_the_same_features() {
        BufferedImage photo = TargetImages.photo("marigold.jpg");

        assertThat(extraction.analyse(photo).features())
                .isEqualTo(extraction.analyse(photo).features());
    }

    @Test
    void descriptors_use_the_range_of_a_byte_and_are_rarely_clipped() {
        int clipped = 0;
        int large = 0;
        int total = 0;
        for (String name : new String[] {"dragonfly-in-a-tree.jpg", "fig-in-a-red-bowl.jpg", "wall-clock.jpg"}) {
            for (byte value :
                    extraction.analyse(TargetImages.photo(name)).features().descriptors()) {
                clipped += Math.abs(value) == 127 ? 1 : 0;
                large += Math.abs(value) >= 64 ? 1 : 0;
                total++;
            }
        }

        assertThat(clipped / (double) total).isLessThan(0.005);
        assertThat(large / (double) total).isGreaterThan(0.02);
    }

    @Test
    void features_survive_encoding_and_decoding() {
        TargetFeatures features =
                extraction.analyse(TargetImages.photo("dogs-at-a-window.jpg")).features();

        byte[] encoded = features.encoded();

        assertThat(encoded).hasSize(16 + features.count() * 72);
        assertThat(TargetFeatures.decoded(encoded)).isEqualTo(features);
        TargetFeatures none = new TargetFeatures(10, 20, new float[0], new float[0], new byte[0]);
        assertThat(TargetFeatures.decoded(none.encoded())).isEqualTo(none);
    }

    @Test
    void malformed_features_are_refused() {
        byte[] good = new TargetFeatures(640, 480, new float[] {1, 2}, new float[] {3, 4}, new byte[128]).encoded();

        assertThatIllegalArgumentException().isThrownBy(() -> TargetFeatures.decoded(null));
        assertThatIllegalArgumentException().isThrownBy(() -> TargetFeatures.decoded(new byte[0]));
        assertThatIllegalArgumentException().isThrownBy(() -> TargetFeatures.decoded(Arrays.copyOf(good, 15)));
        assertThatIllegalArgumentException().isThrownBy(() -> TargetFeatures.decoded(changed(good, 0, (short) 2)));
        assertThatIllegalArgumentException().isThrownBy(() -> TargetFeatures.decoded(changed(good, 2, (short) 128)));
        assertThatIllegalArgumentException().isThrownBy(() -> TargetFeatures.decoded(changedInt(good, 4, 0)));
        assertThatIllegalArgumentException().isThrownBy(() -> TargetFeatures.decoded(changedInt(good, 8, -1)));
        assertThatIllegalArgumentException().isThrownBy(() -> TargetFeatures.decoded(changedInt(good, 12, -1)));
        assertThatIllegalArgumentException().isThrownBy(() -> TargetFeatures.decoded(changedInt(good, 12, 3)));
        // A count that would need gigabytes is refused by the length check, before anything is allocated.
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TargetFeatures.decoded(changedInt(good, 12, Integer.MAX_VALUE)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TargetFeatures.decoded(Arrays.copyOf(good, good.length - 1)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TargetFeatures.decoded(Arrays.copyOf(good, good.length + 1)));
        byte[] notANumber = good.clone();
        ByteBuffer.wrap(notANumber).putFloat(16, Float.NaN);
        assertThatIllegalArgumentException().isThrownBy(() -> TargetFeatures.decoded(notANumber));
        assertThat(TargetFeatures.decoded(good).count()).isEqualTo(2);
    }

    private static byte[] changed(byte[] bytes, int at, short value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).putShort(at, value);
        return copy;
    }

    private static byte[] changedInt(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        ByteBuffer.wrap(copy).putInt(at, value);
        return copy;
    }
}
