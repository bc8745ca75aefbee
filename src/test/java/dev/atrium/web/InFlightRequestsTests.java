package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A request counts as in flight from the moment it enters until its answer is complete, whatever way it ends: answered,
 * failed with an exception, or answered later by an async part that completes or fails. Error dispatches of the same
 * request are not counted again.
 */
class InFlightRequestsTests {

    final InFlightRequests inFlight = new InFlightRequests();
    final List<Integer> seenWhileServing = new ArrayList<>();

    @Test
    void a_request_counts_while_it_is_served_and_not_after() throws Exception {
        serve(new MockHttpServletRequest("GET", "/api/products"), new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                seenWhileServing.add(inFlight.count());
            }
        });

        assertThat(seenWhileServing).containsExactly(1);
        assertThat(inFlight.count()).isZero();
    }

    @Test
    void a_request_that_fails_with_an_exception_is_uncounted_and_its_error_dispatch_is_not_counted() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/products");
        HttpServlet failing = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException {
                seenWhileServing.add(inFlight.count());
                throw new ServletException("the database is gone");
            }
        };

        assertThatThrownBy(() -> serve(request, failing)).isInstanceOf(ServletException.class);
        assertThat(inFlight.count()).isZero();

        // What the container does next: the same request, dispatched again to the error page.
        request.setDispatcherType(DispatcherType.ERROR);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/products");
        assertThatThrownBy(() -> serve(request, failing)).isInstanceOf(ServletException.class);
        assertThat(seenWhileServing).containsExactly(1, 0);
        assertThat(inFlight.count()).isZero();
    }

    @Test
    void an_async_request_counts_until_its_async_part_completes() throws Exception {
        MockHttpServletRequest request = asyncRequest();

        serve(request, startsAsync());
        assertThat(inFlight.count()).isEqualTo(1);

        ((MockAsyncContext) request.getAsyncContext()).complete();
        assertThat(inFlight.count()).isZero();
    }

    @Test
    void an_async_request_whose_async_part_fails_is_uncounted_once() throws Exception {
        MockHttpServletRequest request = asyncRequest();

        serve(request, startsAsync());
        assertThat(inFlight.count()).isEqualTo(1);

        // A failure is reported to the listeners, then the container completes the request.
        MockAsyncContext async = (MockAsyncContext) request.getAsyncContext();
        for (var listener : async.getListeners()) {
            listener.onError(new AsyncEvent(async, new IllegalStateException("client went away")));
        }
        async.complete();
        assertThat(inFlight.count()).isZero();
    }

    private static MockHttpServletRequest asyncRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/products");
        request.setAsyncSupported(true);
        return request;
    }

    private static HttpServlet startsAsync() {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                request.startAsync();
            }
        };
    }

    private void serve(MockHttpServletRequest request, HttpServlet servlet) throws Exception {
        new MockFilterChain(servlet, inFlight).doFilter(request, new MockHttpServletResponse());
    }
}
