package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.shared.ProbeEndpoints;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The request lines on a real server, where a refusal by Spring Security or a page nothing serves goes through
 * Tomcat's error dispatch: still one line each, with the status the client got.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ProbeEndpoints.class)
@ExtendWith(OutputCaptureExtension.class)
class RequestLogOverHttpTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void refusals_and_unknown_pages_are_one_line_each_with_the_status_sent(CapturedOutput output) throws Exception {
        assertThat(get("/api/sessions", "http-unauthorized")).isEqualTo(401);
        assertThat(get("/no-such-page/" + "y".repeat(6_000) + "?token=never-logged", "http-not-found"))
                .isEqualTo(404);
        assertThat(get("/livez", "http-probe")).isEqualTo(200);

        assertThat(lines(output, "http-unauthorized"))
                .singleElement()
                .satisfies(line -> assertThat(line).matches(".*GET /api/sessions 401 \\d+ ms$"));
        assertThat(lines(output, "http-not-found"))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .matches(".*GET /no-such-page/y{180,}… 404 \\d+ ms$")
                        .hasSizeLessThan(500));
        assertThat(lines(output, "http-probe")).isEmpty();
        assertThat(output.getAll()).doesNotContain("never-logged");
    }

    private int get(String path, String requestId) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header(RequestId.HEADER, requestId)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static List<String> lines(CapturedOutput output, String requestId) {
        return output.getAll()
                .lines()
                .filter(line -> line.contains("[" + requestId + "] ") && line.contains("RequestLog"))
                .toList();
    }
}
