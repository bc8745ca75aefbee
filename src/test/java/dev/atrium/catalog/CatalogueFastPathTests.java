package dev.atrium.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.catalog.internal.CataloguePages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A catalogue page answered from memory before the security chain and Spring MVC (CatalogueFastPath) is the answer
 * the full path gives, on a real server: status, every header and every byte; and whatever could make the full path
 * answer differently (a token, an Accept that JSON does not satisfy) still goes the full path.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Long enough that the second request of a pair always finds the page the first one stored.
        properties = "atrium.catalogue.cache.time-to-live=10m")
@ActiveProfiles("test")
class CatalogueFastPathTests {

    /** Headers that differ between any two answers. */
    private static final Set<String> PER_ANSWER = Set.of("date", "x-request-id", "keep-alive", "connection");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CataloguePages pages;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_page_from_memory_is_the_answer_the_full_path_gave_header_for_header() throws Exception {
        CatalogFixtures catalog = new CatalogFixtures(jdbc);
        String token = CatalogFixtures.token();
        catalog.product("Lantern " + token, "12.50");

        for (String path : List.of(
                "/api/products?q=" + token,
                "/api/shops/" + catalog.defaultShop() + "/products?q=" + token + "&limit=5")) {
            for (Map<String, String> headers : List.of(
                    Map.<String, String>of(),
                    Map.of("Accept", "application/json"),
                    Map.of("X-Forwarded-Proto", "https"))) {
                String uri = path + "&variant=" + headers.hashCode();
                long readsBefore = pages.reads();
                HttpResponse<byte[]> full = get(uri, headers);
                HttpResponse<byte[]> fromMemory = get(uri, headers);

                assertThat(pages.reads()).as("one read for both").isEqualTo(readsBefore + 1);
                assertThat(full.statusCode()).isEqualTo(200);
                assertThat(fromMemory.statusCode()).isEqualTo(200);
                assertThat(fromMemory.body()).isEqualTo(full.body());
                assertThat(comparable(fromMemory)).as(uri + " " + headers).isEqualTo(comparable(full));

                String etag = full.headers().firstValue("ETag").orElseThrow();
                HttpResponse<byte[]> notModified = get(uri, Map.of("If-None-Match", etag));
                assertThat(notModified.statusCode()).isEqualTo(304);
                assertThat(notModified.body()).isEmpty();
            }
        }
    }

    @Test
    void a_304_from_memory_is_the_304_the_full_path_gave() throws Exception {
        CatalogFixtures catalog = new CatalogFixtures(jdbc);
        String token = CatalogFixtures.token();
        catalog.product("Lantern " + token, "12.50");
        String uri = "/api/products?q=" + token;
        String etag = get(uri, Map.of()).headers().firstValue("ETag").orElseThrow();
        pages.changed(); // a new generation: the next request goes the full path again

        HttpResponse<byte[]> full = get(uri, Map.of("If-None-Match", etag));
        HttpResponse<byte[]> fromMemory = get(uri, Map.of("If-None-Match", etag));

        assertThat(full.statusCode()).isEqualTo(304);
        assertThat(fromMemory.statusCode()).isEqualTo(304);
        assertThat(comparable(fromMemory)).isEqualTo(comparable(full));
    }

    @Test
    void what_the_full_path_answers_differently_is_answered_by_the_full_path_even_when_the_page_is_in_memory()
            throws Exception {
        for (Map<String, String> headers : List.of(
                Map.of("Authorization", "Bearer not-a-token"),
                Map.of("Accept", "application/xml"),
                Map.of("Accept", "application/json;q=0, text/html"),
                Map.of("Accept", "*/*"),
                Map.of("Origin", "https://elsewhere.example"))) {
            String uri = "/api/products?q=" + CatalogFixtures.token();
            HttpResponse<byte[]> fresh = get(uri, headers);
            assertThat(get(uri, Map.of()).statusCode()).isEqualTo(200); // now in memory
            HttpResponse<byte[]> again = get(uri, headers);

            assertThat(again.statusCode()).as(headers.toString()).isEqualTo(fresh.statusCode());
            assertThat(comparable(again)).as(headers.toString()).isEqualTo(comparable(fresh));
        }
        String uri = "/api/products?q=" + CatalogFixtures.token();
        assertThat(get(uri, Map.of()).statusCode()).isEqualTo(200);
        assertThat(get(uri, Map.of("Authorization", "Bearer not-a-token")).statusCode())
                .isEqualTo(401);
    }

    private HttpResponse<byte[]> get(String uri, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + uri));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, List<String>> comparable(HttpResponse<?> answer) {
        Map<String, List<String>> headers = new TreeMap<>();
        answer.headers().map().forEach((name, values) -> {
            if (!PER_ANSWER.contains(name.toLowerCase())) {
                headers.put(name.toLowerCase(), values);
            }
        });
        return headers;
    }
}
