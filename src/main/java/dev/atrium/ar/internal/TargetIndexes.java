package dev.atrium.ar.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.atrium.image.ImageDecoding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each project's {@link TargetIndex}, kept in memory between queries, and right on every replica at every query.
 *
 * <p>Before each use the project's targets version is read from PostgreSQL (one indexed row, kept by triggers). An
 * index of another version is brought up to date before it answers, so a change on any replica is seen by every
 * replica on its next query, and nothing needs to be told of it: there is no message to miss. Bringing it up to date
 * is cheap: the stamps of the project's targets (one small row each, no features) say which targets changed since
 * the index's base was built; the base's forest is kept with those targets hidden, and the added or changed targets
 * get a small forest of their own ({@link TargetIndex#changed}). Milliseconds for a few targets, where a rebuild of
 * 1,000 costs 3 to 6 s of one core. Once the changes amount to a tenth of the base, the base is rebuilt in the
 * background, one project at a time, and replaces the old one when done; queries meanwhile use the changed index.
 *
 * <p>Concurrent queries of a stale project bring it up to date once (the cache's compute). The cache is bounded by
 * the descriptors it holds, {@code atrium.ar.index-features}: 600,000 by default, about 140 MB of heap (an index of
 * 283,000 descriptors measured 66 MB); a project may hold no more targets than its index fits in that
 * ({@link #maxTargets}). It drops a project's index after an hour without a query.
 */
@Component
class TargetIndexes implements DisposableBean {

    private static final Log log = LogFactory.getLog(TargetIndexes.class);

    /** Changes, as a share of the base's targets, past which the base is rebuilt. */
    static final double REBUILD_SHARE = 0.1;

    /** Changes below this many targets never call for a rebuild: a small forest of them costs nothing. */
    static final int REBUILD_MIN_CHANGES = 16;

    private final TargetFeatureStore store;
    private final ImageDecoding images;
    private final Cache<Long, ProjectIndex> indexes;
    private final long maxTargets;
    /** One thread, a short queue: rebuilding takes a core for seconds, and a second one would only queue behind it. */
    private final ThreadPoolExecutor rebuilds =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64), runnable -> {
                Thread thread = new Thread(runnable, "target-index-rebuild");
                thread.setDaemon(true);
                return thread;
            });

    private final Set<Long> rebuilding = ConcurrentHashMap.newKeySet();

    TargetIndexes(
            TargetFeatureStore store, ImageDecoding images, @Value("${atrium.ar.index-features}") long maxFeatures) {
        this.store = store;
        this.images = images;
        this.maxTargets = Math.max(1, maxFeatures / FeatureExtraction.MAX_TARGET_FEATURES);
        this.indexes = Caffeine.newBuilder()
                // Room beyond the setting for what changed since a base was built: its hidden targets and the forest
                // of the changed ones, up to about a tenth of the base before it is rebuilt. Without it, a full
                // project's index would outweigh the cache after one change and be built afresh at every query.
                .maximumWeight(maxFeatures + maxFeatures / 4)
                .<Long, ProjectIndex>weigher(
                        (project, index) -> Math.max(1, index.index().descriptors()))
                .expireAfterAccess(Duration.ofHours(1))
                .build();
    }

    /**
     * The most live targets a project may have: as many as one project's index of them fits in the cache, so that no
     * project's targets can make a query build an index larger than the memory set aside for all of them.
     */
    long maxTargets() {
        return maxTargets;
    }

    /**
     * The project's targets found in {@code probe}, as {@link TargetIndex#matches(TargetFeatures, int, long)} finds
     * them: the index is brought up to date here, and searched on the image decoding pool, which bounds how many such
     * searches (tens to hundreds of milliseconds of CPU each) run at once and keeps them off the request threads.
     */
    List<TargetMatch> matches(long projectId, TargetFeatures probe, int limit, long ignoredTargetId) {
        TargetIndex index = of(projectId);
        return images.process(() -> index.matches(probe, limit, ignoredTargetId));
    }

    /** The index of the project's live, active targets as they are now. */
    TargetIndex of(long projectId) {
        long version = store.version(projectId);
        ProjectIndex current = indexes.asMap().compute(projectId, (id, cached) -> {
            if (cached != null && cached.version() == version) {
                return cached;
            }
            // Read after the version: a change made meanwhile moves the version again, and the next query catches up.
            return cached == null ? built(projectId, version) : changed(projectId, version, cached);
        });
        if (current.wantsRebuild()) {
            rebuildLater(projectId);
        }
        return current.index();
    }

    private ProjectIndex built(long projectId, long version) {
        List<TargetFeatureStore.Stamped> all = store.matchable(projectId);
        Map<Long, String> stamps = new HashMap<>();
        List<TargetIndex.Entry> entries = new ArrayList<>(all.size());
        for (TargetFeatureStore.Stamped stamped : all) {
            stamps.put(stamped.entry().targetId(), stamped.stamp());
            entries.add(stamped.entry());
        }
        TargetIndex base = new TargetIndex(entries);
        return new ProjectIndex(version, base, Map.copyOf(stamps), base, Map.of(), 0);
    }

    /**
     * The cached base with what changed since it was built: compared with the base, not with the last change, so the
     * changes are one small forest however many versions they took.
     */
    private ProjectIndex changed(long projectId, long version, ProjectIndex cached) {
        Map<Long, String> now = store.stamps(projectId);
        Set<Long> removed = new HashSet<>();
        for (Map.Entry<Long, String> indexed : cached.baseStamps().entrySet()) {
            if (!indexed.getValue().equals(now.get(indexed.getKey()))) {
                removed.add(indexed.getKey());
            }
        }
        Map<Long, TargetFeatureStore.Stamped> recent = new HashMap<>();
        List<Long> unread = new ArrayList<>();
        for (Map.Entry<Long, String> target : now.entrySet()) {
            if (target.getValue().equals(cached.baseStamps().get(target.getKey()))) {
                continue;
            }
            TargetFeatureStore.Stamped known = cached.recent().get(target.getKey());
            if (known != null && known.stamp().equals(target.getValue())) {
                recent.put(target.getKey(), known);
            } else {
                unread.add(target.getKey());
            }
        }
        // Features read now may be newer than the stamps read before them; they are what is indexed, with their own
        // stamps, and the version moved too, so the next query compares again.
        for (TargetFeatureStore.Stamped stamped : store.matchable(projectId, unread)) {
            recent.put(stamped.entry().targetId(), stamped);
        }
        List<TargetIndex.Entry> added = recent.values().stream()
                .map(TargetFeatureStore.Stamped::entry)
                .sorted((a, b) -> Long.compare(a.targetId(), b.targetId()))
                .toList();
        TargetIndex index = cached.base().changed(removed, added);
        // A target given a new image is both removed and added: one change.
        Set<Long> changed = new HashSet<>(removed);
        changed.addAll(recent.keySet());
        return new ProjectIndex(version, cached.base(), cached.baseStamps(), index, Map.copyOf(recent), changed.size());
    }

    /** Rebuilds the project's base in the background unless it is being rebuilt already or the queue is full. */
    private void rebuildLater(long projectId) {
        if (!rebuilding.add(projectId)) {
            return;
        }
        try {
            rebuilds.execute(() -> {
                try {
                    long version = store.version(projectId);
                    ProjectIndex fresh = built(projectId, version);
                    // Replaces whatever is cached: it is right at its own version, and a later one is caught up with
                    // by the next query, from this new base.
                    indexes.asMap().computeIfPresent(projectId, (id, cached) -> fresh);
                } catch (RuntimeException ex) {
                    log.warn("The index of project " + projectId + " could not be rebuilt; the next query tries again: "
                            + ex.getMessage());
                } finally {
                    rebuilding.remove(projectId);
                }
            });
        } catch (RejectedExecutionException full) {
            rebuilding.remove(projectId);
        }
    }

    @Override
    public void destroy() {
        rebuilds.shutdownNow();
    }

    /**
     * A project's index at {@code version}: its {@code base}, built from the targets of {@code baseStamps}, changed by
     * the targets of {@code recent} (read since, by their stamps) and by {@code changes} in all.
     */
    private record ProjectIndex(
            long version,
            TargetIndex base,
            Map<Long, String> baseStamps,
            TargetIndex index,
            Map<Long, TargetFeatureStore.Stamped> recent,
            int changes) {

        boolean wantsRebuild() {
            return changes >= REBUILD_MIN_CHANGES && changes >= REBUILD_SHARE * base.size();
        }
    }
}
