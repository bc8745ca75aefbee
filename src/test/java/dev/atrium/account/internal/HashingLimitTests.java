package dev.atrium.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.atrium.shared.problem.ServiceUnavailable;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On a 2-core machine: sign-ins alone hash on both cores, a request of any other kind in flight keeps the second core
 * from any new hash (without stopping one that runs), and a configured number of hashes holds whatever else is going on.
 * The requests in flight are set by hand here, as the web edge would count them.
 */
class HashingLimitTests {

    static final int CORES = 2;
    static final Duration LONG_WAIT = Duration.ofMinutes(1);

    final AtomicInteger requestsInFlight = new AtomicInteger();
    final AtomicInteger started = new AtomicInteger();
    final Semaphore hashesMayEnd = new Semaphore(0);
    final ExecutorService signIns = Executors.newCachedThreadPool();

    @AfterEach
    void endEveryHash() {
        hashesMayEnd.release(100);
        signIns.shutdownNow();
    }

    @Test
    void sign_ins_alone_hash_on_every_core() throws Exception {
        HashingLimit limit = HashingLimit.of(0, CORES, requestsInFlight::get, LONG_WAIT);
        requestsInFlight.set(2); // two sign-ins and nothing else

        Future<Boolean> first = signIn(limit);
        Future<Boolean> second = signIn(limit);

        await().until(() -> started.get() == 2);
        assertThat(limit.hashing()).isEqualTo(2);
        hashesMayEnd.release(2);
        assertThat(first.get()).isTrue();
        assertThat(second.get()).isTrue();
        assertThat(limit.callers()).isZero();
    }

    @Test
    void another_request_in_flight_keeps_the_extra_core_until_it_ends() throws Exception {
        HashingLimit limit = HashingLimit.of(0, CORES, requestsInFlight::get, LONG_WAIT);
        requestsInFlight.set(3); // two sign-ins and a catalogue read

        Future<Boolean> first = signIn(limit);
        Future<Boolean> second = signIn(limit);

        await().until(() -> limit.callers() == 2 && started.get() == 1);
        assertThat(limit.hashing()).isEqualTo(1);

        requestsInFlight.set(2); // the read is answered
        await().until(() -> started.get() == 2);
        hashesMayEnd.release(2);
        assertThat(first.get()).isTrue();
        assertThat(second.get()).isTrue();
    }

    @Test
    void a_request_arriving_during_two_hashes_stops_no_hash_but_no_new_one_takes_the_extra_core() throws Exception {
        HashingLimit limit = HashingLimit.of(0, CORES, requestsInFlight::get, LONG_WAIT);
        requestsInFlight.set(2);
        Future<Boolean> first = signIn(limit);
        Future<Boolean> second = signIn(limit);
        await().until(() -> started.get() == 2);

        requestsInFlight.set(4); // a read, and a third sign-in
        Future<Boolean> third = signIn(limit);
        await().until(() -> limit.callers() == 3);

        // Both running hashes go on; when one ends, the third takes only the base core, still held by the other.
        hashesMayEnd.release();
        await().until(() -> first.isDone() || second.isDone());
        requestsInFlight.set(3);
        assertThat(limit.callers()).isEqualTo(2);
        assertThat(started.get()).isEqualTo(2);

        hashesMayEnd.release();
        await().until(() -> started.get() == 3);
        requestsInFlight.set(2);
        hashesMayEnd.release();
        assertThat(first.get()).isTrue();
        assertThat(second.get()).isTrue();
        assertThat(third.get()).isTrue();
    }

    @Test
    void a_sign_in_busy_around_its_hash_does_not_count_as_another_request() throws Exception {
        HashingLimit limit = HashingLimit.of(0, CORES, requestsInFlight::get, LONG_WAIT);
        requestsInFlight.set(3); // three sign-ins: one opening its session, two hashing
        Semaphore sessionMayOpen = new Semaphore(0);
        AtomicInteger openingSessions = new AtomicInteger();
        Future<Boolean> opening = signIns.submit(() -> limit.onBehalfOf(() -> {
            openingSessions.incrementAndGet();
            sessionMayOpen.acquireUninterruptibly();
            return true;
        }));
        await().until(() -> openingSessions.get() == 1);

        Future<Boolean> first = signIn(limit);
        Future<Boolean> second = signIn(limit);

        await().until(() -> started.get() == 2);
        sessionMayOpen.release();
        hashesMayEnd.release(2);
        assertThat(opening.get()).isTrue();
        assertThat(first.get()).isTrue();
        assertThat(second.get()).isTrue();
        assertThat(limit.callers()).isZero();
    }

    @Test
    void a_configured_number_of_hashes_holds_even_when_sign_ins_are_all_there_is() throws Exception {
        HashingLimit limit = HashingLimit.of(1, CORES, requestsInFlight::get, LONG_WAIT);
        requestsInFlight.set(2);

        Future<Boolean> first = signIn(limit);
        Future<Boolean> second = signIn(limit);

        await().until(() -> limit.callers() == 2 && started.get() == 1);
        hashesMayEnd.release();
        await().until(() -> started.get() == 2);
        hashesMayEnd.release();
        assertThat(first.get()).isTrue();
        assertThat(second.get()).isTrue();
    }

    @Test
    void a_caller_that_waited_too_long_gets_a_503_and_leaves_its_place() throws Exception {
        HashingLimit limit = HashingLimit.of(1, CORES, requestsInFlight::get, Duration.ofMillis(20));
        requestsInFlight.set(2);
        Future<Boolean> first = signIn(limit);
        await().until(() -> started.get() == 1);

        Future<Boolean> second = signIn(limit);

        assertThatThrownBy(second::get)
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(ServiceUnavailable.class)
                .hasMessageContaining("Too many sign-ins at once");
        assertThat(limit.callers()).isEqualTo(1);
        hashesMayEnd.release();
        assertThat(first.get()).isTrue();
        assertThat(limit.callers()).isZero();
    }

    private Future<Boolean> signIn(HashingLimit limit) {
        return signIns.submit(() -> limit.run(() -> {
            started.incrementAndGet();
            hashesMayEnd.acquireUninterruptibly();
            return true;
        }));
    }
}
