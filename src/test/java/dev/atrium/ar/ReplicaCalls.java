package dev.atrium.ar;

import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.TestUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The AR API over real HTTP, as the replica tests call it on either replica: a method, a URL, a bearer and JSON. */
final class ReplicaCalls {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    HttpResponse<String> send(String method, String url, @Nullable String bearer, @Nullable String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs the user in on the replica at {@code base}: the bearer of their access token. */
    String signIn(String base, TestUser user) throws Exception {
        JsonNode tokens = json(send(
                "POST",
                base + "/api/auth",
                null,
                "{\"email\":\"" + user.email() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}"));
        return "Bearer " + tokens.get("access").asString();
    }

    JsonNode json(HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}
