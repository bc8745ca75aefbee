package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atrium.shared.ProbeEndpoints;
import dev.atrium.shared.security.RequestAuthorizations;
import dev.atrium.shared.web.RequestsInFlight;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * On a real server, every way a request can end leaves the count of requests in flight where it was: an answer, a
 * refusal by security, a page nothing serves, a crash, and async answers that succeed or fail. A count that drifted
 * would change how many cores password hashing may take for the rest of the server's life.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "atrium.passwords.adaptive=true")
@ActiveProfiles("test")
@Import({ProbeEndpoints.class, RequestsInFlightOverHttpTests.AsyncEndpoints.class})
class RequestsInFlightOverHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    RequestsInFlight requests;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_count_returns_to_zero_after_every_kind_of_ending() throws Exception {
        assertThat(get("/api/products")).isEqualTo(200);
        assertThat(get("/api/sessions")).isEqualTo(401);
        assertThat(get("/no-such-page")).isEqualTo(404);
        assertThat(get("/api/probe/crash")).isEqualTo(500);
        assertThat(post("/api/auth", "{not json")).isEqualTo(400);
        assertThat(get("/api/probe/later")).isEqualTo(200);
        assertThat(get("/api/probe/later-crash")).isEqualTo(500);

        // The answer can reach the client a moment before the server has finished with the request.
        await().until(() -> requests.count() == 0);
    }

    @Test
    void a_request_counts_itself_while_it_is_served() throws Exception {
        assertThat(get("/api/probe/in-flight")).isEqualTo(200);
        assertThat(lastBody).isEqualTo("1");
        await().until(() -> requests.count() == 0);
    }

    String lastBody = "";

    private int get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build());
    }

    private int post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private int send(HttpRequest request) throws Exception {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        lastBody = answer.body();
        return answer.statusCode();
    }

    /** Answers made on another thread, after the request's own thread has gone back to the container. */
    @TestConfiguration
    @RestController
    static class AsyncEndpoints {

        private final RequestsInFlight requests;

        AsyncEndpoints(RequestsInFlight requests) {
            this.requests = requests;
        }

        @Bean
        RequestAuthorizations asyncProbesArePublic() {
            return rules -> rules.requestMatchers("/api/probe/later", "/api/probe/later-crash", "/api/probe/in-flight")
                    .permitAll();
        }

        @GetMapping("/api/probe/later")
        Callable<String> later() {
            return () -> "done";
        }

        @GetMapping("/api/probe/later-crash")
        Callable<String> laterCrash() {
            return () -> {
                throw new IllegalStateException("failed on another thread");
            };
        }

        @GetMapping("/api/probe/in-flight")
        String inFlight() {
            return Integer.toString(requests.count());
        }
    }
}
