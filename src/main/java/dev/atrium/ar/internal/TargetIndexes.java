package dev.atrium.ar.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each project's {@link TargetIndex}, kept in memory between queries. Before each use the project's targets version is
 * read from PostgreSQL (one indexed row); an index built at another version is rebuilt from the stored features. So
 * a change on any replica is seen by every replica on its next query, and nothing needs to be told of it. Concurrent
 * queries of a stale project build its index once (the cache's compute). The cache is bounded by the number of
 * features it holds, {@code atrium.ar.index-features}: 400,000 by default, a project of 1,300 targets of 300
 * features, about 95 MB of heap (an index of 283,000 features measured 66 MB); a project may hold no more targets
 * than its index fits in that ({@link #maxTargets}). It drops a project's index after an hour without a
 * query. Building the index of 1,000 targets costs 2 to 3 s of one core, paid by the first query after a change.
 */
@Component
class TargetIndexes {

    private final TargetFeatureStore store;
    private final Cache<Long, Versioned> indexes;
    private final long maxTargets;

    TargetIndexes(TargetFeatureStore store, @Value("${atrium.ar.index-features}") long maxFeatures) {
        this.store = store;
        this.maxTargets = Math.max(1, maxFeatures / FeatureExtraction.MAX_FEATURES);
        this.indexes = Caffeine.newBuilder()
                .maximumWeight(maxFeatures)
                .<Long, Versioned>weigher((project, index) -> Math.max(1, index.features()))
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

    /** The index of the project's live, active targets as they are now. */
    TargetIndex of(long projectId) {
        long version = store.version(projectId);
        Versioned current = indexes.asMap().compute(projectId, (id, cached) -> {
            if (cached != null && cached.version() == version) {
                return cached;
            }
            // Read after the version: a change made meanwhile moves the version again, and the next query rebuilds.
            List<TargetIndex.Entry> entries = store.matchable(projectId);
            int features =
                    entries.stream().mapToInt(entry -> entry.features().count()).sum();
            return new Versioned(version, new TargetIndex(entries), features);
        });
        return current.index();
    }

    private record Versioned(long version, TargetIndex index, int features) {}
}
