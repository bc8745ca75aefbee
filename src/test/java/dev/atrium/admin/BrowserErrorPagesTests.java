package dev.atrium.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AdminBrowser;
import dev.atrium.TestAccounts;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A person who mistypes an address sees a page of Atrium's with a way back in, not a screen of JSON; API clients, and
 * everything under {@code /api}, keep their problem JSON.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestAccounts.class)
class BrowserErrorPagesTests {

    /** What Chromium sends when it opens a page. */
    static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    @LocalServerPort
    int port;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_browser_asking_for_an_unknown_page_gets_an_html_404_with_links_back_in() {
        MvcTestResult result =
                mvc.get().uri("/no-such-page").header("Accept", BROWSER_ACCEPT).exchange();
        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(result)
                .bodyText()
                .contains("Not Found", "There is no page at /no-such-page.", "href=\"/\"", "href=\"/admin\"")
                .contains("/css/atrium.css")
                .doesNotContain("\"status\":");
    }

    @Test
    void an_api_client_asking_for_an_unknown_page_still_gets_problem_json() {
        for (String accept : new String[] {"*/*", "application/json", "application/problem+json"}) {
            MvcTestResult result =
                    mvc.get().uri("/no-such-page").header("Accept", accept).exchange();
            assertThat(result).as(accept).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(result).as(accept).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        MvcTestResult none = mvc.get().uri("/no-such-page").exchange();
        assertThat(none).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void an_unknown_path_under_api_is_problem_json_even_for_a_browser() {
        MvcTestResult result = mvc.get()
                .uri("/api/no-such-thing")
                .header("Accept", BROWSER_ACCEPT)
                .exchange();
        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void a_wrong_method_is_a_405_page_for_a_browser_and_a_problem_for_a_client_both_naming_the_allowed_one() {
        Cookie session = AdminBrowser.signIn(mvc, accounts.admin());
        MvcTestResult page = mvc.get()
                .uri("/admin/goods/empty")
                .header("Accept", BROWSER_ACCEPT)
                .cookie(session)
                .exchange();
        assertThat(page).hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(page).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(page).hasHeader("Allow", "POST");
        assertThat(page).bodyText().contains("Method Not Allowed", "href=\"/admin\"");

        MvcTestResult problem = mvc.get()
                .uri("/admin/goods/empty")
                .header("Accept", "application/json")
                .cookie(session)
                .exchange();
        assertThat(problem).hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(problem).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(problem).hasHeader("Allow", "POST");
    }

    @Test
    void what_reaches_the_container_error_page_is_a_page_for_a_browser_and_a_problem_for_a_client() {
        MvcTestResult page = mvc.get()
                .uri("/error")
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/some%page")
                .header("Accept", BROWSER_ACCEPT)
                .exchange();
        assertThat(page).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(page).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        assertThat(page).bodyText().contains("Bad Request", "href=\"/\"");

        MvcTestResult api = mvc.get()
                .uri("/error")
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/some")
                .header("Accept", BROWSER_ACCEPT)
                .exchange();
        assertThat(api).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        MvcTestResult client = mvc.get()
                .uri("/error")
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 405)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/some")
                .header("Accept", "*/*")
                .exchange();
        assertThat(client).hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(client).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void over_a_real_socket_a_browser_gets_the_page_with_atriums_headers_and_curl_gets_json() throws Exception {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/no-such-page"))
                        .header("Accept", BROWSER_ACCEPT)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(page.body()).contains("href=\"/admin\"", "request id");

        HttpResponse<String> curl = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/no-such-page"))
                        .header("Accept", "*/*")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(curl.statusCode()).isEqualTo(404);
        assertThat(curl.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(curl.body()).contains("\"status\":404");

        HttpResponse<byte[]> icon = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/favicon.ico"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("icon"));
    }
}
