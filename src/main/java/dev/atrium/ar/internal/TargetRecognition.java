package dev.atrium.ar.internal;

import dev.atrium.shared.problem.InvalidRequest;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Finds which of a project's live, active targets a camera frame shows, and where: the cloud recognition of an AR
 * app. The frame is checked and decoded within the same bounds as a target's image, matched against the project's
 * index of target features, and forgotten. Each recognition is timed in {@value #METRIC}, tagged with its project and
 * its outcome ({@code hit} or {@code miss}); a refused frame is not a recognition and is not counted.
 */
@Service
public class TargetRecognition {

    public static final String METRIC = "atrium.ar.recognitions";
    public static final int MAX_CANDIDATES = 10;
    public static final int DEFAULT_CANDIDATES = 3;

    private final ImageTargetService targets;
    private final JpegCheck jpegs;
    private final TargetIndexes indexes;
    private final MeterRegistry registry;
    private final Meter.MeterProvider<Timer> timers;

    TargetRecognition(ImageTargetService targets, JpegCheck jpegs, TargetIndexes indexes, MeterRegistry registry) {
        this.targets = targets;
        this.jpegs = jpegs;
        this.indexes = indexes;
        this.registry = registry;
        this.timers = Timer.builder(METRIC)
                .description("Camera frames matched against a project's image targets")
                .withRegistry(registry);
    }

    /** A frame sent as a file (multipart). */
    public Recognition recognize(Caller caller, long projectId, byte[] frame, int candidates) {
        return recognize(caller, projectId, candidates, () -> jpegs.frame(frame));
    }

    /** A frame sent as base64 (a data URL too). */
    public Recognition recognize(Caller caller, long projectId, String frame, int candidates) {
        return recognize(caller, projectId, candidates, () -> jpegs.frame(frame));
    }

    private Recognition recognize(Caller caller, long projectId, int candidates, Supplier<CheckedFrame> check) {
        // Access first, so that nobody gets a frame decoded for them who may not read the project's targets.
        targets.checkReadable(caller, projectId);
        if (candidates < 0 || candidates > MAX_CANDIDATES) {
            throw InvalidRequest.field("candidates", "must be 0 to " + MAX_CANDIDATES);
        }
        long start = System.nanoTime();
        CheckedFrame frame = check.get();
        List<RecognizedTarget> found = matching(projectId, frame, candidates + 1);
        Recognition recognition = found.isEmpty()
                ? new Recognition(frame.width(), frame.height(), null, List.of())
                : new Recognition(
                        frame.width(),
                        frame.height(),
                        withMetadata(found.getFirst()),
                        List.copyOf(found.subList(1, found.size())));
        timers.withTags("project", Long.toString(projectId), "outcome", recognition.matched() ? "hit" : "miss")
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return recognition;
    }

    /** The project's live, active targets found in the frame, their corners in the frame's own pixels. */
    private List<RecognizedTarget> matching(long projectId, CheckedFrame frame, int limit) {
        TargetFeatures probe = frame.features();
        double sx = (double) frame.width() / probe.width();
        double sy = (double) frame.height() / probe.height();
        return targets.liveMatches(projectId, indexes.matches(projectId, probe, limit, TargetIndex.NO_TARGET)).stream()
                .map(found -> new RecognizedTarget(
                        found.target(),
                        found.match().score(),
                        found.match().inliers(),
                        found.match().corners().stream()
                                .map(corner -> new ImagePoint(corner.x() * sx, corner.y() * sy))
                                .toList(),
                        null))
                .toList();
    }

    /** Only the best match carries its application metadata, so that an answer stays small. */
    private RecognizedTarget withMetadata(RecognizedTarget best) {
        return new RecognizedTarget(
                best.target(), best.score(), best.inliers(), best.corners(), targets.metadataOf(best.target()));
    }

    /**
     * The recognitions of a project on this replica since it started, read from its meters; all zero when there were
     * none, or when the project is past the number of projects the meters keep apart ({@link RecognitionMetrics}).
     */
    public RecognitionFigures figuresOf(long projectId) {
        Timer hits = registry.find(METRIC)
                .tag("project", Long.toString(projectId))
                .tag("outcome", "hit")
                .timer();
        Timer misses = registry.find(METRIC)
                .tag("project", Long.toString(projectId))
                .tag("outcome", "miss")
                .timer();
        long hitCount = hits == null ? 0 : hits.count();
        long missCount = misses == null ? 0 : misses.count();
        double totalMs = (hits == null ? 0 : hits.totalTime(TimeUnit.MILLISECONDS))
                + (misses == null ? 0 : misses.totalTime(TimeUnit.MILLISECONDS));
        double maxMs = Math.max(
                hits == null ? 0 : hits.max(TimeUnit.MILLISECONDS),
                misses == null ? 0 : misses.max(TimeUnit.MILLISECONDS));
        long count = hitCount + missCount;
        return new RecognitionFigures(hitCount, missCount, count == 0 ? 0 : totalMs / count, maxMs);
    }

    /**
     * What a frame showed: its size in pixels, the best target found in it (null when none) and the further
     * candidates, best first.
     */
    public record Recognition(
            int frameWidth, int frameHeight, @Nullable RecognizedTarget best, List<RecognizedTarget> candidates) {

        public boolean matched() {
            return best != null;
        }
    }

    /**
     * A target found in a frame: how sure (score 0 to 1, inliers), and its four corners (top left, top right, bottom
     * right, bottom left) in the frame's pixels. Only the best carries its application metadata (empty when it has
     * none); the others carry null.
     */
    public record RecognizedTarget(
            ImageTarget target,
            double score,
            int inliers,
            List<ImagePoint> corners,
            byte @Nullable [] applicationMetadata) {}

    /**
     * Recognitions of a project on this replica since it started; the mean over hits and misses, and the longest of
     * the last few minutes (a Micrometer timer's max decays).
     */
    public record RecognitionFigures(long hits, long misses, double meanMillis, double maxMillis) {}
}
