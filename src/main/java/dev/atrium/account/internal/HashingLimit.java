package dev.atrium.account.internal;

import dev.atrium.shared.problem.ServiceUnavailable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * How many password hashes run at once: a base that hashing may always use, and extra hashes that may start only while
 * no other request is in flight, so that sign-ins use the whole machine when they are all there is and yield the extra
 * cores the moment anything else arrives.
 *
 * <p>Other work takes priority simply because no extra hash starts while it runs; a hash that has started is never
 * interrupted, so the longest a request arriving during a sign-in flood waits for a core is one hash's time. The base
 * (half the cores) is what a flood of sign-ins keeps even when reads are busy, so neither side can starve the other.
 *
 * <p>"Other requests" are the requests in flight minus the callers of this limit (waiting or hashing); callers that
 * are not requests (the first administrator and demo accounts, made at start-up) may make it read low for a moment,
 * hence the floor at zero. A sign-in counts as a caller for the whole of its work around the hash too (reading the
 * account, the throttle, opening the session: {@link #onBehalfOf}), or else each sign-in doing that work would keep the
 * extra cores idle. What is left of a sign-in outside that (the filters, reading the body, writing the answer) still
 * counts as another request for a moment, so the first in line, when only other requests keep it from an extra hash,
 * looks again every {@link #RECHECK} rather than only when a hash ends: waiting for the next hash to end would leave a
 * core idle for up to one hash's time every time.
 *
 * <p>Callers take their turn in arrival order, and give up with a 503 after the longest wait.
 */
final class HashingLimit {

    static final Duration RECHECK = Duration.ofMillis(2);

    private final int base;
    private final int extra;
    private final IntSupplier requestsInFlight;
    private final Duration maxWait;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Object> line = new ArrayDeque<>();
    private final ThreadLocal<int[]> scopes = ThreadLocal.withInitial(() -> new int[1]);
    private int hashing;
    private int callers;

    private HashingLimit(int base, int extra, IntSupplier requestsInFlight, Duration maxWait) {
        this.base = base;
        this.extra = extra;
        this.requestsInFlight = requestsInFlight;
        this.maxWait = maxWait;
    }

    /**
     * The limit for {@code atrium.passwords.concurrent-hashes}: that many hashes when it is set (above 0), otherwise
     * half the cores always plus the other half while nothing but sign-ins is in flight.
     */
    static HashingLimit of(int concurrentHashes, int cores, IntSupplier requestsInFlight, Duration maxWait) {
        if (concurrentHashes > 0) {
            return new HashingLimit(concurrentHashes, 0, requestsInFlight, maxWait);
        }
        int base = Math.max(1, cores / 2);
        return new HashingLimit(base, Math.max(0, cores - base), requestsInFlight, maxWait);
    }

    /** Runs the hash once its turn comes and a core is free for it; a 503 when that takes longer than the wait. */
    <T> T run(Supplier<T> hash) {
        boolean counted = !inScope();
        awaitTurn(counted);
        try {
            return hash.get();
        } finally {
            lock.lock();
            try {
                hashing--;
                if (counted) {
                    callers--;
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Runs work done for a sign-in around its hashes, during which the request counts as a caller of this limit rather
     * than as another request. Scopes may nest; the outermost one counts.
     */
    <T> T onBehalfOf(Supplier<T> work) {
        int[] depth = scopes.get();
        if (depth[0]++ == 0) {
            addCallers(1);
        }
        try {
            return work.get();
        } finally {
            if (--depth[0] == 0) {
                scopes.remove();
                addCallers(-1);
            }
        }
    }

    private boolean inScope() {
        int[] depth = scopes.get();
        if (depth[0] == 0) {
            scopes.remove();
            return false;
        }
        return true;
    }

    private void addCallers(int count) {
        lock.lock();
        try {
            callers += count;
        } finally {
            lock.unlock();
        }
    }

    /** The hashes running now. */
    int hashing() {
        lock.lock();
        try {
            return hashing;
        } finally {
            lock.unlock();
        }
    }

    /** The callers waiting for their turn or hashing now. */
    int callers() {
        lock.lock();
        try {
            return callers;
        } finally {
            lock.unlock();
        }
    }

    private void awaitTurn(boolean counted) {
        Object me = new Object();
        long deadline = System.nanoTime() + maxWait.toNanos();
        lock.lock();
        try {
            if (counted) {
                callers++;
            }
            line.addLast(me);
            boolean admitted = false;
            try {
                while (line.peekFirst() != me || hashing >= limit()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw ServiceUnavailable.busy("Too many sign-ins at once; try again in a few seconds");
                    }
                    boolean heldOnlyByOthers = line.peekFirst() == me && hashing < base + extra;
                    changed.awaitNanos(heldOnlyByOthers ? Math.min(left, RECHECK.toNanos()) : left);
                }
                admitted = true;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw ServiceUnavailable.busy("Interrupted while waiting to check a password");
            } finally {
                line.remove(me);
                if (admitted) {
                    hashing++;
                } else if (counted) {
                    callers--;
                }
                // The next in line may start too, or become first.
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private int limit() {
        int others = Math.max(0, requestsInFlight.getAsInt() - callers);
        return others == 0 ? base + extra : base;
    }
}
