package dev.atrium.ar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TrackingQualityTests {

    /** Sky and motion blur: few distinct features, honestly rated below the rich photos. */
    private static final String SPARSE_PHOTO = "storm-over-a-road.jpg";

    private final FeatureExtraction extraction = new FeatureExtraction();

    @Test
    void rich_natural_photos_get_three_stars_or_more() {
        Map<String, Integer> ratings = new TreeMap<>();
        TargetImages.photos().forEach((name, photo) -> ratings.put(name, rating(photo)));
        System.out.println("Ratings of the test photos: " + ratings);

        ratings.forEach((name, rating) -> {
            if (!name.equals(SPARSE_PHOTO)) {
                assertThat(rating).as(name).isGreaterThanOrEqualTo(3);
            }
        });
        assertThat(ratings.get(SPARSE_PHOTO)).isBetween(1, 2);
        assertThat(ratings.values().stream().filter(rating -> rating == 5)).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void flat_colour_and_a_smooth_gradient_get_none_or_one_star() {
        TrackingQuality flat =
                extraction.analyse(TargetImages.flat(new Color(90, 140, 200))).quality();
        TrackingQuality gradient = extraction.analyse(TargetImages.gradient()).quality();

        assertThat(flat.rating()).isZero();
        assertThat(gradient.rating()).isBetween(0, 1);
        assertThat(flat.features().reason()).isEqualTo("0 distinct features: too few to track; add detail or texture");
        assertThat(flat.contrast().value()).isCloseTo(0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void a_checkerboard_is_rated_down_for_its_features_looking_alike() {
        for (int square : new int[] {16, 40}) {
            TrackingQuality checkerboard =
                    extraction.analyse(TargetImages.checkerboard(square)).quality();

            assertThat(checkerboard.rating()).as("squares of %d px", square).isLessThanOrEqualTo(2);
            assertThat(checkerboard.ambiguity().value()).isGreaterThan(0.9);
            assertThat(checkerboard.ambiguity().reason()).contains("look alike (a repetitive pattern)");
            assertThat(checkerboard.contrast().value()).isGreaterThan(50);
        }
    }

    @Test
    void text_on_white_gets_fewer_stars_than_a_photo() {
        TrackingQuality text = extraction.analyse(TargetImages.textOnWhite()).quality();

        assertThat(text.rating()).isBetween(1, 3);
        assertThat(text.rating()).isLessThan(rating(TargetImages.photo("paint-brushes.jpg")));
        assertThat(text.coverage().reason()).contains("detail is bunched in one area");
    }

    @Test
    void a_photo_at_a_tenth_of_its_contrast_gets_fewer_stars_than_the_photo() {
        for (String name : new String[] {"forest-stream.jpg", "marigold.jpg", "dogs-at-a-window.jpg"}) {
            BufferedImage photo = TargetImages.photo(name);
            TrackingQuality original = extraction.analyse(photo).quality();
            TrackingQuality faint =
                    extraction.analyse(TargetImages.lowContrast(photo, 0.1)).quality();

            assertThat(faint.rating()).as(name).isLessThan(original.rating()).isLessThanOrEqualTo(2);
            assertThat(faint.contrast().value())
                    .as(name)
                    .isLessThan(original.contrast().value() / 5);
        }
    }

    @Test
    void each_part_has_a_name_a_value_and_a_plain_reason() {
        TrackingQuality quality = extraction
                .analyse(TargetImages.photo("dragonfly-in-a-tree.jpg"))
                .quality();

        assertThat(quality.rating()).isEqualTo(5);
        assertThat(quality.features().name()).isEqualTo("features");
        assertThat(quality.features().reason()).endsWith("distinct features: plenty to track");
        assertThat(quality.coverage().name()).isEqualTo("coverage");
        assertThat(quality.coverage().value()).isBetween(0.8, 1.0);
        assertThat(quality.coverage().reason())
                .startsWith("features cover ")
                .endsWith(" % of the image: detail is spread well");
        assertThat(quality.contrast().name()).isEqualTo("contrast");
        assertThat(quality.contrast().reason()).endsWith("of 255: detail stands out clearly");
        assertThat(quality.ambiguity().name()).isEqualTo("ambiguity");
        assertThat(quality.ambiguity().value()).isLessThan(0.1);
    }

    private int rating(BufferedImage image) {
        return extraction.analyse(image).quality().rating();
    }
}
