package dev.atrium.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.atrium.shared.problem.ServiceUnavailable;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On a 2-core machine: hashes run on low-priority platform threads of their own, never on the caller's (virtual)
 * thread; one per core when those threads really run at nice 19, half the cores otherwise; and a caller that waits too
 * long for its turn gets a 503. The niceness is given by hand where the sizing is the point, as the JVM would set it.
 */
class HashingPoolTests {

    static final int CORES = 2;
    static final Duration LONG_WAIT = Duration.ofMinutes(1);
    static final OptionalInt LOWERED = OptionalInt.of(19);
    static final OptionalInt NOT_LOWERED = OptionalInt.of(0);

    final AtomicInteger started = new AtomicInteger();
    final Semaphore hashesMayEnd = new Semaphore(0);
    final ExecutorService signIns = Executors.newVirtualThreadPerTaskExecutor();
    HashingPool pool;

    @AfterEach
    void endEveryHash() {
        hashesMayEnd.release(100);
        signIns.shutdownNow();
        if (pool != null) {
            pool.stop();
        }
    }

    @Test
    void a_hash_runs_on_a_low_priority_platform_thread_not_on_the_requests_virtual_thread() throws Exception {
        pool = HashingPool.start(0, CORES, LONG_WAIT);

        Future<Thread[]> threads = signIns.submit(() -> {
            Thread request = Thread.currentThread();
            Thread hashing = pool.run(Thread::currentThread);
            return new Thread[] {request, hashing};
        });

        Thread request = threads.get()[0];
        Thread hashing = threads.get()[1];
        assertThat(request.isVirtual()).isTrue();
        assertThat(hashing).isNotSameAs(request);
        assertThat(hashing.isVirtual()).isFalse();
        assertThat(hashing.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
        assertThat(hashing.getName()).startsWith("password-hashing-");
    }

    @Test
    void what_a_hash_throws_comes_back_to_the_caller_as_it_was() {
        pool = HashingPool.start(0, CORES, LONG_WAIT);

        assertThatThrownBy(() -> pool.run(() -> {
                    throw new IllegalArgumentException("Encoded password does not look like BCrypt");
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Encoded password does not look like BCrypt");
    }

    @Test
    void threads_lowered_to_nice_19_hash_on_every_core() throws Exception {
        pool = HashingPool.start(0, CORES, LONG_WAIT, () -> LOWERED);

        Future<Boolean> first = signIn();
        Future<Boolean> second = signIn();

        await().until(() -> started.get() == 2);
        assertThat(pool.size()).isEqualTo(CORES);
        hashesMayEnd.release(2);
        assertThat(first.get()).isTrue();
        assertThat(second.get()).isTrue();
    }

    @Test
    void threads_left_at_normal_priority_hash_on_half_the_cores() throws Exception {
        assertHalfTheCores(NOT_LOWERED);
    }

    @Test
    void threads_whose_niceness_cannot_be_read_hash_on_half_the_cores() throws Exception {
        assertHalfTheCores(OptionalInt.empty());
    }

    @Test
    void a_configured_number_of_hashes_holds_even_with_lowered_threads() {
        pool = HashingPool.start(1, CORES, LONG_WAIT, () -> LOWERED);

        assertThat(pool.size()).isEqualTo(1);
    }

    @Test
    void the_niceness_a_thread_reads_is_its_own() {
        // Wherever /proc/thread-self/stat exists (Linux), this test's thread runs at the niceness the JVM started at.
        OptionalInt own = HashingPool.ownNiceness();

        if (own.isPresent()) {
            assertThat(own.getAsInt()).isBetween(-20, 19);
        }
    }

    @Test
    void a_caller_that_waited_too_long_gets_a_503_and_leaves_its_place() throws Exception {
        pool = HashingPool.start(1, CORES, Duration.ofMillis(20), () -> NOT_LOWERED);
        Future<Boolean> first = signIn();
        await().until(() -> started.get() == 1);

        Future<Boolean> second = signIn();

        assertThatThrownBy(second::get)
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(ServiceUnavailable.class)
                .hasMessageContaining("Too many sign-ins at once");
        hashesMayEnd.release();
        assertThat(first.get()).isTrue();
        // The place it left is free again: the next sign-in hashes at once.
        Future<Boolean> third = signIn();
        await().until(() -> started.get() == 2);
        hashesMayEnd.release();
        assertThat(third.get()).isTrue();
    }

    @Test
    void no_hash_starts_once_the_pool_stopped() {
        pool = HashingPool.start(0, CORES, LONG_WAIT);
        pool.stop();

        assertThatThrownBy(() -> pool.run(() -> true))
                .isInstanceOf(ServiceUnavailable.class)
                .hasMessageContaining("while the server stops");
    }

    private void assertHalfTheCores(OptionalInt niceness) throws Exception {
        pool = HashingPool.start(0, CORES, LONG_WAIT, () -> niceness);

        Future<Boolean> first = signIn();
        Future<Boolean> second = signIn();

        await().until(() -> started.get() == 1 && pool.waiting() == 1);
        assertThat(pool.size()).isEqualTo(CORES / 2);
        hashesMayEnd.release();
        await().until(() -> started.get() == 2);
        hashesMayEnd.release();
        assertThat(first.get()).isTrue();
        assertThat(second.get()).isTrue();
    }

    private Future<Boolean> signIn() {
        return signIns.submit(() -> pool.run(() -> {
            started.incrementAndGet();
            hashesMayEnd.acquireUninterruptibly();
            return true;
        }));
    }
}
