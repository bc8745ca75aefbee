package dev.atrium.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
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
