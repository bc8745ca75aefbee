package dev.atrium.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import dev.atrium.catalog.CatalogFixtures;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/** Idempotency-Key on POST /api/order and checkout: the first answer again, never a second order. */
@AtriumTest
class IdempotencyTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestAccounts accounts;

    final JsonMapper json = JsonMapper.builder().build();
    CatalogFixtures catalog;
    SignedInUser buyer;
    long shop;
    long item;

    @BeforeEach
    void fixtures() {
        catalog = new CatalogFixtures(jdbc);
        buyer = accounts.signedInUser();
        shop = catalog.defaultShop();
        item = catalog.product("Keyed " + CatalogFixtures.token(), "4.00");
        catalog.stock(shop, item, 10);
    }

    @Test
    void the_same_key_and_body_again_answers_the_first_order_and_places_nothing() throws Exception {
        String key = UUID.randomUUID().toString();
        MvcTestResult first = order(key, 2);
        MvcTestResult again = order(key, 2);

        assertThat(first).hasStatus(HttpStatus.CREATED);
        assertThat(again).hasStatus(HttpStatus.CREATED);
        assertThat(again.getResponse().getContentAsString())
                .isEqualTo(first.getResponse().getContentAsString());
        assertThat(again.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.getResponse().getHeader("Location"))
                .isEqualTo(first.getResponse().getHeader("Location"));
        assertThat(first.getResponse().getHeader("Idempotent-Replayed")).isNull();
        assertThat(catalog.quantity(shop, item)).isEqualTo(8);
        assertThat(orders()).isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_body_is_a_422_problem() {
        String key = UUID.randomUUID().toString();
        assertThat(order(key, 2)).hasStatus(HttpStatus.CREATED);

        MvcTestResult other = order(key, 3);

        assertThat(other).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(other.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(catalog.quantity(shop, item)).isEqualTo(8);
        assertThat(orders()).isEqualTo(1);
    }

    @Test
    void keys_belong_to_their_user() {
        String key = UUID.randomUUID().toString();
        assertThat(order(key, 1)).hasStatus(HttpStatus.CREATED);
        SignedInUser other = accounts.signedInUser();

        MvcTestResult theirs = api.as(other).header("Idempotency-Key", key).post("/api/order", body(1));

        assertThat(theirs).hasStatus(HttpStatus.CREATED);
        assertThat(theirs.getResponse().getHeader("Idempotent-Replayed")).isNull();
        assertThat(catalog.quantity(shop, item)).isEqualTo(8);
    }

    @Test
    void a_refused_request_is_not_remembered_so_its_key_can_be_sent_again() {
        String key = UUID.randomUUID().toString();
        assertThat(order(key, 11)).hasStatus(HttpStatus.BAD_REQUEST);
        catalog.stock(shop, item, 20);

        assertThat(order(key, 11)).hasStatus(HttpStatus.CREATED);
        assertThat(catalog.quantity(shop, item)).isEqualTo(9);
    }

    @Test
    void a_key_is_remembered_for_24_hours() {
        String key = UUID.randomUUID().toString();
        assertThat(order(key, 1)).hasStatus(HttpStatus.CREATED);
        jdbc.sql("UPDATE idempotency_keys SET created_at = ? WHERE user_id = ? AND key = ?")
                .params(java.sql.Timestamp.from(Instant.now().minus(25, ChronoUnit.HOURS)), buyer.id(), key)
                .update();

        MvcTestResult later = order(key, 1);

        assertThat(later).hasStatus(HttpStatus.CREATED);
        assertThat(later.getResponse().getHeader("Idempotent-Replayed")).isNull();
        assertThat(orders()).isEqualTo(2);
    }

    @Test
    void a_key_must_be_visible_ascii_of_at_most_255_characters() {
        MvcTestResult result = order("x".repeat(256), 1);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(result.getResponse().getContentAsByteArray())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("Idempotency-Key");
        assertThat(orders()).isZero();
    }

    @Test
    void a_checkout_with_a_key_answers_the_first_order_again_even_once_the_cart_is_empty() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(api.as(buyer).put("/api/cart", "{\"items\": [{\"product\": " + item + ", \"quantity\": 3}]}"))
                .hasStatusOk();

        MvcTestResult first = checkout(key);
        MvcTestResult again = checkout(key);

        assertThat(first).hasStatus(HttpStatus.CREATED);
        assertThat(again).hasStatus(HttpStatus.CREATED);
        assertThat(again.getResponse().getContentAsString())
                .isEqualTo(first.getResponse().getContentAsString());
        assertThat(catalog.quantity(shop, item)).isEqualTo(7);
        assertThat(order(key, 3)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(checkout(UUID.randomUUID().toString())).hasStatus(HttpStatus.BAD_REQUEST);
    }

    private MvcTestResult order(String key, int quantity) {
        return api.as(buyer).header("Idempotency-Key", key).post("/api/order", body(quantity));
    }

    private MvcTestResult checkout(String key) {
        return api.as(buyer).header("Idempotency-Key", key).post("/api/cart/checkout");
    }

    private String body(int quantity) {
        return "{\"parts\": [{\"product\": " + item + ", \"quantity_in_order\": " + quantity + "}]}";
    }

    private long orders() {
        return jdbc.sql("SELECT count(*) FROM orders WHERE user_id = ?")
                .param(buyer.id())
                .query(Long.class)
                .single();
    }
}
