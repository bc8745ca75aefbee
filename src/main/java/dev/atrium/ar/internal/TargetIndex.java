package dev.atrium.ar.internal;

import boofcv.abst.geo.h.HomographyTLS_to_Epipolar;
import boofcv.factory.geo.ConfigHomography;
import boofcv.factory.geo.ConfigRansac;
import boofcv.factory.geo.FactoryMultiView;
import boofcv.factory.geo.FactoryMultiViewRobust;
import boofcv.struct.geo.AssociatedPair;
import georegression.struct.homography.Homography2D_F64;
import georegression.struct.homography.UtilHomography_F64;
import georegression.struct.point.Point2D_F64;
import georegression.transform.homography.HomographyPointOps_F64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ddogleg.fitting.modelset.ModelMatcher;
import org.ddogleg.nn.FactoryNearestNeighbor;
import org.ddogleg.nn.NearestNeighbor;
import org.ddogleg.nn.NnData;
import org.ddogleg.nn.alg.KdTreeDistance;
import org.ddogleg.struct.DogArray;
import org.ejml.data.DMatrixRMaj;

/**
 * Finds which image targets appear in a probe image: the same picture again (a duplicate), or a target in a camera
 * frame. Immutable once built, and safe to query from many threads at once.
 *
 * <p>Every descriptor of every target goes into one approximate nearest-neighbour index (a forest of
 * {@value #TREES} randomised k-d trees, at most {@value #MAX_NODES} nodes visited per search). For each probe feature
 * the two nearest descriptors are found; when both belong to the same target, the match counts only if the nearest is
 * clearly closer ({@value #RATIO} of the second's distance, Lowe's ratio test), or is the same point of the target
 * found again on another level of its pyramid. When they belong to different
 * targets, the test says nothing about either (a target stored twice must not hide both copies), so the nearest
 * counts, and the second too when it is as good. Each match is a vote for its target; the targets with most votes
 * (as many as asked for, and at least {@value #MIN_CHECKED}) are checked by geometry: a homography between the target's and
 * the probe's matched points, fitted by RANSAC ({@value #RANSAC_ITERATIONS} iterations, {@value #INLIER_PIXELS} px)
 * and then by least squares to the matches that agree with it ({@link #refined}); the matches that agree with the
 * refitted homography are the inliers. A target is reported from {@value #MIN_INLIERS} inliers, and only
 * where a camera could see it so ({@link #plausible}); on the test photos a re-encoded, scaled, cropped or brightened
 * copy gave far more and different photos far fewer. In docs/ar.md's recognition benchmark, 9 is where no frame
 * without a target is matched and the most small targets are found: with 8, two such frames were.
 *
 * <p>Deterministic: the trees and RANSAC have fixed seeds, so the same targets and probe give the same answer.
 */
final class TargetIndex {

    static final int TREES = 4;
    static final int MAX_NODES = 40;
    /** Each tree splits on one of the few axes of largest variance, drawn at random, so the trees differ. */
    static final int SPLIT_CHOICES = 5;

    static final double RATIO = 0.8;
    /** The fewest targets checked by geometry, however few are asked for: the most voted is not always the one. */
    static final int MIN_CHECKED = 8;

    static final int RANSAC_ITERATIONS = 1000;
    static final double INLIER_PIXELS = 4.0;
    static final int MIN_INLIERS = 9;
    static final int REFITS = 3;
    static final int FULL_SCORE_INLIERS = 40;
    /** Features of a target this close, as a share of its longer side, are taken for one point found twice. */
    static final double SAME_POINT_SHARE = 0.02;

    /** The least share of the probe a target may cover: a target of a fifth of a frame's width covers 4 %. */
    static final double MIN_AREA_SHARE = 0.005;
    /** A side at most this many times as long as its opposite: a picture tilted 60° away from the camera is 2 to 3. */
    static final double MAX_SIDE_RATIO = 5;

    private static final long SEED = 0xA7121L;
    /** No target is ignored: ids are positive. */
    static final long NO_TARGET = 0;

    /** One image target as indexed. */
    record Entry(long targetId, TargetFeatures features) {}

    /** Every entry of every part, in part order; a part's entries are a run of this list. */
    private final List<Entry> entries;

    private final List<Part> parts;
    /** By entry: whether it is hidden, as if no longer indexed (removed or changed since its part was built). */
    private final boolean[] hidden;

    private final int visible;

    /**
     * One forest of descriptors over a run of entries: for each descriptor, in the forest's order, the entry it belongs
     * to (an index into all entries) and its feature there.
     */
    private record Part(int[] entryOf, int[] featureOf, NearestNeighbor<byte[]> neighbours) {}

    /** A descriptor found near a probe feature. */
    private record Neighbour(int entry, int feature, double distance) {}

    TargetIndex(List<Entry> entries) {
        this(List.copyOf(entries), List.of(part(entries, 0)), new boolean[entries.size()]);
    }

    private TargetIndex(List<Entry> entries, List<Part> parts, boolean[] hidden) {
        this.entries = entries;
        this.parts = parts;
        this.hidden = hidden;
        int count = 0;
        for (boolean h : hidden) {
            count += h ? 0 : 1;
        }
        this.visible = count;
    }

    private static Part part(List<Entry> entries, int firstEntry) {
        int total = 0;
        for (Entry entry : entries) {
            total += entry.features().count();
        }
        int[] entryOf = new int[total];
        int[] featureOf = new int[total];
        List<byte[]> points = new ArrayList<>(total);
        int next = 0;
        for (int e = 0; e < entries.size(); e++) {
            TargetFeatures features = entries.get(e).features();
            for (int f = 0; f < features.count(); f++) {
                entryOf[next] = firstEntry + e;
                featureOf[next] = f;
                points.add(descriptor(features, f));
                next++;
            }
        }
        NearestNeighbor<byte[]> neighbours =
                FactoryNearestNeighbor.kdRandomForest(new ByteDistance(), MAX_NODES, TREES, SPLIT_CHOICES, SEED);
        neighbours.setPoints(points, true);
        return new Part(entryOf, featureOf, neighbours);
    }

    /**
     * This index as it would be with the targets {@code removed} taken out and {@code added} put in (a changed target
     * is in both): the forests built so far are shared, only the added get a forest of their own, so a few changes to
     * a large project cost milliseconds instead of a rebuild of seconds. The answers are those of an index built
     * afresh but for the approximate search: a removed target's descriptors still take their turn among the nearest
     * and are skipped.
     */
    TargetIndex changed(Collection<Long> removed, List<Entry> added) {
        List<Entry> all = new ArrayList<>(entries.size() + added.size());
        all.addAll(entries);
        all.addAll(added);
        boolean[] nowHidden = Arrays.copyOf(hidden, all.size());
        Set<Long> gone = new HashSet<>(removed);
        for (int e = 0; e < entries.size(); e++) {
            nowHidden[e] |= gone.contains(entries.get(e).targetId());
        }
        List<Part> nowParts = new ArrayList<>(parts);
        if (!added.isEmpty()) {
            nowParts.add(part(added, entries.size()));
        }
        return new TargetIndex(List.copyOf(all), List.copyOf(nowParts), nowHidden);
    }

    /** How many targets the index answers for. */
    int size() {
        return visible;
    }

    /** How many descriptors the index holds, those of hidden targets too: what it costs in memory. */
    int descriptors() {
        int total = 0;
        for (Part part : parts) {
            total += part.entryOf().length;
        }
        return total;
    }

    /** How many forests the index searches: 1 when built afresh, more after {@link #changed}. */
    int parts() {
        return parts.size();
    }

    /** The targets found in {@code probe}, most inliers first (ties by target id), at most {@code limit}. */
    List<TargetMatch> matches(TargetFeatures probe, int limit) {
        return matches(probe, limit, NO_TARGET);
    }

    /**
     * As {@link #matches(TargetFeatures, int)}, as if the target {@code ignoredTargetId} were not indexed: for the
     * duplicates of a target that is itself in the index, whose own features would otherwise be every probe feature's
     * nearest neighbour and silence the ratio test for all others.
     */
    List<TargetMatch> matches(TargetFeatures probe, int limit, long ignoredTargetId) {
        if (visible == 0 || probe.count() == 0 || limit <= 0) {
            return List.of();
        }
        Map<Integer, Map<Integer, Vote>> votes = votes(probe, ignoredTargetId);
        List<Integer> candidates = new ArrayList<>();
        for (Map.Entry<Integer, Map<Integer, Vote>> target : votes.entrySet()) {
            if (target.getValue().size() >= MIN_INLIERS) {
                candidates.add(target.getKey());
            }
        }
        candidates.sort(Comparator.comparingInt((Integer e) -> -votes.get(e).size())
                .thenComparingLong(e -> entries.get(e).targetId()));
        List<TargetMatch> found = new ArrayList<>();
        int checked = Math.min(Math.max(limit, MIN_CHECKED), candidates.size());
        for (int e : candidates.subList(0, checked)) {
            TargetMatch match = verified(entries.get(e), probe, votes.get(e).values());
            if (match != null) {
                found.add(match);
            }
        }
        found.sort(Comparator.comparingInt((TargetMatch m) -> -m.inliers()).thenComparingLong(TargetMatch::targetId));
        return List.copyOf(found.subList(0, Math.min(limit, found.size())));
    }

    /** A probe feature matched to a target feature; each target feature keeps only its closest probe feature. */
    private record Vote(int probeFeature, int targetFeature, double distance) {}

    private Map<Integer, Map<Integer, Vote>> votes(TargetFeatures probe, long ignoredTargetId) {
        List<NearestNeighbor.Search<byte[]>> searches = new ArrayList<>(parts.size());
        for (Part part : parts) {
            searches.add(part.neighbours().createSearch());
        }
        DogArray<NnData<byte[]>> nearest = new DogArray<>(NnData::new);
        Map<Integer, Map<Integer, Vote>> votes = new HashMap<>();
        // One neighbour more when some are skipped (hidden or ignored), as one of them may be the nearest.
        boolean skipping = ignoredTargetId != NO_TARGET || visible < entries.size();
        int wanted = skipping ? 3 : 2;
        List<Neighbour> kept = new ArrayList<>(wanted * parts.size());
        for (int p = 0; p < probe.count(); p++) {
            byte[] descriptor = descriptor(probe, p);
            kept.clear();
            for (int s = 0; s < searches.size(); s++) {
                Part part = parts.get(s);
                searches.get(s).findNearest(descriptor, -1, wanted, nearest);
                for (int i = 0; i < nearest.size; i++) {
                    int point = nearest.get(i).index;
                    int entry = part.entryOf()[point];
                    if (!hidden[entry] && entries.get(entry).targetId() != ignoredTargetId) {
                        kept.add(new Neighbour(entry, part.featureOf()[point], nearest.get(i).distance));
                    }
                }
            }
            if (kept.isEmpty()) {
                continue;
            }
            kept.sort(Comparator.comparingDouble(Neighbour::distance));
            Neighbour first = kept.get(0);
            Neighbour second = kept.size() > 1 ? kept.get(1) : null;
            // Distances are squared, so the ratio is too.
            boolean asGood = second != null && first.distance() >= RATIO * RATIO * second.distance();
            if (second != null && first.entry() == second.entry()) {
                // The same point found again on a smaller level of the target's pyramid is one point, not two that
                // the probe's feature cannot tell apart.
                if (!asGood || samePoint(entries.get(first.entry()).features(), first.feature(), second.feature())) {
                    vote(votes, p, first);
                }
            } else {
                vote(votes, p, first);
                if (asGood) {
                    vote(votes, p, second);
                }
            }
        }
        return votes;
    }

    /** Whether two features of a target lie within {@value #SAME_POINT_SHARE} of its longer side of each other. */
    private static boolean samePoint(TargetFeatures features, int a, int b) {
        double apart = Math.hypot(features.xs()[a] - features.xs()[b], features.ys()[a] - features.ys()[b]);
        return apart <= SAME_POINT_SHARE * Math.max(features.width(), features.height());
    }

    private static void vote(Map<Integer, Map<Integer, Vote>> votes, int probeFeature, Neighbour neighbour) {
        votes.computeIfAbsent(neighbour.entry(), e -> new HashMap<>())
                .merge(
                        neighbour.feature(),
                        new Vote(probeFeature, neighbour.feature(), neighbour.distance()),
                        (kept, other) -> other.distance() < kept.distance() ? other : kept);
    }

    private static TargetMatch verified(Entry entry, TargetFeatures probe, Iterable<Vote> votes) {
        TargetFeatures target = entry.features();
        List<Vote> ordered = new ArrayList<>();
        votes.forEach(ordered::add);
        // RANSAC draws from the list in order: a fixed order keeps the answer the same from run to run.
        ordered.sort(Comparator.comparingInt(Vote::targetFeature));
        List<AssociatedPair> pairs = new ArrayList<>(ordered.size());
        for (Vote vote : ordered) {
            pairs.add(new AssociatedPair(
                    target.xs()[vote.targetFeature()],
                    target.ys()[vote.targetFeature()],
                    probe.xs()[vote.probeFeature()],
                    probe.ys()[vote.probeFeature()]));
        }
        ModelMatcher<Homography2D_F64, AssociatedPair> ransac =
                FactoryMultiViewRobust.homographyRansac(new ConfigHomography(), ransacConfig());
        if (!ransac.process(pairs)) {
            return null;
        }
        if (ransac.getMatchSet().size() < MIN_INLIERS) {
            return null;
        }
        Placement placement = refined(ransac.getModelParameters(), ransac.getMatchSet(), pairs);
        if (placement == null) {
            return null;
        }
        Homography2D_F64 homography = placement.homography();
        int inliers = placement.inliers();
        double[][] targetCorners = {{0, 0}, {target.width(), 0}, {target.width(), target.height()}, {0, target.height()}
        };
        List<ImagePoint> corners = new ArrayList<>(4);
        Point2D_F64 mapped = new Point2D_F64();
        for (double[] corner : targetCorners) {
            HomographyPointOps_F64.transform(homography, corner[0], corner[1], mapped);
            corners.add(new ImagePoint(mapped.x, mapped.y));
        }
        if (!plausible(corners, probe)) {
            return null;
        }
        double score = Math.min(1, inliers / (double) FULL_SCORE_INLIERS);
        return new TargetMatch(entry.targetId(), inliers, score, corners);
    }

    /**
     * RANSAC's homography is fitted to four pairs, so it places the target's corners only as exactly as those four
     * points lie. Refitted to every pair that agrees with it, and the agreeing pairs counted again, it places them
     * closer, as docs/ar.md measures; refitted while that changes which pairs agree, {@value #REFITS} times at most.
     * The refit is BoofCV's total least squares: its linear (DLT) fit placed corners further off than RANSAC's own. A
     * placement that chance agreement made up does not survive its refit: fewer than {@value #MIN_INLIERS} pairs agree
     * with it, and the answer is null.
     */
    private static Placement refined(
            Homography2D_F64 homography, List<AssociatedPair> agreeing, List<AssociatedPair> pairs) {
        HomographyTLS_to_Epipolar leastSquares = FactoryMultiView.homographyTLS();
        DMatrixRMaj fitted = new DMatrixRMaj(3, 3);
        Point2D_F64 mapped = new Point2D_F64();
        double tolerance = INLIER_PIXELS * INLIER_PIXELS;
        Homography2D_F64 current = homography;
        List<AssociatedPair> support = agreeing;
        for (int i = 0; i < REFITS; i++) {
            if (!leastSquares.process(support, fitted)) {
                break;
            }
            current = UtilHomography_F64.convert(fitted, null);
            List<AssociatedPair> now = new ArrayList<>();
            for (AssociatedPair pair : pairs) {
                HomographyPointOps_F64.transform(current, pair.p1, mapped);
                if (mapped.distance2(pair.p2) <= tolerance) {
                    now.add(pair);
                }
            }
            if (now.size() < MIN_INLIERS) {
                return null;
            }
            boolean same = now.equals(support);
            support = now;
            if (same) {
                break;
            }
        }
        return new Placement(current, support.size());
    }

    /** Where a target lies in the probe, and how many matched pairs agree. */
    private record Placement(Homography2D_F64 homography, int inliers) {}

    /**
     * Whether the target's corners, placed by the homography, could be a flat picture seen by a camera: a convex
     * quadrilateral turning the same way as the target (a camera does not mirror), not vanishingly small, and no side
     * many times its opposite. Matches that agree by chance fit homographies that fold, flip or squash the target;
     * this turns most such false matches away without costing a true one.
     */
    static boolean plausible(List<ImagePoint> corners, TargetFeatures probe) {
        for (int i = 0; i < 4; i++) {
            ImagePoint a = corners.get(i);
            ImagePoint b = corners.get((i + 1) % 4);
            ImagePoint c = corners.get((i + 2) % 4);
            double cross = (b.x() - a.x()) * (c.y() - b.y()) - (b.y() - a.y()) * (c.x() - b.x());
            if (!(cross > 0)) {
                return false;
            }
        }
        double area = 0;
        for (int i = 0; i < 4; i++) {
            ImagePoint a = corners.get(i);
            ImagePoint b = corners.get((i + 1) % 4);
            area += a.x() * b.y() - b.x() * a.y();
        }
        area = Math.abs(area) / 2;
        if (area < MIN_AREA_SHARE * probe.width() * probe.height()) {
            return false;
        }
        return sideRatio(corners, 0, 2) <= MAX_SIDE_RATIO && sideRatio(corners, 1, 3) <= MAX_SIDE_RATIO;
    }

    private static double sideRatio(List<ImagePoint> corners, int side, int opposite) {
        double a = length(corners.get(side), corners.get((side + 1) % 4));
        double b = length(corners.get(opposite), corners.get((opposite + 1) % 4));
        return Math.max(a, b) / Math.min(a, b);
    }

    private static double length(ImagePoint a, ImagePoint b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }

    private static ConfigRansac ransacConfig() {
        ConfigRansac config = new ConfigRansac(RANSAC_ITERATIONS, INLIER_PIXELS);
        config.randSeed = SEED;
        return config;
    }

    private static byte[] descriptor(TargetFeatures features, int feature) {
        int length = TargetFeatures.DESCRIPTOR_LENGTH;
        return Arrays.copyOfRange(features.descriptors(), feature * length, (feature + 1) * length);
    }

    /** Squared Euclidean distance between quantised descriptors, as the k-d trees expect. */
    private static final class ByteDistance implements KdTreeDistance<byte[]> {

        @Override
        public double distance(byte[] a, byte[] b) {
            int sum = 0;
            for (int i = 0; i < a.length; i++) {
                int d = a[i] - b[i];
                sum += d * d;
            }
            return sum;
        }

        @Override
        public double valueAt(byte[] point, int index) {
            return point[index];
        }

        @Override
        public int length() {
            return TargetFeatures.DESCRIPTOR_LENGTH;
        }
    }
}
