package dev.atrium.ar.internal;

import boofcv.struct.image.GrayF32;

/**
 * How well an image target can be tracked, as a rating of 0 to 5 stars and the four measures it comes from, each with
 * a line that tells the owner what to change.
 *
 * <ul>
 *   <li><b>features</b>: the number of <em>distinct</em> features, those not ambiguous (below); at most
 *       {@value FeatureExtraction#MAX_FEATURES} are found.
 *   <li><b>coverage</b>: the share of the cells of an {@value #GRID}×{@value #GRID} grid over the image that hold at
 *       least one feature (0 to 1). Features bunched in one area are lost as soon as that area leaves the view.
 *   <li><b>contrast</b>: the mean, over the cells of that grid, of the standard deviation of the grey level (0 to
 *       255) in the cell. Faint detail is lost in a camera's noise and in dim light.
 *   <li><b>ambiguity</b>: the share of features (0 to 1) whose descriptor has another feature of the same image
 *       within a distance of {@value #ALIKE_DISTANCE} (SURF descriptors are unit vectors) and at least
 *       {@value #SAME_PLACE_PIXELS} pixels away in the analysed image (two scales of one blob are not alike): features that look alike, as in a repetitive pattern, which a camera
 *       confuses with one another.
 * </ul>
 *
 * The rating: with fewer than {@value #MIN_DISTINCT} distinct features, 0. Otherwise
 *
 * <pre>
 * score  = 0.35 × min(1, (distinct − 20) / 180)
 *        + 0.25 × coverage
 *        + 0.15 × min(1, contrast / 20)
 *        + 0.25 × (1 − ambiguity)
 * rating = round(5 × score × min(1, contrast / 10)), at most 1 when contrast is below 3
 * </pre>
 *
 * So an image with 200 or more distinct features spread over the whole image, with contrast of 20 or more and no
 * repetition gets 5 stars; a repetitive pattern loses both its distinct features and its last term; and a faint
 * image loses stars in proportion, however many features it has, since a camera's noise drowns faint detail.
 */
public record TrackingQuality(
        int rating, QualityPart features, QualityPart coverage, QualityPart contrast, QualityPart ambiguity) {

    static final int GRID = 8;
    static final int SAME_PLACE_PIXELS = 12;
    static final double ALIKE_DISTANCE = 0.25;
    static final int MIN_DISTINCT = 20;
    static final int PLENTY_DISTINCT = 200;
    static final double FULL_CONTRAST = 20;
    static final double CLEAR_CONTRAST = 10;
    static final double LOW_CONTRAST = 3;

    static TrackingQuality of(TargetFeatures found, GrayF32 grey) {
        int count = found.count();
        double ambiguity = count == 0 ? 0 : alike(found) / (double) count;
        int distinct = (int) Math.round(count * (1 - ambiguity));
        double coverage = coverage(found);
        double contrast = contrast(grey);
        int rating;
        if (distinct < MIN_DISTINCT) {
            rating = 0;
        } else {
            double score = 0.35 * Math.min(1, (distinct - MIN_DISTINCT) / (double) (PLENTY_DISTINCT - MIN_DISTINCT))
                    + 0.25 * coverage
                    + 0.15 * Math.min(1, contrast / FULL_CONTRAST)
                    + 0.25 * (1 - ambiguity);
            rating = (int) Math.round(5 * score * Math.min(1, contrast / CLEAR_CONTRAST));
            if (contrast < LOW_CONTRAST) {
                rating = Math.min(rating, 1);
            }
        }
        return new TrackingQuality(
                rating,
                new QualityPart("features", distinct, featuresReason(distinct)),
                new QualityPart("coverage", coverage, coverageReason(coverage)),
                new QualityPart("contrast", contrast, contrastReason(contrast)),
                new QualityPart("ambiguity", ambiguity, ambiguityReason(ambiguity)));
    }

    /** The number of features with a look-alike in the same image; every pair is compared (300 features: 45,000). */
    private static int alike(TargetFeatures found) {
        int count = found.count();
        int length = TargetFeatures.DESCRIPTOR_LENGTH;
        byte[] descriptors = found.descriptors();
        double limit = ALIKE_DISTANCE * FeatureExtraction.QUANTISATION;
        long limitSquared = (long) Math.ceil(limit * limit);
        boolean[] alike = new boolean[count];
        for (int i = 0; i < count; i++) {
            for (int j = i + 1; j < count; j++) {
                if (alike[i] && alike[j] || nearby(found, i, j)) {
                    continue;
                }
                long sum = 0;
                for (int k = 0; k < length && sum < limitSquared; k++) {
                    int d = descriptors[i * length + k] - descriptors[j * length + k];
                    sum += d * d;
                }
                if (sum < limitSquared) {
                    alike[i] = true;
                    alike[j] = true;
                }
            }
        }
        int total = 0;
        for (boolean one : alike) {
            total += one ? 1 : 0;
        }
        return total;
    }

    /**
     * SURF often finds one blob at two neighbouring scales: two descriptors of the same spot are alike but never
     * confused, as they are where each other is.
     */
    private static boolean nearby(TargetFeatures found, int i, int j) {
        float dx = found.xs()[i] - found.xs()[j];
        float dy = found.ys()[i] - found.ys()[j];
        return dx * dx + dy * dy < SAME_PLACE_PIXELS * SAME_PLACE_PIXELS;
    }

    private static double coverage(TargetFeatures found) {
        boolean[] cells = new boolean[GRID * GRID];
        for (int i = 0; i < found.count(); i++) {
            int column = Math.min(GRID - 1, Math.max(0, (int) (found.xs()[i] * GRID / found.width())));
            int row = Math.min(GRID - 1, Math.max(0, (int) (found.ys()[i] * GRID / found.height())));
            cells[row * GRID + column] = true;
        }
        int held = 0;
        for (boolean cell : cells) {
            held += cell ? 1 : 0;
        }
        return held / (double) (GRID * GRID);
    }

    /**
     * Over the grid's cells rather than around the features: SURF finds blobs, whose centres (the middle of a square
     * of a checkerboard) can be flat even where the image is not.
     */
    private static double contrast(GrayF32 grey) {
        double total = 0;
        int cells = 0;
        for (int row = 0; row < GRID; row++) {
            for (int column = 0; column < GRID; column++) {
                int x0 = column * grey.width / GRID;
                int x1 = (column + 1) * grey.width / GRID;
                int y0 = row * grey.height / GRID;
                int y1 = (row + 1) * grey.height / GRID;
                double sum = 0;
                double sumSquares = 0;
                int pixels = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        double value = grey.unsafe_get(x, y);
                        sum += value;
                        sumSquares += value * value;
                        pixels++;
                    }
                }
                if (pixels > 0) {
                    double mean = sum / pixels;
                    total += Math.sqrt(Math.max(0, sumSquares / pixels - mean * mean));
                    cells++;
                }
            }
        }
        return cells == 0 ? 0 : total / cells;
    }

    private static String featuresReason(int distinct) {
        if (distinct < MIN_DISTINCT) {
            return distinct + (distinct == 1 ? " distinct feature" : " distinct features")
                    + ": too few to track; add detail or texture";
        }
        if (distinct < 100) {
            return distinct + " distinct features: enough to track, though more detail would make it steadier";
        }
        return distinct + " distinct features: plenty to track";
    }

    private static String coverageReason(double coverage) {
        long percent = Math.round(coverage * 100);
        if (coverage < 0.5) {
            return "features cover " + percent + " % of the image: detail is bunched in one area";
        }
        if (coverage < 0.8) {
            return "features cover " + percent + " % of the image: some areas have no detail to track";
        }
        return "features cover " + percent + " % of the image: detail is spread well";
    }

    private static String contrastReason(double contrast) {
        String value = String.format(java.util.Locale.ROOT, "%.1f", contrast);
        if (contrast < LOW_CONTRAST) {
            return "contrast " + value + " of 255: the image is too faint to track; increase its contrast";
        }
        if (contrast < FULL_CONTRAST) {
            return "contrast " + value + " of 255: detail is faint and may be lost in dim light";
        }
        return "contrast " + value + " of 255: detail stands out clearly";
    }

    private static String ambiguityReason(double ambiguity) {
        long percent = Math.round(ambiguity * 100);
        if (ambiguity > 0.3) {
            return percent + " % of features look alike (a repetitive pattern): the camera can confuse one part for"
                    + " another";
        }
        return percent + " % of features look alike: parts of the image are easy to tell apart";
    }
}
