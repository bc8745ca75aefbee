package dev.atrium.ar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Draws the pictures of docs/ar.md: one target per star level, with its features and its rating's parts, and a
 * duplicate found in a turned, cropped and re-encoded copy. Only with {@code -Datrium.docs.pictures=true}, so that
 * an ordinary build never rewrites the docs; without it, only the ordering the pictures show is checked.
 */
class RatingPicturesTests {

    private static final Path PICTURES = Path.of("docs", "ar");
    /** Indexed PNGs of this width stay well under 150 KB even for busy photos. */
    private static final int PICTURE_WIDTH = 400;

    private static final int MAX_WIDTH = 480;
    private static final int GAP = 12;
    private static final int CAPTION_HEIGHT = 36;
    private static final FeatureExtraction EXTRACTION = new FeatureExtraction();

    /** The generated hard cases first, so that a low level is shown by the case that explains it best. */
    private static Map<String, BufferedImage> candidates() {
        Map<String, BufferedImage> candidates = new LinkedHashMap<>();
        candidates.put("flat colour", TargetImages.flat(new Color(70, 130, 180)));
        candidates.put("gradient", TargetImages.gradient());
        candidates.put("checkerboard", TargetImages.checkerboard(40));
        candidates.put("text on white", TargetImages.textOnWhite());
        candidates.put(
                "forest-stream.jpg at a tenth of its contrast",
                TargetImages.lowContrast(TargetImages.photo("forest-stream.jpg"), 0.1));
        candidates.put(
                "forest-stream.jpg at a twentieth of its contrast",
                TargetImages.lowContrast(TargetImages.photo("forest-stream.jpg"), 0.05));
        candidates.putAll(TargetImages.photos());
        return candidates;
    }

    @Test
    void the_hard_cases_rate_below_a_rich_photo() {
        BufferedImage photo = TargetImages.photo("forest-stream.jpg");
        int rich = EXTRACTION.analyse(photo).quality().rating();

        assertThat(rating(TargetImages.flat(new Color(70, 130, 180)))).isZero();
        assertThat(rating(TargetImages.checkerboard(40))).isLessThan(rich);
        assertThat(rating(TargetImages.textOnWhite())).isLessThan(rich);
        assertThat(rating(TargetImages.lowContrast(photo, 0.1))).isLessThan(rich);
        assertThat(rich).isGreaterThanOrEqualTo(4);
    }

    @Test
    void draws_one_target_per_star_level_and_a_duplicate() throws IOException {
        assumeThat(Boolean.getBoolean("atrium.docs.pictures"))
                .as("pictures are drawn with -Datrium.docs.pictures=true")
                .isTrue();
        Files.createDirectories(PICTURES);
        Map<Integer, String> drawn = new LinkedHashMap<>();
        for (Map.Entry<String, BufferedImage> candidate : candidates().entrySet()) {
            TargetAnalysis analysis = EXTRACTION.analyse(candidate.getValue());
            int rating = analysis.quality().rating();
            if (drawn.containsKey(rating)) {
                continue;
            }
            drawn.put(rating, candidate.getKey());
            write(rated(candidate.getValue(), analysis), PICTURES.resolve("rating-" + rating + ".png"));
        }
        System.out.println("Star levels drawn: " + drawn);
        write(duplicatePair(), PICTURES.resolve("duplicate.png"));
        assertThat(drawn).containsKeys(0, 5);
    }

    private static int rating(BufferedImage image) {
        return EXTRACTION.analyse(image).quality().rating();
    }

    /** The image at {@value #PICTURE_WIDTH} px wide, its features as small circles, its rating below. */
    private static BufferedImage rated(BufferedImage image, TargetAnalysis analysis) {
        int height = (int) Math.round(image.getHeight() * PICTURE_WIDTH / (double) image.getWidth());
        BufferedImage picture = new BufferedImage(PICTURE_WIDTH, height + CAPTION_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        smooth(g);
        g.drawImage(image, 0, 0, PICTURE_WIDTH, height, null);
        TargetFeatures features = analysis.features();
        double scale = PICTURE_WIDTH / (double) features.width();
        g.setStroke(new BasicStroke(1.2f));
        g.setColor(new Color(255, 220, 0));
        for (int i = 0; i < features.count(); i++) {
            double x = features.xs()[i] * scale;
            double y = features.ys()[i] * scale;
            g.drawOval((int) Math.round(x - 3), (int) Math.round(y - 3), 6, 6);
        }
        TrackingQuality quality = analysis.quality();
        caption(
                g,
                height,
                quality.rating() + " of 5 stars",
                String.format(
                        Locale.ROOT,
                        "features %d, coverage %.2f, contrast %.1f, ambiguity %.2f",
                        (int) quality.features().value(),
                        quality.coverage().value(),
                        quality.contrast().value(),
                        quality.ambiguity().value()));
        g.dispose();
        return picture;
    }

    /**
     * A photo as a target (left) and a copy of it turned by 10°, cropped and re-encoded at JPEG quality 30 (right),
     * on which the target's corners, as the matched features place them, are drawn.
     */
    private static BufferedImage duplicatePair() {
        BufferedImage target = TargetImages.photo("mountain-path.jpg");
        BufferedImage probe = TargetImages.reencoded(TargetImages.turned(TargetImages.cropped(target, 0.15), 10), 0.3f);
        TargetFeatures targetFeatures = EXTRACTION.analyse(target).features();
        TargetFeatures probeFeatures = EXTRACTION.analyse(probe).features();
        List<TargetMatch> matches =
                new TargetIndex(List.of(new TargetIndex.Entry(1, targetFeatures))).matches(probeFeatures, 1);
        assertThat(matches).hasSize(1);
        TargetMatch match = matches.getFirst();

        int half = (MAX_WIDTH - GAP) / 2;
        int targetHeight = (int) Math.round(target.getHeight() * half / (double) target.getWidth());
        int probeHeight = (int) Math.round(probe.getHeight() * half / (double) probe.getWidth());
        int height = Math.max(targetHeight, probeHeight);
        BufferedImage picture = new BufferedImage(2 * half + GAP, height + CAPTION_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        smooth(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, picture.getWidth(), picture.getHeight());
        g.drawImage(target, 0, 0, half, targetHeight, null);
        int left = half + GAP;
        g.drawImage(probe, left, 0, half, probeHeight, null);
        double scale = half / (double) probeFeatures.width();
        Path2D outline = new Path2D.Double();
        for (int i = 0; i < match.corners().size(); i++) {
            ImagePoint corner = match.corners().get(i);
            double x = left + corner.x() * scale;
            double y = corner.y() * scale;
            if (i == 0) {
                outline.moveTo(x, y);
            } else {
                outline.lineTo(x, y);
            }
        }
        outline.closePath();
        // The corners of a cropped copy lie outside it: the outline is cut at the copy's side of the gap.
        g.setClip(left - GAP / 2, 0, half + GAP / 2, height);
        g.setStroke(new BasicStroke(2.5f));
        g.setColor(new Color(255, 220, 0));
        g.draw(outline);
        caption(
                g,
                height,
                "left the target; right a copy turned 10°, cropped, JPEG quality 30",
                String.format(
                        Locale.ROOT,
                        "%d inliers, similarity %.2f; the target's corners drawn where they map",
                        match.inliers(),
                        match.score()));
        g.dispose();
        return picture;
    }

    private static void caption(Graphics2D g, int top, String first, String second) {
        g.setClip(null);
        g.setColor(Color.WHITE);
        g.fillRect(0, top, g.getDeviceConfiguration().getBounds().width, CAPTION_HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(first, 4, top + 14);
        g.drawString(second, 4, top + 30);
    }

    private static void smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    }

    /** Written with 256 colours: a photo in a full-colour PNG would be several times larger. */
    private static void write(BufferedImage picture, Path file) throws IOException {
        BufferedImage indexed =
                new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_BYTE_INDEXED);
        Graphics2D g = indexed.createGraphics();
        g.drawImage(picture, 0, 0, null);
        g.dispose();
        ImageIO.write(indexed, "png", file.toFile());
    }
}
