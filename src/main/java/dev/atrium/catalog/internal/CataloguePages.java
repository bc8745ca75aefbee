package dev.atrium.catalog.internal;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * The catalogue lists' finished answers, kept in this replica's memory for a fraction of a second
 * ({@code atrium.catalogue.cache.time-to-live}), so that a page asked for again and again is read from PostgreSQL
 * once per that time rather than once per request. See docs/performance.md for why what a page shows stays within 1 s
 * of every change on every replica.
 *
 * <ul>
 *   <li>A page expires {@code time-to-live} after its data was read (not after it was stored), so a slow query does
 *       not stretch the bound.
 *   <li>A change made through the catalog's own services on this replica ({@link #changed()}, called by them for
 *       products, shops and stock set by administrators) starts a new generation once its transaction commits: the
 *       next read of any page runs its queries again. Orders do not: they take stock under its lock, never from here,
 *       and the quantities a list shows catch up within the expiry, as they do on the other replicas.
 *   <li>Concurrent misses for one page run one query: the first request stores a future for the page and reads it,
 *       the others wait for that future. A request whose page fails (a 404 past the end, PostgreSQL down) stores
 *       nothing; those waiting for it then read the page themselves.
 *   <li>The memory held is bounded by the bytes of the answers ({@code atrium.catalogue.cache.max-size}); the least
 *       used pages go first.
 * </ul>
 */
@Component
public class CataloguePages {

    private final AsyncCache<Key, CataloguePage> pages;
    private final AtomicLong generation = new AtomicLong();
    private final LongAdder reads = new LongAdder();
    private final Clock clock;

    CataloguePages(
            @Value("${atrium.catalogue.cache.time-to-live:500ms}") Duration timeToLive,
            @Value("${atrium.catalogue.cache.max-size:64MB}") DataSize maxSize,
            Clock clock) {
        this.clock = clock;
        long lifetime = timeToLive.toNanos();
        this.pages = Caffeine.newBuilder()
                .maximumWeight(maxSize.toBytes())
                .<Key, CataloguePage>weigher(
                        (key, page) -> page.weight() + 2 * key.request().length())
                .expireAfter(new Expiry<Key, CataloguePage>() {
                    @Override
                    public long expireAfterCreate(Key key, CataloguePage page, long now) {
                        return Math.max(0, lifetime - (now - page.readNanos()));
                    }

                    @Override
                    public long expireAfterUpdate(Key key, CataloguePage page, long now, long remaining) {
                        return expireAfterCreate(key, page, now);
                    }

                    @Override
                    public long expireAfterRead(Key key, CataloguePage page, long now, long remaining) {
                        return remaining;
                    }
                })
                .buildAsync();
    }

    /**
     * The page answering {@code request}, from memory when it is there, else read with {@code render} (which runs the
     * queries and serializes the answer) and kept.
     *
     * @param request everything the answer depends on: the origin, the path and the query string as sent, since the
     *     answer's {@code next} and {@code previous} links repeat them
     */
    public CataloguePage page(String request, Supplier<byte[]> render) {
        Key key = new Key(generation.get(), request);
        CompletableFuture<CataloguePage> reading = new CompletableFuture<>();
        CompletableFuture<CataloguePage> present = pages.asMap().putIfAbsent(key, reading);
        if (present != null) {
            try {
                return present.join();
            } catch (CompletionException | CancellationException failed) {
                // The reading it waited for failed and is not kept: this request reads on its own (and answers its
                // own problem, with its own request id).
                return read(render);
            }
        }
        try {
            CataloguePage page = read(render);
            reading.complete(page);
            return page;
        } catch (RuntimeException | Error failed) {
            // Cancelled rather than failed: Caffeine drops the entry either way, but logs a failed one as a warning
            // with its stack trace, and a 404 past the end is no reason for one. The problem is this request's.
            reading.cancel(false);
            throw failed;
        }
    }

    /**
     * The page answering {@code request} when this replica's memory holds it, read and unexpired; {@code null} when it
     * does not, or while its reading is still under way (then {@link #page} waits for it).
     */
    public @Nullable CataloguePage present(String request) {
        CompletableFuture<CataloguePage> present = pages.getIfPresent(new Key(generation.get(), request));
        return present != null && present.isDone() && !present.isCompletedExceptionally() ? present.join() : null;
    }

    /**
     * Called by the catalog's write paths: once the transaction commits (at once without one), every page of this
     * replica is read again at its next request.
     */
    public void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    newGeneration();
                }
            });
        } else {
            newGeneration();
        }
    }

    /** How many pages this replica has read from the database: what tests and metrics compare requests against. */
    public long reads() {
        return reads.sum();
    }

    /** The bytes the pages kept weigh now, never above {@code atrium.catalogue.cache.max-size} for long. */
    public long storedWeight() {
        pages.synchronous().cleanUp();
        return pages.synchronous()
                .policy()
                .eviction()
                .orElseThrow()
                .weightedSize()
                .orElse(0);
    }

    private void newGeneration() {
        generation.incrementAndGet();
        // The pages of older generations can no longer be asked for: free their memory now rather than at expiry.
        pages.synchronous().invalidateAll();
    }

    private CataloguePage read(Supplier<byte[]> render) {
        // Taken before the queries run, so that the page's age counts from before its data was read.
        long readNanos = System.nanoTime();
        var readAt = clock.instant();
        reads.increment();
        return CataloguePage.of(render.get(), readAt, readNanos);
    }

    private record Key(long generation, String request) {}
}
