package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The id a request is given follows it into its error dispatch: the error answer and its log name the request. */
class RequestIdTests {

    @Test
    void the_error_answer_and_its_log_carry_the_id_of_the_request_that_failed() throws Exception {
        List<String> logged = new ArrayList<>();
        HttpServlet loggingServlet = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                logged.add(MDC.get(RequestId.MDC_KEY));
            }
        };
        RequestId requestId = new RequestId();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/products");
        MockHttpServletResponse answer = new MockHttpServletResponse();
        new MockFilterChain(loggingServlet, requestId).doFilter(request, answer);
        String id = answer.getHeader(RequestId.HEADER);

        // What the container does after a failure: the same request, dispatched again to the error page.
        request.setDispatcherType(DispatcherType.ERROR);
        MockHttpServletResponse errorAnswer = new MockHttpServletResponse();
        new MockFilterChain(loggingServlet, requestId).doFilter(request, errorAnswer);

        assertThat(id).isNotBlank();
        assertThat(errorAnswer.getHeader(RequestId.HEADER)).isEqualTo(id);
        assertThat(logged).containsExactly(id, id);
    }

    @Test
    void an_id_sent_by_the_caller_is_kept_into_the_error_dispatch() throws Exception {
        RequestId requestId = new RequestId();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/products");
        request.addHeader(RequestId.HEADER, "edge-1234");
        new MockFilterChain(new HttpServlet() {}, requestId).doFilter(request, new MockHttpServletResponse());
        request.setDispatcherType(DispatcherType.ERROR);
        MockHttpServletResponse errorAnswer = new MockHttpServletResponse();
        new MockFilterChain(new HttpServlet() {}, requestId).doFilter(request, errorAnswer);
        assertThat(errorAnswer.getHeader(RequestId.HEADER)).isEqualTo("edge-1234");
    }

    @Test
    void a_new_id_is_a_random_uuid_and_never_repeats() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestId.forHeader(null);
            UUID parsed = UUID.fromString(id);
            assertThat(parsed.version()).isEqualTo(4);
            assertThat(parsed.variant()).isEqualTo(2);
            assertThat(ids.add(id)).as("a repeated id").isTrue();
        }
    }

    @Test
    void a_header_that_is_not_plain_gets_a_new_id_instead() {
        assertThat(RequestId.forHeader("abc-123")).isEqualTo("abc-123");
        assertThat(RequestId.forHeader("a b\nforged: line"))
                .isNotEqualTo("a b\nforged: line")
                .hasSize(36);
    }
}
