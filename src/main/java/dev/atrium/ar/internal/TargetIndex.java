package dev.atrium.ar.internal;

import boofcv.factory.geo.ConfigHomography;
import boofcv.factory.geo.ConfigRansac;
import boofcv.factory.geo.FactoryMultiViewRobust;
import boofcv.struct.geo.AssociatedPair;
import georegression.struct.homography.Homography2D_F64;
import georegression.struct.point.Point2D_F64;
import georegression.transform.homography.HomographyPointOps_F64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ddogleg.fitting.modelset.ModelMatcher;
import org.ddogleg.nn.FactoryNearestNeighbor;
import org.ddogleg.nn.NearestNeighbor;
import org.ddogleg.nn.NnData;
import org.ddogleg.nn.alg.KdTreeDistance;
import org.ddogleg.struct.DogArray;

/**
 * Finds which image targets appear in a probe image: the same picture again (a duplicate), and later a target in a
 * camera frame. Immutable once built, and safe to query from many threads at once.
 *
 * <p>Every descriptor of every target goes into one approximate nearest-neighbour index (a forest of
 * {@value #TREES} randomised k-d trees, at most {@value #MAX_NODES} nodes visited per search). For each probe feature
 * the two nearest descriptors are found; when both belong to the same target, the match counts only if the nearest is
 * clearly closer ({@value #RATIO} of the second's distance, Lowe's ratio test). When they belong to different
 * targets, the test says nothing about either (a target stored twice must not hide both copies), so the nearest
 * counts, and the second too when it is as good. Each match is a vote for its target; the
 * {@value #MAX_CANDIDATES} targets with most votes are checked by geometry: a homography between the target's and
 * the probe's matched points, fitted by RANSAC ({@value #RANSAC_ITERATIONS} iterations, {@value #INLIER_PIXELS} px),
 * and the matches that agree with it are the inliers. A target is reported from {@value #MIN_INLIERS} inliers; on
 * the test photos a re-encoded, scaled, cropped or brightened copy gave far more and different photos far fewer.
 *
 * <p>Deterministic: the trees and RANSAC have fixed seeds, so the same targets and probe give the same answer.
 */
final class TargetIndex {

    static final int TREES = 4;
    static final int MAX_NODES = 40;
    /** Each tree splits on one of the few axes of largest variance, drawn at random, so the trees differ. */
    static final int SPLIT_CHOICES = 5;

    static final double RATIO = 0.8;
    static final int MAX_CANDIDATES = 8;
    static final int RANSAC_ITERATIONS = 1000;
    static final double INLIER_PIXELS = 4.0;
    static final int MIN_INLIERS = 12;
    static final int FULL_SCORE_INLIERS = 40;
    private static final long SEED = 0xA7121L;
    /** No target is ignored: ids are positive. */
    private static final long NO_TARGET = 0;

    /** One image target as indexed. */
    record Entry(long targetId, TargetFeatures features) {}

    private final List<Entry> entries;
    /** For each indexed descriptor, in index order: the entry it belongs to and its feature there. */
    private final int[] entryOf;

    private final int[] featureOf;
    private final NearestNeighbor<byte[]> neighbours;

    TargetIndex(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        int total = 0;
        for (Entry entry : this.entries) {
            total += entry.features().count();
        }
        entryOf = new int[total];
        featureOf = new int[total];
        List<byte[]> points = new ArrayList<>(total);
        int next = 0;
        for (int e = 0; e < this.entries.size(); e++) {
            TargetFeatures features = this.entries.get(e).features();
            for (int f = 0; f < features.count(); f++) {
                entryOf[next] = e;
                featureOf[next] = f;
                points.add(descriptor(features, f));
                next++;
            }
        }
        neighbours = FactoryNearestNeighbor.kdRandomForest(new ByteDistance(), MAX_NODES, TREES, SPLIT_CHOICES, SEED);
        neighbours.setPoints(points, true);
    }

    int size() {
        return entries.size();
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
        if (entryOf.length == 0 || probe.count() == 0 || limit <= 0) {
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
        for (int e : candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size()))) {
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
        NearestNeighbor.Search<byte[]> search = neighbours.createSearch();
        DogArray<NnData<byte[]>> nearest = new DogArray<>(NnData::new);
        Map<Integer, Map<Integer, Vote>> votes = new HashMap<>();
        // One neighbour more when a target is ignored, as it may hold the nearest.
        int wanted = ignoredTargetId == NO_TARGET ? 2 : 3;
        List<NnData<byte[]>> kept = new ArrayList<>(3);
        for (int p = 0; p < probe.count(); p++) {
            search.findNearest(descriptor(probe, p), -1, wanted, nearest);
            kept.clear();
            for (int i = 0; i < nearest.size; i++) {
                if (entries.get(entryOf[nearest.get(i).index]).targetId() != ignoredTargetId) {
                    kept.add(nearest.get(i));
                }
            }
            if (kept.isEmpty()) {
                continue;
            }
            kept.sort(Comparator.comparingDouble(n -> n.distance));
            NnData<byte[]> first = kept.get(0);
            NnData<byte[]> second = kept.size() > 1 ? kept.get(1) : null;
            // Distances are squared, so the ratio is too.
            boolean asGood = second != null && first.distance >= RATIO * RATIO * second.distance;
            if (second != null && entryOf[first.index] == entryOf[second.index]) {
                if (!asGood) {
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

    private void vote(Map<Integer, Map<Integer, Vote>> votes, int probeFeature, NnData<byte[]> neighbour) {
        int targetFeature = featureOf[neighbour.index];
        votes.computeIfAbsent(entryOf[neighbour.index], e -> new HashMap<>())
                .merge(
                        targetFeature,
                        new Vote(probeFeature, targetFeature, neighbour.distance),
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
        int inliers = ransac.getMatchSet().size();
        if (inliers < MIN_INLIERS) {
            return null;
        }
        Homography2D_F64 homography = ransac.getModelParameters();
        List<ImagePoint> corners = new ArrayList<>(4);
        double[][] targetCorners = {{0, 0}, {target.width(), 0}, {target.width(), target.height()}, {0, target.height()}
        };
        Point2D_F64 mapped = new Point2D_F64();
        for (double[] corner : targetCorners) {
            HomographyPointOps_F64.transform(homography, corner[0], corner[1], mapped);
            corners.add(new ImagePoint(mapped.x, mapped.y));
        }
        double score = Math.min(1, inliers / (double) FULL_SCORE_INLIERS);
        return new TargetMatch(entry.targetId(), inliers, score, corners);
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
