package dev.atrium.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.shared.ProbeEndpoints;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * Over real HTTP, where Tomcat parses multipart bodies and enforces their size limit (MockMvc does neither). Declared
 * like {@code RequestBodyLimitsTests}, so that both share one server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ProbeEndpoints.class)
class AvatarUploadLimitTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_file_over_the_multipart_limit_is_a_413_problem() throws Exception {
        // Within the request limit (6 MB), over the file limit (5 MB): refused while the part is read.
        HttpResponse<String> response = upload(token(), multipart("avatar", new byte[5 * 1024 * 1024 + 512 * 1024]));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":413");
    }

    @Test
    void a_malformed_multipart_body_is_a_400_problem() throws Exception {
        byte[] broken = "--boundary\r\nContent-Disposition: form-data; name=\"avatar\"\r\n\r\nno end"
                .getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> response = upload(token(), broken);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private HttpResponse<String> upload(String token, byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/users/me/avatar"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=boundary")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Registers a user and signs them in, through the API: this server has no test helpers. */
    private String token() throws Exception {
        String email = "limits-" + UUID.randomUUID() + "@example.com";
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"a long passphrase\"}";
        post("/api/users", credentials);
        return json.readTree(post("/api/auth", credentials).body())
                .get("access")
                .asString();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] multipart(String field, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--boundary\r\nContent-Disposition: form-data; name=\"" + field
                        + "\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(content);
        out.writeBytes("\r\n--boundary--\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
