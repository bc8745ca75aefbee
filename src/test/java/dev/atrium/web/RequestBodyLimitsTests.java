package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.shared.ProbeEndpoints;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** Over real HTTP, so that a body without a declared length (chunked) can be sent. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ProbeEndpoints.class)
class RequestBodyLimitsTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_declared_length_over_the_limit_is_refused_before_the_body_is_read() throws Exception {
        byte[] body = json(2 * 1024 * 1024);
        HttpResponse<String> response = http.send(post(HttpRequest.BodyPublishers.ofByteArray(body)), ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void a_chunked_body_is_cut_off_at_the_limit() throws Exception {
        byte[] body = json(3 * 1024 * 1024);
        // A stream publisher has no length, so the client sends the body chunked.
        HttpResponse<String> response =
                http.send(post(HttpRequest.BodyPublishers.ofInputStream(() -> stream(body))), ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"limit_bytes\":1048576");
    }

    @Test
    void a_chunked_body_under_the_limit_is_served() throws Exception {
        byte[] body = "{\"customer\":\"ada\",\"parts\":[{\"quantity_in_order\":2}]}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response =
                http.send(post(HttpRequest.BodyPublishers.ofInputStream(() -> stream(body))), ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"quantity_in_order\":2");
    }

    private HttpRequest post(HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/probe/orders"))
                .header("Content-Type", "application/json")
                .POST(body)
                .build();
    }

    private static HttpResponse.BodyHandler<String> ofString() {
        return HttpResponse.BodyHandlers.ofString();
    }

    private static InputStream stream(byte[] body) {
        return new SequenceInputStream(new ByteArrayInputStream(body), InputStream.nullInputStream());
    }

    private static byte[] json(int size) {
        return ("{\"customer\":\"" + "x".repeat(size) + "\",\"parts\":[]}").getBytes(StandardCharsets.UTF_8);
    }
}
