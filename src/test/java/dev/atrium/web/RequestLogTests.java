package dev.atrium.web;

import static dev.atrium.TestAccounts.freshAddress;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.jayway.jsonpath.JsonPath;
import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import dev.atrium.TestAccounts.TestUser;
import dev.atrium.catalog.CatalogFixtures;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What someone watching the console sees: a line per request with its route, status, time, user and request id, and
 * a line for each sign-in, failed sign-in, sign-out and order, with no password or token among them.
 */
@AtriumTest
@ExtendWith(OutputCaptureExtension.class)
class RequestLogTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void each_request_is_one_line_with_route_status_duration_user_and_request_id(CapturedOutput output) {
        SignedInUser user = accounts.signedInUser();

        assertThat(api.as(user)
                        .header(RequestId.HEADER, "log-line-one")
                        .get("/api/orders/{id}?note=secret-in-a-query", Long.MAX_VALUE))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get()
                        .uri("/api/products")
                        .header(RequestId.HEADER, "log-line-two")
                        .exchange())
                .hasStatus(HttpStatus.OK);

        List<String> first = lines(output, "log-line-one");
        assertThat(first).hasSize(1);
        assertThat(first.getFirst())
                .matches(".*GET /api/orders/\\{id} 404 \\d+ ms user=" + user.id() + "$")
                .doesNotContain(String.valueOf(Long.MAX_VALUE), "secret-in-a-query");
        List<String> second = lines(output, "log-line-two");
        assertThat(second).hasSize(1);
        assertThat(second.getFirst()).matches(".* INFO .*GET /api/products 200 \\d+ ms$");
        assertThat(output.getAll()).doesNotContain("secret-in-a-query", user.access());
    }

    @Test
    void in_json_the_request_line_carries_its_facts_as_fields() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger logger = context.getLogger(RequestLog.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.setContext(context);
        events.start();
        logger.addAppender(events);
        StructuredLogEncoder ecs = new StructuredLogEncoder();
        ecs.setContext(context);
        ecs.setFormat("ecs");
        ecs.start();
        SignedInUser user = accounts.signedInUser();
        try {
            api.as(user).header(RequestId.HEADER, "log-json").get("/api/orders/{id}", Long.MAX_VALUE);
        } finally {
            logger.detachAppender(events);
        }

        JsonNode line = JsonMapper.builder()
                .build()
                .readTree(ecs.encode(events.list.stream()
                        .filter(event ->
                                "log-json".equals(event.getMDCPropertyMap().get(RequestId.MDC_KEY)))
                        .findFirst()
                        .orElseThrow()));
        assertThat(line.at("/log/level").asString()).isEqualTo("INFO");
        assertThat(line.get("request_id").asString()).isEqualTo("log-json");
        assertThat(line.get("http_method").asString()).isEqualTo("GET");
        assertThat(line.get("http_route").asString()).isEqualTo("/api/orders/{id}");
        assertThat(line.get("http_status").asInt()).isEqualTo(404);
        assertThat(line.get("duration_ms").isNumber()).isTrue();
        assertThat(line.get("user_id").asLong()).isEqualTo(user.id());
    }

    @Test
    void a_path_nothing_matched_is_logged_cut_short(CapturedOutput output) {
        String longPath = "/no-such-page/" + "x".repeat(10_000);

        mvc.get().uri(longPath).header(RequestId.HEADER, "log-long-path").exchange();

        List<String> lines = lines(output, "log-long-path");
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).contains("GET /no-such-page/xxx").contains("… 40");
        assertThat(lines.getFirst().length()).isLessThan(500);
    }

    @Test
    void probes_and_static_assets_stay_out_of_the_info_lines(CapturedOutput output) {
        mvc.get().uri("/livez").header(RequestId.HEADER, "log-probe").exchange();
        mvc.get().uri("/readyz").header(RequestId.HEADER, "log-probe").exchange();
        mvc.get().uri("/favicon.ico").header(RequestId.HEADER, "log-probe").exchange();
        mvc.get()
                .uri("/api/products")
                .header(RequestId.HEADER, "log-after-probes")
                .exchange();

        assertThat(lines(output, "log-after-probes")).hasSize(1);
        assertThat(lines(output, "log-probe")).isEmpty();
    }

    @Test
    void sign_in_failed_sign_in_and_sign_out_are_logged_without_secrets(CapturedOutput output) throws Exception {
        TestUser user = accounts.user();
        String wrongPassword = "a-wrong-password-never-logged";

        assertThat(signIn(user.email(), wrongPassword, "log-failed")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(signIn("nobody-" + user.id() + "@example.com", wrongPassword, "log-unknown"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        MvcTestResult signedIn = signIn(user.email(), TestAccounts.PASSWORD, "log-signed-in");
        assertThat(signedIn).hasStatus(HttpStatus.OK);
        String access = JsonPath.read(signedIn.getResponse().getContentAsString(), "$.access");
        String refresh = JsonPath.read(signedIn.getResponse().getContentAsString(), "$.refresh");
        assertThat(api.as(access).header(RequestId.HEADER, "log-signed-out").post("/api/logout"))
                .hasStatus(HttpStatus.NO_CONTENT);

        assertThat(lines(output, "log-failed"))
                .anyMatch(line -> line.endsWith("Sign-in failed: wrong-password user=" + user.id()))
                .anyMatch(line -> line.endsWith("POST /api/auth 401 " + ms(line) + " ms"));
        assertThat(lines(output, "log-unknown")).anyMatch(line -> line.endsWith("Sign-in failed: unknown-email"));
        assertThat(lines(output, "log-signed-in"))
                .anyMatch(line -> line.endsWith("Signed in: user=" + user.id() + " session=tokens"));
        assertThat(lines(output, "log-signed-out"))
                .anyMatch(line -> line.endsWith("Signed out: user=" + user.id()))
                .anyMatch(line -> line.endsWith("POST /api/logout 204 " + ms(line) + " ms user=" + user.id()));
        assertThat(output.getAll())
                .doesNotContain(wrongPassword, TestAccounts.PASSWORD, access, refresh, "nobody-" + user.id());
    }

    @Test
    void orders_placed_and_refused_are_logged_with_their_reason(CapturedOutput output) throws Exception {
        CatalogFixtures catalog = new CatalogFixtures(jdbc);
        long shop = catalog.defaultShop();
        long pen = catalog.product("Logged pen " + CatalogFixtures.token(), "2.50");
        long ink = catalog.product("Logged ink " + CatalogFixtures.token(), "7.00");
        catalog.stock(shop, pen, 5);
        catalog.stock(shop, ink, 5);
        SignedInUser buyer = accounts.signedInUser();

        MvcTestResult placed = order(buyer, pen, ink, 2, "log-order-placed");
        assertThat(placed).hasStatus(HttpStatus.CREATED);
        Number orderId = JsonPath.read(placed.getResponse().getContentAsString(), "$.id");
        assertThat(order(buyer, pen, ink, 50, "log-order-refused")).hasStatus(HttpStatus.BAD_REQUEST);

        assertThat(lines(output, "log-order-placed"))
                .anyMatch(line -> line.endsWith("Order placed: order=" + orderId + " user=" + buyer.id() + " lines=2"));
        assertThat(lines(output, "log-order-refused"))
                .anyMatch(line -> line.endsWith("Order refused: not-enough-stock user=" + buyer.id()));
    }

    MvcTestResult signIn(String email, String password, String id) {
        return mvc.post()
                .uri("/api/auth")
                .with(freshAddress())
                .header(RequestId.HEADER, id)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .exchange();
    }

    MvcTestResult order(SignedInUser buyer, long first, long second, int quantity, String id) {
        return api.as(buyer).header(RequestId.HEADER, id).post("/api/order", """
                        {"parts": [{"product": %d, "quantity_in_order": %d}, {"product": %d, "quantity_in_order": 1}]}""".formatted(first, quantity, second));
    }

    /** The lines written while serving the request with this id. */
    static List<String> lines(CapturedOutput output, String requestId) {
        return output.getAll()
                .lines()
                .filter(line -> line.contains("[" + requestId + "] "))
                .toList();
    }

    /** The duration a request line reports, so that a line can be matched whole. */
    static String ms(String line) {
        var matcher = Pattern.compile(" (\\d+) ms").matcher(line);
        return matcher.find() ? matcher.group(1) : "?";
    }
}
