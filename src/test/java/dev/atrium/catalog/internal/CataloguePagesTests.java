package dev.atrium.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The memory of the catalogue lists, driven directly: what it keeps, for how long, and how many reads it runs. */
class CataloguePagesTests {

    final CataloguePages pages = new CataloguePages(Duration.ofMillis(500), DataSize.ofMegabytes(1), Clock.systemUTC());

    @Test
    void a_page_asked_for_again_at_once_is_answered_from_memory() {
        AtomicInteger queries = new AtomicInteger();
        Supplier<byte[]> render = counting(queries, "[1]");

        CataloguePage first = pages.page("/api/products", render);
        CataloguePage again = pages.page("/api/products", render);

        assertThat(queries).hasValue(1);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.etag()).isEqualTo(first.etag()).startsWith("\"").endsWith("\"");
        assertThat(pages.page("/api/products?page=2", render).body()).isEqualTo(first.body());
        assertThat(queries).hasValue(2);
    }

    @Test
    void concurrent_misses_for_one_page_run_one_read() throws Exception {
        AtomicInteger queries = new AtomicInteger();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<byte[]> slow = () -> {
            queries.incrementAndGet();
            reading.countDown();
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return "[\"page\"]".getBytes(StandardCharsets.UTF_8);
        };
        List<Thread> waiting = new ArrayList<>();
        List<Future<CataloguePage>> answers = new ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newThreadPerTaskExecutor(runnable -> {
            Thread thread = Thread.ofPlatform().unstarted(runnable);
            waiting.add(thread);
            return thread;
        })) {
            answers.add(threads.submit(() -> pages.page("/api/products?q=lamp", slow)));
            reading.await();
            for (int i = 0; i < 8; i++) {
                answers.add(threads.submit(() -> pages.page("/api/products?q=lamp", slow)));
            }
            // Every other request is parked on the first one's read before it is let go.
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> waiting.stream().skip(1).allMatch(t -> t.getState() == Thread.State.WAITING));
            release.countDown();
            for (Future<CataloguePage> answer : answers) {
                assertThat(new String(answer.get().body(), StandardCharsets.UTF_8))
                        .isEqualTo("[\"page\"]");
            }
        }
        assertThat(queries).hasValue(1);
        assertThat(pages.reads()).isEqualTo(1);
    }

    @Test
    void a_page_that_fails_is_not_kept() {
        AtomicInteger queries = new AtomicInteger();
        Supplier<byte[]> failing = () -> {
            queries.incrementAndGet();
            throw new IllegalStateException("PostgreSQL is down");
        };

        assertThatThrownBy(() -> pages.page("/api/products", failing)).hasMessage("PostgreSQL is down");
        assertThatThrownBy(() -> pages.page("/api/products", failing)).hasMessage("PostgreSQL is down");
        assertThat(queries).hasValue(2);

        CataloguePage recovered = pages.page("/api/products", counting(queries, "[]"));
        assertThat(new String(recovered.body(), StandardCharsets.UTF_8)).isEqualTo("[]");
    }

    @Test
    void requests_waiting_on_a_read_that_fails_read_the_page_themselves() throws Exception {
        AtomicInteger queries = new AtomicInteger();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<byte[]> failingFirst = () -> {
            if (queries.incrementAndGet() > 1) {
                return "[]".getBytes(StandardCharsets.UTF_8);
            }
            reading.countDown();
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("PostgreSQL is down");
        };
        List<Thread> waiting = new ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newThreadPerTaskExecutor(runnable -> {
            Thread thread = Thread.ofPlatform().unstarted(runnable);
            waiting.add(thread);
            return thread;
        })) {
            Future<CataloguePage> failed = threads.submit(() -> pages.page("/api/products", failingFirst));
            reading.await();
            Future<CataloguePage> waited = threads.submit(() -> pages.page("/api/products", failingFirst));
            await().atMost(Duration.ofSeconds(5)).until(() -> waiting.get(1).getState() == Thread.State.WAITING);
            release.countDown();

            assertThatThrownBy(failed::get).hasRootCauseMessage("PostgreSQL is down");
            assertThat(new String(waited.get().body(), StandardCharsets.UTF_8)).isEqualTo("[]");
        }
        assertThat(queries).hasValue(2);
    }

    @Test
    void a_page_is_read_again_once_its_time_to_live_has_passed() {
        AtomicInteger queries = new AtomicInteger();
        Supplier<byte[]> render = counting(queries, "[1]");
        CataloguePage first = pages.page("/api/products", render);

        await().atMost(Duration.ofMillis(1500))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    pages.page("/api/products", render);
                    return queries.get() == 2;
                });
        assertThat(System.nanoTime() - first.readNanos())
                .isGreaterThanOrEqualTo(Duration.ofMillis(500).toNanos());
    }

    @Test
    void a_change_through_this_replica_makes_the_next_read_fresh_at_once() {
        AtomicInteger queries = new AtomicInteger();
        Supplier<byte[]> render = counting(queries, "[1]");
        pages.page("/api/products", render);

        pages.changed();
        pages.page("/api/products", render);

        assertThat(queries).hasValue(2);
    }

    @Test
    void the_memory_held_stays_within_its_bound() throws ExecutionException {
        CataloguePages small = new CataloguePages(Duration.ofMinutes(1), DataSize.ofKilobytes(64), Clock.systemUTC());
        byte[] tenKilobytes = new byte[10 * 1024];
        for (int i = 0; i < 100; i++) {
            small.page("/api/products?page=" + i, () -> tenKilobytes);
        }

        assertThat(small.storedWeight()).isPositive().isLessThanOrEqualTo(64 * 1024);
    }

    private static Supplier<byte[]> counting(AtomicInteger queries, String json) {
        return () -> {
            queries.incrementAndGet();
            return json.getBytes(StandardCharsets.UTF_8);
        };
    }
}
