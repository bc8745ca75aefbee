package dev.atrium.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AtriumTest;
import dev.atrium.Replica;
import dev.atrium.TestAccounts;
import dev.atrium.web.RawHttp.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The web edge of a replica with no trust configured, over a real socket: malformed requests of every kind get a
 * problem with a request id and the security headers (whether Atrium or Tomcat refuses them), links never follow the
 * client's {@code Host}, the client cannot choose its address, and the actuator shows health alone.
 */
@AtriumTest
class WebEdgeTests {

    static Replica replica;
    static int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void start(@Autowired Environment environment) {
        replica = Replica.of(environment);
        port = Integer.parseInt(replica.baseUrl().substring(replica.baseUrl().lastIndexOf(':') + 1));
    }

    @AfterAll
    static void stop() {
        replica.close();
    }

    static Stream<String> malformed_requests() {
        return Stream.of(
                // Escapes that are not UTF-8, in values, names, every list parameter, and a form body.
                get("/api/products?q=%ff"),
                get("/api/products?q=%C0%AE"),
                get("/api/products?page=%ff"),
                get("/api/products?limit=%e2%82"),
                get("/api/products?ordering=%ff"),
                get("/api/shops?q=%"),
                get("/api/products?q=%zz"),
                get("/api/products?%ff=1"),
                // NULs and other control characters in parameter names and values.
                get("/api/products?%00=x"),
                get("/api/products?q=%00"),
                get("/api/products?q=a%01b"),
                get("/api/products?%7f=1"),
                // Paths Tomcat refuses before any filter runs.
                get("/api/products/%00"),
                get("/api/products/%C0%AE"),
                get("/api/products/%ff"),
                get("/api/products/%"),
                get("/api/products?a=[]"),
                get("/api/products?a={}"),
                get("/api/products?a=|"),
                get("/api/pro ducts"),
                "GET /api/products\u0000 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/products\u0001 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/products HTTP/1.1\r\nHost: x\r\nX-Odd: a\u0000b\r\nConnection: close\r\n\r\n",
                "GET /api/products HTTP/1.1\r\nHost: x\r\nX-Odd: a\u0001b\r\nConnection: close\r\n\r\n",
                "GET /api/products HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\nConnection: close\r\n\r\n",
                "GET /api/products HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
                        + "\r\nConnection: close\r\n\r\n",
                get("/api/products?q=" + "a".repeat(20_000)),
                "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/products HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n",
                "BREW /api/products HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "CONNECT evil.example:443 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/products HTTP/1.1\r\nConnection: close\r\n\r\n",
                "POST /api/auth HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip\r\n"
                        + "Connection: close\r\n\r\n{}",
                // Media types that name no one type, or nothing at all.
                post("/api/auth", "*/*", "{}"),
                post("/api/auth", "application/*", "{}"),
                post("/api/auth", "garbage", "{}"),
                post("/api/auth", "application/json; charset=\"", "{}"),
                post("/api/auth", "", "{}"),
                post("/api/users", "*/*", "{}"),
                post("/api/users", "text/plain", "{}"),
                post("/api/organizations/1/members", "*/*", "{}"),
                post("/api/auth", "application/x-www-form-urlencoded", "email=%ff&password=x"),
                post("/api/auth", "application/x-www-form-urlencoded", "%00=1"),
                post("/api/users/me/avatar?q=%ff", "multipart/form-data; boundary=xx", multipart("abc")),
                post("/api/users/me/avatar?%00=1", "multipart/form-data; boundary=xx", multipart("abc")),
                post("/api/users/me/avatar", "multipart/form-data; boundary=xx", "--xx\r\nContent-Disposition: f"),
                "POST /api/auth HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
    }

    @ParameterizedTest
    @MethodSource
    void malformed_requests(String request) throws IOException {
        Answer answer = RawHttp.send(port, request);
        assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"status\":" + answer.status()).doesNotContain("Exception", "<html");
        assertThat(answer.header("X-Request-Id")).isNotBlank();
        assertThat(answer.body()).contains(answer.header("X-Request-Id"));
        assertCarriesSecurityHeaders(answer);
    }

    @Test
    void a_multipart_body_over_the_limit_is_still_refused_as_too_large() throws IOException {
        String bearer = "Bearer " + signIn(port, accounts.user(), "");
        String upload =
                post("/api/users/me/avatar", "multipart/form-data; boundary=xx", multipart("a".repeat(7_000_000)));
        Answer answer = RawHttp.send(
                port, upload.replace("Host: localhost\r\n", "Host: localhost\r\nAuthorization: " + bearer + "\r\n"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void oversized_request_lines_and_headers_get_their_own_statuses() throws IOException {
        Answer longUri = RawHttp.send(port, get("/api/products?q=" + "a".repeat(20_000)));
        assertThat(longUri.status()).isEqualTo(414);
        Answer bigHeader = RawHttp.send(
                port, "GET /api/products HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        assertThat(bigHeader.status()).isEqualTo(431);
        Answer unknownVersion = RawHttp.send(port, "GET /api/products HTTP/9.9\r\nHost: x\r\n\r\n");
        assertThat(unknownVersion.status()).isEqualTo(400);
        for (Answer answer : List.of(longUri, bigHeader, unknownVersion)) {
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertCarriesSecurityHeaders(answer);
        }
    }

    @Test
    void tomcat_refusals_name_the_request_id_the_client_sent() throws IOException {
        Answer answer = RawHttp.send(
                port,
                "GET /api/products/%00 HTTP/1.1\r\nHost: x\r\nX-Request-Id: trace-42\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("X-Request-Id")).isEqualTo("trace-42");
        assertThat(answer.body()).contains("\"request_id\":\"trace-42\"");
    }

    @Test
    void every_kind_of_answer_carries_the_security_headers_swagger_ui_included() throws IOException {
        for (String path : List.of(
                "/api/docs",
                "/api/swagger-ui/index.html",
                "/api/schema",
                "/api/products",
                "/api/sessions",
                "/admin/login",
                "/",
                "/css/atrium.css",
                "/actuator/health",
                "/no-such-page")) {
            Answer answer = RawHttp.send(port, get(path));
            assertThat(answer.status()).as(path).isLessThan(500);
            assertThat(answer.header("X-Request-Id")).as(path).isNotBlank();
            assertCarriesSecurityHeaders(answer);
        }
    }

    @Test
    void links_and_redirects_never_follow_the_host_the_client_names() throws IOException {
        TestAccounts.TestUser user = accounts.user();
        signIn(port, user, "");
        String bearer = "Bearer " + signIn(port, user, "");
        Answer list = RawHttp.send(
                port,
                "GET /api/sessions?limit=1 HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                        + "X-Forwarded-Proto: https\r\nAuthorization: " + bearer + "\r\nConnection: close\r\n\r\n");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.body()).contains("\"next\":\"http://localhost:" + port + "/api/sessions?limit=1&page=2\"");
        assertThat(list.body()).doesNotContain("evil.example");

        Answer redirect = RawHttp.send(port, "GET /admin HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).doesNotContain("evil.example").endsWith("/admin/login");

        Answer docs = RawHttp.send(port, "GET /api/docs HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(docs.header("Location")).doesNotContain("evil.example");

        Answer schema =
                RawHttp.send(port, "GET /api/schema HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(schema.body()).doesNotContain("evil.example");
    }

    @Test
    void a_client_cannot_choose_its_address_with_forwarded_headers() throws IOException {
        TestAccounts.TestUser user = accounts.user();
        signIn(port, user, "X-Forwarded-For: 203.0.113.9\r\nX-Real-IP: 203.0.113.9\r\nForwarded: for=203.0.113.9\r\n");
        List<String> addresses = jdbc.sql("SELECT client_address FROM user_sessions WHERE user_id = :id")
                .param("id", user.id())
                .query(String.class)
                .list();
        assertThat(addresses).containsExactly("127.0.0.1");
    }

    @Test
    void the_application_port_shows_health_and_its_probes_and_no_other_actuator_endpoint() throws IOException {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/livez", "/readyz")) {
            assertThat(RawHttp.send(port, get(path)).status()).as(path).isEqualTo(200);
        }
        for (String path : List.of(
                "/actuator",
                "/actuator/",
                "/actuator/prometheus",
                "/actuator/info",
                "/actuator/env",
                "/actuator/health/../prometheus",
                "/actuator;x=1/prometheus",
                "/actuator/%70rometheus")) {
            Answer answer = RawHttp.send(port, get(path));
            assertThat(answer.status()).as(path + " " + answer).isBetween(400, 499);
            assertThat(answer.body()).as(path).doesNotContain("jvm_", "# HELP");
            assertThat(answer.header("Content-Type")).as(path).startsWith("application/problem+json");
        }
    }

    /** Signs in over a real socket, sending the extra header lines given; the access token. */
    static String signIn(int port, TestAccounts.TestUser user, String headerLines) throws IOException {
        String body = "{\"email\":\"" + user.email() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}";
        Answer answer = RawHttp.send(
                port,
                "POST /api/auth HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" + headerLines
                        + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                        + "\r\nConnection: close\r\n\r\n" + body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body().replaceAll(".*\"access\":\"([^\"]+)\".*", "$1");
    }

    static void assertCarriesSecurityHeaders(Answer answer) {
        SecurityHeaders.all()
                .forEach((name, value) -> assertThat(answer.header(name))
                        .as(name + " on " + answer)
                        .isEqualTo(value));
    }

    static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    }

    static String multipart(String content) {
        return "--xx\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n" + content + "\r\n--xx--\r\n";
    }

    static String post(String target, String contentType, String body) {
        return "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\nConnection: close\r\n\r\n"
                + body;
    }
}
