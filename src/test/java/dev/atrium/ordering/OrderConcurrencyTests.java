package dev.atrium.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Replica;
import dev.atrium.TestAccounts;
import dev.atrium.catalog.CatalogFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Never oversell, over real HTTP: 200 buyers at once for an item with stock 10, on one instance and split across two
 * instances sharing PostgreSQL; and one Idempotency-Key sent many times at once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "atrium.jwt.secret=" + Replica.SHARED_JWT_SECRET)
@ActiveProfiles("test")
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class OrderConcurrencyTests {

    static final int BUYERS = 200;
    static final int STOCK = 10;

    /** The test password hashed at bcrypt's lowest cost, so that 200 buyers sign in within a second. */
    static final String CHEAP_HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(TestAccounts.PASSWORD);

    static Replica second;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startSecondInstance(@Autowired Environment environment) {
        second = Replica.of(environment);
    }

    @AfterAll
    static void stopSecondInstance() {
        second.close();
    }

    @Test
    void two_hundred_buyers_of_an_item_with_stock_10_get_exactly_10_orders() throws Exception {
        CatalogFixtures catalog = new CatalogFixtures(jdbc);
        long shop = catalog.defaultShop();
        long item = catalog.product("Last tickets " + CatalogFixtures.token(), "50.00");
        catalog.stock(shop, item, STOCK);
        List<String> tokens = signIn(BUYERS, first());

        Map<Integer, Long> statuses = buyAtOnce(tokens, index -> first(), item);

        assertThat(statuses).containsOnlyKeys(201, 400).containsEntry(201, (long) STOCK);
        assertThat(statuses.get(400)).isEqualTo((long) (BUYERS - STOCK));
        assertThat(catalog.quantity(shop, item)).isZero();
        assertThat(ordersFor(item)).isEqualTo(STOCK);
    }

    @Test
    void the_same_holds_with_the_buyers_split_across_two_instances() throws Exception {
        CatalogFixtures catalog = new CatalogFixtures(jdbc);
        long shop = catalog.defaultShop();
        long item = catalog.product("Split tickets " + CatalogFixtures.token(), "50.00");
        catalog.stock(shop, item, STOCK);
        List<String> tokens = signIn(BUYERS, second.baseUrl());

        Map<Integer, Long> statuses = buyAtOnce(tokens, index -> index % 2 == 0 ? first() : second.baseUrl(), item);

        assertThat(statuses).containsOnlyKeys(201, 400).containsEntry(201, (long) STOCK);
        assertThat(catalog.quantity(shop, item)).isZero();
        assertThat(ordersFor(item)).isEqualTo(STOCK);
    }

    @Test
    void one_idempotency_key_sent_many_times_at_once_places_one_order() throws Exception {
        CatalogFixtures catalog = new CatalogFixtures(jdbc);
        long shop = catalog.defaultShop();
        long item = catalog.product("Once " + CatalogFixtures.token(), "5.00");
        catalog.stock(shop, item, 100);
        String token = signIn(1, first()).getFirst();
        String key = UUID.randomUUID().toString();
        String body = "{\"parts\": [{\"product\": " + item + ", \"quantity_in_order\": 2}]}";

        List<HttpResponse<String>> answers = atOnce(
                20,
                index -> HttpRequest.newBuilder(
                                URI.create((index % 2 == 0 ? first() : second.baseUrl()) + "/api/order"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(201));
        assertThat(answers.stream()
                        .map(answer -> json.readTree(answer.body()).get("id").asLong())
                        .distinct())
                .hasSize(1);
        assertThat(ordersFor(item)).isEqualTo(1);
        assertThat(catalog.quantity(shop, item)).isEqualTo(98);
    }

    private Map<Integer, Long> buyAtOnce(List<String> tokens, Function<Integer, String> base, long item)
            throws Exception {
        List<HttpResponse<String>> answers = atOnce(
                tokens.size(),
                index -> HttpRequest.newBuilder(URI.create(base.apply(index) + "/api/order"))
                        .header("Authorization", "Bearer " + tokens.get(index))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"parts\": [{\"product\": " + item + ", \"quantity_in_order\": 1}]}"))
                        .build());
        answers.stream()
                .filter(answer -> answer.statusCode() == 400)
                .forEach(answer -> assertThat(
                                json.readTree(answer.body()).get("type").asString())
                        .endsWith("/not-enough-stock"));
        return answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    }

    /** Sends every request at the same moment, each from its own virtual thread, and returns the answers in order. */
    private List<HttpResponse<String>> atOnce(int count, Function<Integer, HttpRequest> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                HttpRequest built = request.apply(i);
                futures.add(threads.submit(() -> {
                    start.await();
                    return http.send(built, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }

    /** Buyers with their own accounts, signed in through the real API. */
    private List<String> signIn(int count, String base) throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = "buyer-" + UUID.randomUUID() + "@example.com";
            jdbc.sql("INSERT INTO users (email, password_hash, first_name, last_name) VALUES (?, ?, 'Buyer', 'Test')")
                    .params(email, CHEAP_HASH)
                    .update();
            emails.add(email);
        }
        // One after another: the buyers all sign in from this test's one address, and the sign-in throttle rightly
        // refuses more attempts in flight from one address than it lets fail. Only the orders race.
        List<String> tokens = new ArrayList<>();
        for (String email : emails) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/auth"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"email\": \"" + email + "\", \"password\": \"" + TestAccounts.PASSWORD + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode body = json.readTree(answer.body());
            tokens.add(body.get("access").asString());
        }
        return tokens;
    }

    private long ordersFor(long product) {
        return jdbc.sql("SELECT count(*) FROM order_lines WHERE product_id = ?")
                .param(product)
                .query(Long.class)
                .single();
    }

    private String first() {
        return "http://localhost:" + port;
    }
}
