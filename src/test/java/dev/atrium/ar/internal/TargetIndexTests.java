package dev.atrium.ar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TargetIndexTests {

    private static final FeatureExtraction EXTRACTION = new FeatureExtraction();
    private static final Map<String, UnaryOperator<BufferedImage>> EDITS = new LinkedHashMap<>();

    static {
        EDITS.put("JPEG quality 30", image -> TargetImages.reencoded(image, 0.3f));
        EDITS.put("scaled to 50 %", image -> TargetImages.scaled(image, 0.5));
        EDITS.put("10 % cropped", image -> TargetImages.cropped(image, 0.1));
        EDITS.put("30 % brighter", image -> TargetImages.brightness(image, 1.3));
        EDITS.put("30 % darker", image -> TargetImages.brightness(image, 0.7));
    }

    private static List<String> names;
    private static List<TargetFeatures> originals;
    private static TargetIndex index;

    @BeforeAll
    static void indexThePhotos() {
        names = new ArrayList<>(TargetImages.photos().keySet());
        originals = new ArrayList<>();
        List<TargetIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            TargetFeatures features =
                    EXTRACTION.analyse(TargetImages.photo(names.get(i))).features();
            originals.add(features);
            entries.add(new TargetIndex.Entry(i + 1, features));
        }
        index = new TargetIndex(entries);
    }

    @Test
    void each_photo_is_found_again_after_reencoding_scaling_cropping_and_changes_of_brightness_and_nothing_else_is() {
        int expected = 0;
        int found = 0;
        int wrong = 0;
        List<String> misses = new ArrayList<>();
        int fewestInliers = Integer.MAX_VALUE;
        for (int i = 0; i < names.size(); i++) {
            for (Map.Entry<String, UnaryOperator<BufferedImage>> edit : EDITS.entrySet()) {
                TargetFeatures probe = EXTRACTION
                        .analyse(edit.getValue().apply(TargetImages.photo(names.get(i))))
                        .features();
                List<TargetMatch> matches = index.matches(probe, 5);
                expected++;
                long id = i + 1;
                for (TargetMatch match : matches) {
                    if (match.targetId() == id) {
                        found++;
                        fewestInliers = Math.min(fewestInliers, match.inliers());
                    } else {
                        wrong++;
                        misses.add(names.get(i) + " " + edit.getKey() + " matched "
                                + names.get((int) match.targetId() - 1));
                    }
                }
                if (matches.stream().noneMatch(m -> m.targetId() == id)) {
                    misses.add(names.get(i) + " " + edit.getKey() + " not found");
                }
            }
        }
        double precision = found + wrong == 0 ? 0 : found / (double) (found + wrong);
        double recall = found / (double) expected;
        System.out.printf(
                "Duplicates: %d edited copies of %d photos, %d found, %d wrong matches: precision %.3f, recall %.3f;"
                        + " fewest inliers of a found copy %d%n",
                expected, names.size(), found, wrong, precision, recall, fewestInliers);
        misses.forEach(miss -> System.out.println("  " + miss));

        assertThat(misses).isEmpty();
        assertThat(precision).isEqualTo(1.0);
        assertThat(recall).isEqualTo(1.0);
    }

    @Test
    void no_photo_is_taken_for_another() {
        int mostInliers = 0;
        List<String> confused = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<TargetIndex.Entry> others = new ArrayList<>();
            for (int j = 0; j < names.size(); j++) {
                if (j != i) {
                    others.add(new TargetIndex.Entry(j + 1, originals.get(j)));
                }
            }
            for (TargetMatch match : new TargetIndex(others).matches(originals.get(i), 5)) {
                confused.add(names.get(i) + " taken for " + names.get((int) match.targetId() - 1));
                mostInliers = Math.max(mostInliers, match.inliers());
            }
        }
        System.out.printf(
                "Different photos: %d pairs, %d confused%n", names.size() * (names.size() - 1) / 2, confused.size());

        assertThat(confused).isEmpty();
    }

    @Test
    void a_copy_at_half_size_has_the_targets_corners_where_the_copy_has_them() {
        String name = "forest-stream.jpg";
        BufferedImage photo = TargetImages.photo(name);
        TargetFeatures probe =
                EXTRACTION.analyse(TargetImages.scaled(photo, 0.5)).features();

        TargetMatch match = index.matches(probe, 1).getFirst();

        assertThat(match.targetId()).isEqualTo(names.indexOf(name) + 1);
        assertThat(match.score()).isEqualTo(1.0);
        double w = probe.width();
        double h = probe.height();
        List<ImagePoint> expected =
                List.of(new ImagePoint(0, 0), new ImagePoint(w, 0), new ImagePoint(w, h), new ImagePoint(0, h));
        for (int c = 0; c < 4; c++) {
            assertThat(match.corners().get(c).x())
                    .isCloseTo(expected.get(c).x(), org.assertj.core.data.Offset.offset(3.0));
            assertThat(match.corners().get(c).y())
                    .isCloseTo(expected.get(c).y(), org.assertj.core.data.Offset.offset(3.0));
        }
    }

    @Test
    void the_corners_found_in_tilted_camera_frames_are_within_two_percent_of_the_frame_of_the_true_ones() {
        List<String> far = new ArrayList<>();
        double worst = 0;
        for (String name : List.of("dogs-at-a-window.jpg", "forest-stream.jpg", "marigold.jpg", "leaf-veins.jpg")) {
            for (CameraFrames.Distortion tilt : CameraFrames.distortions().stream()
                    .filter(d -> d.kind().equals("perspective"))
                    .toList()) {
                CameraFrames.Frame frame = CameraFrames.frame(TargetImages.photo(name), tilt, name.length());
                List<TargetMatch> matches = index.matches(EXTRACTION.analyseFrame(frame.image()), 1);

                assertThat(matches).as(name + ", " + tilt.name()).isNotEmpty();
                assertThat(matches.getFirst().targetId()).isEqualTo(names.indexOf(name) + 1);
                for (int c = 0; c < 4; c++) {
                    ImagePoint found = matches.getFirst().corners().get(c);
                    ImagePoint truth = frame.corners().get(c);
                    double off = Math.hypot(found.x() - truth.x(), found.y() - truth.y()) / CameraFrames.WIDTH;
                    worst = Math.max(worst, off);
                    if (off > 0.02) {
                        far.add(name + ", " + tilt.name() + ", corner " + c + ": " + Math.round(off * 1000) / 10.0
                                + " %");
                    }
                }
            }
        }
        System.out.printf("Corners in tilted frames: worst %.1f %% of the frame%n", worst * 100);

        assertThat(far).isEmpty();
    }

    @Test
    void a_turned_copy_is_found_too() {
        for (String name : List.of("paint-brushes.jpg", "mountain-path.jpg", "yellow-flower.jpg")) {
            BufferedImage photo = TargetImages.photo(name);
            for (int degrees : new int[] {15, 90}) {
                TargetFeatures probe =
                        EXTRACTION.analyse(TargetImages.turned(photo, degrees)).features();

                assertThat(index.matches(probe, 1))
                        .as("%s turned by %d°", name, degrees)
                        .extracting(TargetMatch::targetId)
                        .containsExactly((long) names.indexOf(name) + 1);
            }
        }
    }

    @Test
    void the_same_targets_and_probe_give_the_same_answer() {
        List<TargetIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            entries.add(new TargetIndex.Entry(i + 1, originals.get(i)));
        }
        TargetFeatures probe = EXTRACTION
                .analyse(TargetImages.cropped(TargetImages.photo("marigold.jpg"), 0.1))
                .features();

        assertThat(new TargetIndex(entries).matches(probe, 5)).isEqualTo(index.matches(probe, 5));
    }

    @Test
    void an_empty_index_or_featureless_probe_matches_nothing() {
        TargetFeatures featureless = EXTRACTION.analyse(TargetImages.gradient()).features();

        assertThat(new TargetIndex(List.of()).matches(originals.getFirst(), 5)).isEmpty();
        assertThat(index.matches(featureless, 5)).isEmpty();
        assertThat(index.matches(originals.getFirst(), 0)).isEmpty();
    }

    @Test
    void a_changed_index_answers_as_one_built_afresh_from_the_same_targets() {
        int half = names.size() / 2;
        List<TargetIndex.Entry> firstHalf = new ArrayList<>();
        List<TargetIndex.Entry> secondHalf = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            (i < half ? firstHalf : secondHalf).add(new TargetIndex.Entry(i + 1, originals.get(i)));
        }
        TargetIndex base = new TargetIndex(firstHalf);
        // Target 1 removed; target 2 changed: its features are now those of the last photo, which it replaces.
        List<TargetIndex.Entry> added = new ArrayList<>(secondHalf.subList(0, secondHalf.size() - 1));
        added.add(new TargetIndex.Entry(2, originals.getLast()));
        TargetIndex changed = base.changed(List.of(1L, 2L), added);

        assertThat(changed.size()).isEqualTo(names.size() - 2);
        assertThat(changed.parts()).isEqualTo(2);
        for (int i = 0; i < names.size(); i++) {
            TargetFeatures probe = EXTRACTION
                    .analyse(TargetImages.reencoded(TargetImages.photo(names.get(i)), 0.5f))
                    .features();
            List<Long> found = changed.matches(probe, 5).stream()
                    .map(TargetMatch::targetId)
                    .toList();
            long expected = i == 0 || i == 1 ? 0 : i == names.size() - 1 ? 2 : i + 1;
            if (expected == 0) {
                assertThat(found).as(names.get(i)).isEmpty();
            } else {
                assertThat(found).as(names.get(i)).first().isEqualTo(expected);
            }
        }
    }
}
