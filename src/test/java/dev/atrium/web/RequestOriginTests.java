package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** How {@link RequestOrigin} decides the origin of links and the client address, setting by setting. */
class RequestOriginTests {

    @Test
    void without_settings_the_host_and_forwarded_headers_of_a_request_are_ignored() throws Exception {
        MockHttpServletRequest request = request("10.1.2.3");
        HttpServletRequest seen = through(new RequestOrigin("", ""), request);
        assertThat(link(seen)).isEqualTo("http://localhost:8080/api/products");
        assertThat(seen.getRemoteAddr()).isEqualTo("10.1.2.3");
        assertThat(seen.getHeader("Host")).isEqualTo("localhost:8080");
        assertThat(seen.getHeader("X-Forwarded-Host")).isNull();
    }

    @Test
    void a_request_reaching_a_public_address_gets_links_to_that_address() throws Exception {
        MockHttpServletRequest request = request("10.1.2.3");
        request.setLocalAddr("192.0.2.10");
        assertThat(link(through(new RequestOrigin("", ""), request))).isEqualTo("http://192.0.2.10:8080/api/products");
    }

    @Test
    void forwarded_headers_count_only_from_a_trusted_proxy() throws Exception {
        RequestOrigin origin = new RequestOrigin("", "10.0.0.0/8");
        HttpServletRequest fromProxy = through(origin, request("10.1.2.3"));
        assertThat(link(fromProxy)).isEqualTo("https://shop.example/api/products");
        assertThat(fromProxy.isSecure()).isTrue();
        assertThat(fromProxy.getRemoteAddr()).isEqualTo("198.51.100.7");

        HttpServletRequest fromElsewhere = through(origin, request("198.51.100.99"));
        assertThat(link(fromElsewhere)).isEqualTo("http://localhost:8080/api/products");
        assertThat(fromElsewhere.getRemoteAddr()).isEqualTo("198.51.100.99");
    }

    @Test
    void a_forwarded_host_that_is_no_host_name_is_not_used() throws Exception {
        MockHttpServletRequest request = request("10.1.2.3");
        request.removeHeader("X-Forwarded-Host");
        request.addHeader("X-Forwarded-Host", "evil.example/path?x=");
        // The proxy's own Host is used instead.
        request.removeHeader("Host");
        request.setServerName("atrium.internal");
        assertThat(link(through(new RequestOrigin("", "10.0.0.0/8"), request)))
                .isEqualTo("https://atrium.internal/api/products");
    }

    @Test
    void a_public_base_url_wins_over_everything_a_request_says() throws Exception {
        RequestOrigin origin = new RequestOrigin("https://atrium.example.com:8443", "10.0.0.0/8");
        assertThat(link(through(origin, request("10.1.2.3"))))
                .isEqualTo("https://atrium.example.com:8443/api/products");
        assertThat(link(through(origin, request("198.51.100.99"))))
                .isEqualTo("https://atrium.example.com:8443/api/products");
    }

    @Test
    void settings_that_are_not_what_they_should_be_stop_the_start() {
        assertThatThrownBy(() -> new RequestOrigin("https://atrium.example.com/base", ""))
                .hasMessageContaining("ATRIUM_PUBLIC_BASE_URL");
        assertThatThrownBy(() -> new RequestOrigin("ftp://atrium.example.com", ""))
                .hasMessageContaining("ATRIUM_PUBLIC_BASE_URL");
        assertThatThrownBy(() -> new RequestOrigin("", "proxy.internal"))
                .hasMessageContaining("ATRIUM_TRUSTED_PROXIES");
    }

    static Stream<Arguments> forwardedForHeadersFromATrustedProxy() {
        return Stream.of(
                Arguments.of("192.0.2.1, 1.2.3.4:80", "10.1.2.3"),
                Arguments.of("1.2.3.4:80, 198.51.100.7", "198.51.100.7"),
                Arguments.of("cafe", "10.1.2.3"),
                Arguments.of("198.51.100.7, cafe, 10.0.0.5", "10.0.0.5"),
                Arguments.of("[::1]", "10.1.2.3"),
                Arguments.of("::ffff:198.51.100.7", "198.51.100.7"),
                Arguments.of("2001:db8::7", "2001:db8:0:0:0:0:0:7"),
                Arguments.of("2001:db8::7::1", "10.1.2.3"),
                Arguments.of("fe80::1%eth0", "10.1.2.3"),
                Arguments.of("192.0.2.1,,10.0.0.5", "10.0.0.5"),
                Arguments.of(",", "10.1.2.3"),
                Arguments.of("", "10.1.2.3"),
                Arguments.of("unknown", "10.1.2.3"),
                Arguments.of("   ", "10.1.2.3"),
                Arguments.of(" \t198.51.100.7 ", "198.51.100.7"),
                Arguments.of("256.1.1.1", "10.1.2.3"),
                Arguments.of("01.2.3.4", "10.1.2.3"),
                Arguments.of("1.2.3", "10.1.2.3"),
                Arguments.of("localhost", "10.1.2.3"),
                Arguments.of("x".repeat(10_000), "10.1.2.3"),
                Arguments.of("198.51.100.7, " + "1".repeat(10_000), "10.1.2.3"),
                Arguments.of("192.0.2.1, ".repeat(2_000) + "10.0.0.5", "192.0.2.1"),
                Arguments.of("192.0.2.1, " + "10.0.0.5, ".repeat(2_000) + "10.0.0.6", "10.0.0.5"));
    }

    @ParameterizedTest
    @MethodSource("forwardedForHeadersFromATrustedProxy")
    void a_forwarded_for_header_a_proxy_passes_on_ends_its_walk_at_the_first_hop_that_is_no_address(
            String forwardedFor, String client) throws Exception {
        MockHttpServletRequest request = request("10.1.2.3");
        request.removeHeader("X-Forwarded-For");
        request.addHeader("X-Forwarded-For", forwardedFor);
        assertThat(through(new RequestOrigin("", "10.0.0.0/8"), request).getRemoteAddr())
                .isEqualTo(client);
    }

    @ParameterizedTest
    @MethodSource("forwardedOriginHeaders")
    void forwarded_origin_headers_that_are_garbage_are_ignored(String name, String value, String link)
            throws Exception {
        MockHttpServletRequest request = request("10.1.2.3");
        request.removeHeader(name);
        request.addHeader(name, value);
        request.removeHeader("Host");
        request.setServerName("atrium.internal");
        assertThat(link(through(new RequestOrigin("", "10.0.0.0/8"), request))).isEqualTo(link);
    }

    static Stream<Arguments> forwardedOriginHeaders() {
        return Stream.of(
                Arguments.of("X-Forwarded-Host", ",", "https://atrium.internal/api/products"),
                Arguments.of("X-Forwarded-Host", " , shop.example", "https://atrium.internal/api/products"),
                Arguments.of("X-Forwarded-Host", "", "https://atrium.internal/api/products"),
                Arguments.of("X-Forwarded-Host", "shop.example:99999", "https://shop.example/api/products"),
                Arguments.of("X-Forwarded-Host", "shop.example:", "https://shop.example/api/products"),
                Arguments.of("X-Forwarded-Host", ":8443", "https://atrium.internal/api/products"),
                Arguments.of("X-Forwarded-Host", "[::1", "https://atrium.internal/api/products"),
                Arguments.of("X-Forwarded-Host", "[::1]:8443", "https://[::1]:8443/api/products"),
                Arguments.of("X-Forwarded-Host", "h".repeat(10_000), "https://atrium.internal/api/products"),
                Arguments.of("X-Forwarded-Proto", ",", "http://shop.example/api/products"),
                Arguments.of("X-Forwarded-Proto", "gopher", "http://shop.example/api/products"),
                Arguments.of("X-Forwarded-Port", ",", "https://shop.example/api/products"),
                Arguments.of("X-Forwarded-Port", "-1", "https://shop.example/api/products"),
                Arguments.of("X-Forwarded-Port", "99999999999", "https://shop.example/api/products"),
                Arguments.of("X-Forwarded-Port", "8443, 80", "https://shop.example:8443/api/products"));
    }

    private static MockHttpServletRequest request(String peer) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/products");
        request.setRemoteAddr(peer);
        request.setLocalAddr("127.0.0.1");
        request.setLocalPort(8080);
        request.setServerName("evil.example");
        request.setServerPort(80);
        request.addHeader("Host", "evil.example");
        request.addHeader("X-Forwarded-For", "192.0.2.1, 198.51.100.7");
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("X-Forwarded-Host", "shop.example");
        return request;
    }

    private static HttpServletRequest through(RequestOrigin origin, MockHttpServletRequest request) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        origin.doFilter(request, new MockHttpServletResponse(), chain);
        return (HttpServletRequest) chain.getRequest();
    }

    private static String link(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromRequest(request).build().toUriString();
    }
}
