package dev.atrium.catalog.web;

import dev.atrium.shared.problem.ServiceUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * At most {@code atrium.catalogue.concurrent-reads} catalogue reads ({@code GET} or {@code HEAD} of
 * {@code /api/products} and {@code /api/shops}) are served at once; the others wait their turn, in arrival order, and
 * give up with a 503 problem after {@code atrium.catalogue.read-wait}.
 *
 * <p>Why: requests run on virtual threads, which take turns on the carrier threads in arrival order, one turn each
 * time a thread resumes. A page answered from memory is a few tenths of a millisecond of CPU and no waiting, so a
 * flood of reads keeps the carriers' queue full; an order resumes a dozen times (token, cart, stock, commit) and waits
 * behind the whole queue at each: measured with {@code bench/orders-and-reads.sh}, orders fell to a tenth of their rate
 * alone. Reads that wait here are parked, not queued for a carrier: orders and every other request find a short queue,
 * and reads lose nothing while the permits are at least the cores, since a read from memory never waits on anything.
 * The limit stands before security and the rest of the chain, so that nearly all of a read's work is inside it.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class CatalogueReadLimit extends OncePerRequestFilter {

    private final Semaphore permits;
    private final long waitNanos;
    private final HandlerExceptionResolver problems;

    CatalogueReadLimit(
            @Value("${atrium.catalogue.concurrent-reads:0}") int concurrentReads,
            @Value("${atrium.catalogue.read-wait:5s}") Duration wait,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.permits = new Semaphore(
                concurrentReads > 0 ? concurrentReads : 2 * Runtime.getRuntime().availableProcessors(), true);
        this.waitNanos = wait.toNanos();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI();
        return !("GET".equals(method) || "HEAD".equals(method))
                || !(path.startsWith("/api/products") || path.startsWith("/api/shops"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            problems.resolveException(
                    request,
                    response,
                    null,
                    ServiceUnavailable.busy(
                            "The catalogue has more readers than it serves at once; try again shortly"));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }
}
