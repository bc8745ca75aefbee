package dev.atrium.catalog.web;

import dev.atrium.shared.problem.ServiceUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Catalogue reads ({@code GET} or {@code HEAD} of {@code /api/products} and {@code /api/shops}) are served a few at a
 * time, and yield to writes: at most {@code atrium.catalogue.concurrent-reads} at once (twice the cores by default),
 * and only one while any write of the API ({@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}: an order, a
 * sign-in, an edit) is in flight. The other reads wait their turn, parked, in arrival order, and give up with a 503
 * problem after {@code atrium.catalogue.read-wait}.
 *
 * <p>Why: requests run on virtual threads, which take turns on the carrier threads in arrival order, one turn each
 * time a thread resumes. A page answered from memory is a fraction of a millisecond of CPU and never waits, so a
 * flood of reads keeps the carriers busy and their queue full; an order resumes a dozen times (token, cart, stock,
 * commit) and waits behind that queue each time, and PostgreSQL gets less of the machine to commit it. Measured with
 * {@code bench/orders-and-reads.sh}, orders fell to a tenth of their rate alone. Reads that wait here are parked,
 * not queued for a carrier; while a write is in flight one read at a time leaves the other cores to it; alone, reads
 * lose nothing, since a read from memory waits on nothing and a few at once keep every core busy.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class CatalogueReadLimit extends OncePerRequestFilter {

    private final int maxReads;
    private final long waitNanos;
    private final HandlerExceptionResolver problems;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition turn = lock.newCondition();
    private int reads;
    private int writes;

    CatalogueReadLimit(
            @Value("${atrium.catalogue.concurrent-reads:0}") int concurrentReads,
            @Value("${atrium.catalogue.read-wait:5s}") Duration wait,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.maxReads =
                concurrentReads > 0 ? concurrentReads : 2 * Runtime.getRuntime().availableProcessors();
        this.waitNanos = wait.toNanos();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (isCatalogueRead(method, request.getRequestURI())) {
            read(request, response, chain);
        } else if (isWrite(method)) {
            write(request, response, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    private void read(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!enterRead()) {
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
            lock.lock();
            try {
                reads--;
                turn.signal();
            } finally {
                lock.unlock();
            }
        }
    }

    private boolean enterRead() {
        lock.lock();
        try {
            long left = waitNanos;
            while (reads >= (writes > 0 ? 1 : maxReads)) {
                if (left <= 0) {
                    // A turn signalled to this read as it gave up goes to the next one.
                    turn.signal();
                    return false;
                }
                left = turn.awaitNanos(left);
            }
            reads++;
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void write(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        lock.lock();
        try {
            writes++;
        } finally {
            lock.unlock();
        }
        try {
            chain.doFilter(request, response);
        } finally {
            lock.lock();
            try {
                writes--;
                if (writes == 0) {
                    // Reads may take every permit again.
                    turn.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private static boolean isCatalogueRead(String method, String path) {
        return ("GET".equals(method) || "HEAD".equals(method))
                && (path.startsWith("/api/products") || path.startsWith("/api/shops"));
    }

    private static boolean isWrite(String method) {
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method) || "DELETE".equals(method);
    }
}
