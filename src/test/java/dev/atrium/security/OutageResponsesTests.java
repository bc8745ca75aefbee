package dev.atrium.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.web.RequestId;
import dev.atrium.web.SecurityHeaders;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

/** A 503 for a store that is away goes out with the same security headers as any other answer. */
class OutageResponsesTests {

    @ParameterizedTest
    @ValueSource(strings = {"/api/users/me", "/admin/users"})
    void a_503_during_an_outage_carries_the_same_security_headers_as_a_200(String path) throws Exception {
        MockHttpServletResponse ok = serve(path, new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                response.setStatus(200);
            }
        });
        MockHttpServletResponse unavailable = serve(path, new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                response.setHeader("Set-Cookie", "SESSION=half-made");
                throw new RedisConnectionFailureException("Unable to connect to Redis");
            }
        });

        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(unavailable.getStatus()).isEqualTo(503);
        assertThat(securityHeaders(unavailable)).isEqualTo(securityHeaders(ok)).isEqualTo(SecurityHeaders.all());
        assertThat(unavailable.getHeader("Set-Cookie")).isNull();
        assertThat(unavailable.getHeader(RequestId.HEADER)).isNotBlank();
    }

    private static MockHttpServletResponse serve(String path, HttpServlet servlet) throws Exception {
        OutageResponses outages = new OutageResponses((request, response, handler, ex) -> {
            // What Atrium's problem translation does with ServiceUnavailable, in short.
            response.setStatus(503);
            return new ModelAndView();
        });
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new MockFilterChain(servlet, new RequestId(), outages).doFilter(request, response);
        return response;
    }

    private static Map<String, String> securityHeaders(MockHttpServletResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        SecurityHeaders.all().keySet().forEach(name -> {
            String value = response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        });
        return headers;
    }
}
