package dev.atrium.ar.web;

import dev.atrium.ar.internal.ImagePoint;
import dev.atrium.ar.internal.ImageTarget;
import dev.atrium.ar.internal.TargetRecognition.Recognition;
import dev.atrium.ar.internal.TargetRecognition.RecognizedTarget;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a camera frame shows: the best target found (its fields null when none) and the further candidates. Every
 * field is always there, so that a client reads one shape.
 */
@Schema(name = "Recognition")
record RecognitionView(
        @Schema(description = "Whether a target was found in the frame", example = "true")
        boolean matched,

        @Schema(description = "The best target found, with its application metadata; null when none") @Nullable RecognizedTargetView target,

        @Schema(description = "How sure, 0 to 1 (inliers / 40, at most 1); null when none", example = "0.93") @Nullable Double score,

        @Schema(description = "How many features agree on where the target is; null when none", example = "57")
        @Nullable Integer inliers,

        @Schema(
                description = "The target's corners in the frame's pixels: top left, top right, bottom right, bottom "
                        + "left; null when none")
        @Nullable List<Point> corners,

        @Schema(description = "The frame's size in pixels, as sent")
        FrameSize frame,

        @Schema(description = "Further targets found, best first, without application metadata; empty when none")
        List<Candidate> candidates) {

    @Schema(name = "RecognizedTarget")
    record RecognizedTargetView(
            long id,
            @Schema(example = "hall-poster") @Nullable String name,
            @Schema(example = "Poster in the hall") String description,

            @Schema(description = "Width in the app's scene units", example = "0.5")
            double width,

            @Schema(description = "Height in scene units", example = "0.375")
            double height,

            @Schema(description = "The application metadata, base64-encoded; null when the target has none") @Nullable String applicationMetadata) {}

    @Schema(name = "RecognitionCandidate")
    record Candidate(CandidateTarget target, double score, int inliers, List<Point> corners) {}

    @Schema(name = "RecognitionCandidateTarget")
    record CandidateTarget(
            long id,
            @Schema(example = "side-poster") @Nullable String name,
            @Schema(example = "Poster by the stairs") String description,
            @Schema(example = "0.5") double width,
            @Schema(example = "0.375") double height) {}

    @Schema(name = "FramePoint")
    record Point(
            @Schema(example = "212.4") double x,
            @Schema(example = "96.1") double y) {}

    @Schema(name = "FrameSize")
    record FrameSize(
            @Schema(example = "640") int width,
            @Schema(example = "480") int height) {}

    static RecognitionView of(Recognition recognition) {
        FrameSize frame = new FrameSize(recognition.frameWidth(), recognition.frameHeight());
        List<Candidate> candidates = recognition.candidates().stream()
                .map(candidate -> new Candidate(
                        candidateTarget(candidate.target()),
                        rounded(candidate.score()),
                        candidate.inliers(),
                        points(candidate.corners())))
                .toList();
        RecognizedTarget best = recognition.best();
        if (best == null) {
            return new RecognitionView(false, null, null, null, null, frame, candidates);
        }
        ImageTarget target = best.target();
        byte[] metadata = best.applicationMetadata();
        return new RecognitionView(
                true,
                new RecognizedTargetView(
                        target.id(),
                        target.name(),
                        target.description(),
                        target.sceneWidth(),
                        target.sceneHeight(),
                        metadata == null || metadata.length == 0
                                ? null
                                : Base64.getEncoder().encodeToString(metadata)),
                rounded(best.score()),
                best.inliers(),
                points(best.corners()),
                frame,
                candidates);
    }

    private static CandidateTarget candidateTarget(ImageTarget target) {
        return new CandidateTarget(
                target.id(), target.name(), target.description(), target.sceneWidth(), target.sceneHeight());
    }

    /** A tenth of a pixel is finer than any match places a corner. */
    private static List<Point> points(List<ImagePoint> corners) {
        return corners.stream()
                .map(corner -> new Point(Math.round(corner.x() * 10) / 10.0, Math.round(corner.y() * 10) / 10.0))
                .toList();
    }

    private static double rounded(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
