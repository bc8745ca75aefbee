package dev.atrium.web;

import dev.atrium.shared.web.RequestsInFlight;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the requests being served, for {@link RequestsInFlight}: password hashing takes the idle cores only while the
 * count says nothing but sign-ins is in flight, so a count that drifted upwards would hold sign-ins to half the
 * machine for good, and one that drifted downwards would let hashing crowd out reads.
 *
 * <p>A request is counted once, on its first dispatch (error and async dispatches belong to the same request), from
 * early in the chain (just inside the request id and the request log, before security) until its answer is complete:
 * when the chain returns or throws, or, for a request that went async, when its async part completes, fails or times
 * out (the container always ends those with {@code onComplete}). Each request is uncounted exactly once.
 *
 * <p>Only there when {@code atrium.passwords.adaptive} is on, the one thing that reads the count: otherwise it would
 * be work on every request for nothing.
 */
@Component
@ConditionalOnBooleanProperty("atrium.passwords.adaptive")
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class InFlightRequests extends OncePerRequestFilter implements RequestsInFlight {

    private final AtomicInteger inFlight = new AtomicInteger();

    @Override
    public int count() {
        return inFlight.get();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        inFlight.incrementAndGet();
        AtomicBoolean done = new AtomicBoolean();
        try {
            chain.doFilter(request, response);
        } finally {
            if (!request.isAsyncStarted() || !uncountOnCompletion(request, done)) {
                uncount(done);
            }
        }
    }

    /** Whether the async part of the request will uncount it; false when it can no longer be listened to. */
    private boolean uncountOnCompletion(HttpServletRequest request, AtomicBoolean done) {
        try {
            request.getAsyncContext().addListener(new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                    uncount(done);
                }

                @Override
                public void onError(AsyncEvent event) {
                    // onComplete follows; uncounting here too is harmless, as it happens once.
                    uncount(done);
                }

                @Override
                public void onTimeout(AsyncEvent event) {}

                @Override
                public void onStartAsync(AsyncEvent event) {
                    // A new async cycle of the same request: keep listening until it really completes.
                    event.getAsyncContext().addListener(this);
                }
            });
            return true;
        } catch (IllegalStateException alreadyOver) {
            return false;
        }
    }

    private void uncount(AtomicBoolean done) {
        if (done.compareAndSet(false, true)) {
            inFlight.decrementAndGet();
        }
    }
}
