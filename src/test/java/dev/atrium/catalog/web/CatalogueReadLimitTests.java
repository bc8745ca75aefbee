package dev.atrium.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

class CatalogueReadLimitTests {

    /** Answers whatever the limit refuses with the status of the problem, as Atrium's problem translation does. */
    private static final HandlerExceptionResolver STATUS_ONLY = (request, response, handler, failure) -> {
        response.setStatus(((ErrorResponse) failure).getStatusCode().value());
        return new ModelAndView();
    };

    @Test
    void a_read_beyond_the_limit_waits_and_is_refused_with_503_when_no_turn_comes() throws Exception {
        CatalogueReadLimit limit = new CatalogueReadLimit(1, Duration.ofMillis(50), STATUS_ONLY);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = holding(limit, get("/api/products"), inside, release);
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse refused = new MockHttpServletResponse();
        MockFilterChain notReached = new MockFilterChain();
        limit.doFilter(get("/api/shops/1/products"), refused, notReached);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(notReached.getRequest()).isNull();

        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        MockHttpServletResponse served = new MockHttpServletResponse();
        MockFilterChain reached = new MockFilterChain();
        limit.doFilter(get("/api/products"), served, reached);
        assertThat(served.getStatus()).isEqualTo(200);
        assertThat(reached.getRequest()).isNotNull();
    }

    @Test
    void other_requests_never_wait_for_catalogue_reads() throws Exception {
        CatalogueReadLimit limit = new CatalogueReadLimit(1, Duration.ofMillis(50), STATUS_ONLY);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = holding(limit, get("/api/products"), inside, release);
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        for (MockHttpServletRequest other : new MockHttpServletRequest[] {
            new MockHttpServletRequest("POST", "/api/order"),
            new MockHttpServletRequest("POST", "/api/products"),
            new MockHttpServletRequest("GET", "/api/my-orders")
        }) {
            MockFilterChain chain = new MockFilterChain();
            limit.doFilter(other, new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest())
                    .as(other.getMethod() + " " + other.getRequestURI())
                    .isNotNull();
        }
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
    }

    @Test
    void while_a_write_is_in_flight_reads_go_one_at_a_time() throws Exception {
        CatalogueReadLimit limit = new CatalogueReadLimit(4, Duration.ofMillis(50), STATUS_ONLY);
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> write =
                holding(limit, new MockHttpServletRequest("POST", "/api/order"), writing, release);
        assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> read = holding(limit, get("/api/products"), reading, release);
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse refused = new MockHttpServletResponse();
        limit.doFilter(get("/api/products?page=2"), refused, new MockFilterChain());
        assertThat(refused.getStatus())
                .as("a second read while an order is in flight")
                .isEqualTo(503);

        release.countDown();
        write.get(10, TimeUnit.SECONDS);
        read.get(10, TimeUnit.SECONDS);
        MockFilterChain reached = new MockFilterChain();
        limit.doFilter(get("/api/products?page=2"), new MockHttpServletResponse(), reached);
        assertThat(reached.getRequest()).isNotNull();
    }

    /** Runs the request through the limit on another thread, holding it inside until {@code release}. */
    private static CompletableFuture<Void> holding(
            CatalogueReadLimit limit, MockHttpServletRequest request, CountDownLatch inside, CountDownLatch release) {
        // A thread of its own: the common pool may have a single thread on a small machine.
        return CompletableFuture.runAsync(
                () -> {
                    try {
                        limit.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
                            inside.countDown();
                            try {
                                release.await();
                            } catch (InterruptedException interrupted) {
                                Thread.currentThread().interrupt();
                            }
                        });
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                task -> Thread.ofPlatform().start(task));
    }

    private static MockHttpServletRequest get(String path) {
        return new MockHttpServletRequest("GET", path);
    }
}
