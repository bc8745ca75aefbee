package dev.atrium.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atrium.Replica;
import dev.atrium.TestAccounts;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two replicas on one PostgreSQL and Redis, each answering the catalogue lists from its own memory: a change made
 * through one shows on both within the documented bound (docs/performance.md), and at once on the replica where an
 * administrator made it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "atrium.jwt.secret=" + Replica.SHARED_JWT_SECRET)
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class CatalogueReplicaTests {

    /** What a page may lag behind a change on any replica (atrium.catalogue.cache.time-to-live is half of it). */
    static final Duration BOUND = Duration.ofSeconds(1);

    /** Room for a loaded machine: the requests themselves take time. */
    static final Duration MARGIN = Duration.ofMillis(500);

    static Replica second;

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    CatalogFixtures catalog;

    @BeforeAll
    static void startSecondReplica(@Autowired Environment environment) {
        second = Replica.of(environment);
    }

    @AfterAll
    static void stopSecondReplica() {
        second.close();
    }

    @BeforeEach
    void fixtures() {
        catalog = new CatalogFixtures(jdbc);
    }

    @Test
    void an_administrators_price_and_stock_changes_show_on_both_replicas_within_the_bound() throws Exception {
        String token = CatalogFixtures.token();
        long shop = catalog.defaultShop();
        long lantern = catalog.product("Lantern " + token, "12.50");
        catalog.stock(shop, lantern, 5);
        String first = "http://localhost:" + port;
        String page = "/api/products?q=" + token;
        // Both replicas have the page in memory.
        assertThat(item(first, page).get("price").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(item(second.baseUrl(), page).get("price").decimalValue()).isEqualByComparingTo("12.50");
        String admin = accounts.signedInAdmin().bearer();

        assertThat(send(first + "/api/products/" + lantern, "PATCH", admin, "{\"price\": 14.00}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(first + "/api/shops/" + shop + "/stock/" + lantern, "PUT", admin, "{\"quantity\": 9}")
                        .statusCode())
                .isEqualTo(200);

        // At once where the administrator made the changes, within the bound on the other replica.
        JsonNode here = item(first, page);
        assertThat(here.get("price").decimalValue()).isEqualByComparingTo("14.00");
        assertThat(here.get("quantity").asInt()).isEqualTo(9);
        awaitOn(
                second.baseUrl(),
                page,
                item -> item.get("price").decimalValue().compareTo(new BigDecimal("14.00")) == 0
                        && item.get("quantity").asInt() == 9);
    }

    @Test
    void an_orders_quantities_show_on_both_replicas_within_the_bound() throws Exception {
        String token = CatalogFixtures.token();
        long shop = catalog.defaultShop();
        long pen = catalog.product("Pen " + token, "2.50");
        catalog.stock(shop, pen, 10);
        String first = "http://localhost:" + port;
        String page = "/api/products?q=" + token;
        assertThat(item(first, page).get("quantity").asInt()).isEqualTo(10);
        assertThat(item(second.baseUrl(), page).get("quantity").asInt()).isEqualTo(10);

        HttpResponse<String> order = send(
                second.baseUrl() + "/api/order",
                "POST",
                accounts.signedInUser().bearer(),
                "{\"parts\": [{\"product\": " + pen + ", \"quantity_in_order\": 3}]}");
        assertThat(order.statusCode()).isEqualTo(201);

        awaitOn(first, page, item -> item.get("quantity").asInt() == 7);
        awaitOn(second.baseUrl(), page, item -> item.get("quantity").asInt() == 7);
    }

    private void awaitOn(String base, String page, java.util.function.Predicate<JsonNode> shown) {
        long changed = System.nanoTime();
        await().atMost(BOUND.plus(MARGIN))
                .pollInterval(Duration.ofMillis(25))
                .until(() -> shown.test(item(base, page)));
        assertThat(Duration.ofNanos(System.nanoTime() - changed)).isLessThan(BOUND.plus(MARGIN));
    }

    private JsonNode item(String base, String page) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(base + page)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return json.readTree(answer.body()).get("results").get(0);
    }

    private HttpResponse<String> send(String url, String method, String bearer, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", bearer)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
