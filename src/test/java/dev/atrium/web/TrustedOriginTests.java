package dev.atrium.web;

import static dev.atrium.web.WebEdgeTests.get;
import static dev.atrium.web.WebEdgeTests.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AtriumTest;
import dev.atrium.Replica;
import dev.atrium.TestAccounts;
import dev.atrium.web.RawHttp.Answer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A replica configured as behind a proxy on this machine: a public base URL, the loopback address as its trusted proxy
 * and a management port. Links follow the base URL whatever the request says, the client address is the one the
 * proxy forwarded, and metrics are on the management port only.
 */
@AtriumTest
class TrustedOriginTests {

    static Replica replica;
    static int port;
    static int managementPort;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void start(@Autowired Environment environment) throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            managementPort = free.getLocalPort();
        }
        replica = Replica.of(
                environment,
                "--atrium.http.public-base-url=https://atrium.example.com",
                "--atrium.http.trusted-proxies=127.0.0.1,::1",
                "--management.server.port=" + managementPort);
        port = Integer.parseInt(replica.baseUrl().substring(replica.baseUrl().lastIndexOf(':') + 1));
    }

    @AfterAll
    static void stop() {
        replica.close();
    }

    @Test
    void links_follow_the_public_base_url_whatever_host_the_request_names() throws IOException {
        TestAccounts.TestUser user = accounts.user();
        signIn(port, user, "");
        String bearer = "Bearer " + signIn(port, user, "");
        Answer list = RawHttp.send(
                port,
                "GET /api/sessions?limit=1&page=2 HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                        + "X-Forwarded-Proto: http\r\nX-Forwarded-Port: 666\r\nAuthorization: " + bearer
                        + "\r\nConnection: close\r\n\r\n");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.body())
                .contains("\"previous\":\"https://atrium.example.com/api/sessions?limit=1&page=1\"")
                .doesNotContain("evil.example", ":666");

        Answer schema =
                RawHttp.send(port, "GET /api/schema HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        // The document names its server relatively ("/"), so that Swagger UI calls whichever Atrium served it.
        assertThat(schema.body()).contains("\"servers\":[{\"url\":\"/\"").doesNotContain("evil.example");

        Answer redirect = RawHttp.send(port, "GET /admin HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).doesNotContain("evil.example");
    }

    @Test
    void behind_a_trusted_proxy_the_client_is_the_last_address_it_did_not_add_itself() throws IOException {
        TestAccounts.TestUser user = accounts.user();
        // The client claims 192.0.2.1; the proxy appends the address it saw, 203.0.113.9, then a second proxy's own.
        signIn(port, user, "X-Forwarded-For: 192.0.2.1, 203.0.113.9, 127.0.0.1\r\n");
        List<String> addresses = jdbc.sql("SELECT client_address FROM user_sessions WHERE user_id = :id")
                .param("id", user.id())
                .query(String.class)
                .list();
        assertThat(addresses).containsExactly("203.0.113.9");
    }

    @Test
    void metrics_are_on_the_management_port_and_the_probes_stay_on_the_application_port() throws IOException {
        Answer metrics = RawHttp.send(managementPort, get("/actuator/prometheus"));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("# HELP");
        assertThat(RawHttp.send(managementPort, get("/actuator/health")).status())
                .isEqualTo(200);

        Answer onApplicationPort = RawHttp.send(port, get("/actuator/prometheus"));
        assertThat(onApplicationPort.status()).isEqualTo(404);
        assertThat(onApplicationPort.header("Content-Type")).startsWith("application/problem+json");
        assertThat(RawHttp.send(port, get("/livez")).status()).isEqualTo(200);
        assertThat(RawHttp.send(port, get("/readyz")).status()).isEqualTo(200);
    }
}
