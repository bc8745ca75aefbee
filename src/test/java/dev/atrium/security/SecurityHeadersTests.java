package dev.atrium.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AtriumTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@AtriumTest
class SecurityHeadersTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void pages_forbid_framing_sniffing_and_scripts_from_elsewhere() {
        MvcTestResult page = mvc.get().uri("/admin/login").exchange();
        assertThat(page).hasStatusOk();
        assertThat(page.getResponse().getHeader("Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(page.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getResponse().getHeader("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void api_answers_are_not_cached_and_not_sniffed() {
        MvcTestResult answer = mvc.get().uri("/api/sessions").exchange();
        assertThat(answer.getResponse().getHeader("Cache-Control")).contains("no-store");
        assertThat(answer.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void cross_origin_calls_are_refused_unless_configured() {
        MvcTestResult preflight = mvc.options()
                .uri("/api/auth")
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .exchange();
        // Without Access-Control-Allow-Origin the browser refuses to send the call.
        assertThat(preflight.getResponse().getHeader("Access-Control-Allow-Origin"))
                .isNull();
        MvcTestResult call = mvc.get()
                .uri("/api/schema")
                .header("Origin", "https://elsewhere.example")
                .exchange();
        assertThat(call.getResponse().getHeader("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void configured_origins_may_call_the_api_and_no_others() {
        var settings = new CrossOriginSettings(List.of("https://app.example", " "));
        var request = new MockHttpServletRequest("POST", "/api/auth");
        var configuration = settings.getCorsConfiguration(request);
        assertThat(configuration).isNotNull();
        assertThat(configuration.checkOrigin("https://app.example")).isEqualTo("https://app.example");
        assertThat(configuration.checkOrigin("https://elsewhere.example")).isNull();
        assertThat(new CrossOriginSettings(List.of()).getCorsConfiguration(request))
                .isNull();
    }
}
