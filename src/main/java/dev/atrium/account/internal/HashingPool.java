package dev.atrium.account.internal;

import dev.atrium.shared.concurrent.TaskFailure;
import dev.atrium.shared.problem.ServiceUnavailable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform threads password hashes run on, at the lowest priority the operating system gives: the caller (a
 * request's virtual thread) hands its hash over and waits, which frees the carrier thread it ran on for other requests.
 *
 * <p>How many threads, the start decides once. On Linux, with {@value #JVM_OPTIONS}, HotSpot runs a
 * {@link Thread#MIN_PRIORITY} thread at nice 19, which the scheduler weighs at about 1/70 of an ordinary thread: a hash
 * then takes a core only while nothing else wants it, and the pool has as many threads as there are cores. The start
 * checks this rather than trusting the options: one thread of the pool reads its own niceness from
 * {@code /proc/thread-self/stat}. Without the options (or off Linux, or when it cannot be read) the hashing threads
 * would compete with requests as equals, so the pool keeps to half the cores (at least one), and the other half serves
 * everything else.
 *
 * <p>Callers take their turn in arrival order, and give up with a 503 after the longest wait.
 */
final class HashingPool {

    /** The JVM options that make {@link Thread#MIN_PRIORITY} nice 19 on Linux; lowering a priority needs no privilege. */
    static final String JVM_OPTIONS = "-XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19";

    /** The niceness the hashing threads must have for the pool to take every core: the lowest Linux gives. */
    static final int LOWEST_PRIORITY_NICENESS = 19;

    private static final Logger log = LoggerFactory.getLogger(HashingPool.class);

    private final ThreadPoolExecutor threads;
    private final Semaphore turns;
    private final Duration maxWait;

    private HashingPool(ThreadPoolExecutor threads, int size, Duration maxWait) {
        this.threads = threads;
        this.turns = new Semaphore(size, true);
        this.maxWait = maxWait;
    }

    /**
     * Starts the pool and says in the log how many threads it has, and why.
     *
     * @param configured threads set by {@code atrium.passwords.concurrent-hashes}; 0 lets the pool decide
     */
    static HashingPool start(int configured, int cores, Duration maxWait) {
        return start(configured, cores, maxWait, HashingPool::ownNiceness);
    }

    /** As {@link #start(int, int, Duration)}, with the way a hashing thread reads its niceness given. */
    static HashingPool start(int configured, int cores, Duration maxWait, Supplier<OptionalInt> niceness) {
        ThreadFactory factory = lowPriorityThreads();
        OptionalInt found = nicenessOfOneThread(factory, niceness);
        boolean lowered = found.isPresent() && found.getAsInt() >= LOWEST_PRIORITY_NICENESS;
        int size;
        if (configured > 0) {
            size = configured;
            log.info(
                    "Password hashing: {}, as atrium.passwords.concurrent-hashes sets ({})",
                    threads(size),
                    lowered ? "at nice " + found.getAsInt() : "not lowered in priority");
        } else if (lowered) {
            size = cores;
            log.info(
                    "Password hashing: {}, one per core: they run at nice {}, so they yield every core to requests",
                    threads(size),
                    found.getAsInt());
        } else {
            size = Math.max(1, cores / 2);
            log.info(
                    "Password hashing: {}, half the cores: {}, so they would compete with requests as equals (the JVM"
                            + " options {} lower them on Linux and let them use every idle core)",
                    threads(size),
                    found.isPresent()
                            ? "they run at nice " + found.getAsInt()
                            : "their niceness could not be read (/proc/thread-self/stat)",
                    JVM_OPTIONS);
        }
        ThreadPoolExecutor threads =
                new ThreadPoolExecutor(size, size, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), factory);
        // An idle service keeps no hashing threads; a new one costs far less than the hash it is made for.
        threads.allowCoreThreadTimeOut(true);
        return new HashingPool(threads, size, maxWait);
    }

    /**
     * Runs the hash on a hashing thread once its turn comes, and waits for it: a 503 when the turn takes longer than
     * the longest wait. What the hash returns or throws comes back here.
     */
    <T> T run(Supplier<T> hash) {
        boolean admitted;
        try {
            admitted = turns.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw ServiceUnavailable.busy("Interrupted while waiting to check a password");
        }
        if (!admitted) {
            throw ServiceUnavailable.busy("Too many sign-ins at once; try again in a few seconds");
        }
        Future<T> result;
        try {
            result = threads.submit(() -> {
                try {
                    return hash.get();
                } finally {
                    // Given back by the hashing thread when it is done, not when a caller stops waiting, so that no
                    // more hashes are ever under way than the pool has threads.
                    turns.release();
                }
            });
        } catch (RejectedExecutionException ex) {
            turns.release();
            throw ServiceUnavailable.busy("Passwords cannot be checked while the server stops");
        }
        try {
            return result.get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw ServiceUnavailable.busy("Interrupted while checking a password");
        } catch (ExecutionException ex) {
            throw TaskFailure.cause(ex);
        }
    }

    /** The hashes that may run at once: the pool's threads. */
    int size() {
        return threads.getMaximumPoolSize();
    }

    /** About how many callers wait for their turn now. */
    int waiting() {
        return turns.getQueueLength();
    }

    void stop() {
        threads.shutdownNow();
    }

    private static String threads(int count) {
        return count == 1 ? "1 thread" : count + " threads";
    }

    private static ThreadFactory lowPriorityThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "password-hashing-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        };
    }

    /** The niceness a thread of the pool runs at, read from inside it: that is where the operating system applied it. */
    private static OptionalInt nicenessOfOneThread(ThreadFactory factory, Supplier<OptionalInt> niceness) {
        AtomicReference<OptionalInt> found = new AtomicReference<>(OptionalInt.empty());
        Thread probe = factory.newThread(() -> found.set(niceness.get()));
        probe.start();
        try {
            probe.join();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return found.get();
    }

    /**
     * The calling thread's niceness: field 19 of {@code /proc/thread-self/stat}, counted after the command name, which
     * is in parentheses and may itself hold spaces. Empty where there is no such file (not Linux) or it reads oddly.
     */
    static OptionalInt ownNiceness() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (the state).
            return OptionalInt.of(Integer.parseInt(fields[19 - 3]));
        } catch (IOException | RuntimeException unreadable) {
            return OptionalInt.empty();
        }
    }
}
