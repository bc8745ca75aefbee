package dev.atrium.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import dev.atrium.catalog.CatalogFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Administrators move orders along: created → paid → shipped, or cancelled (which returns the stock). */
@AtriumTest
class OrderStatusTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestAccounts accounts;

    final JsonMapper json = JsonMapper.builder().build();
    CatalogFixtures catalog;
    SignedInUser buyer;
    SignedInUser admin;
    long shop;
    long item;

    @BeforeEach
    void fixtures() {
        catalog = new CatalogFixtures(jdbc);
        buyer = accounts.signedInUser();
        admin = accounts.signedInAdmin();
        shop = catalog.defaultShop();
        item = catalog.product("Status " + CatalogFixtures.token(), "3.00");
        catalog.stock(shop, item, 10);
    }

    @Test
    void an_order_is_paid_then_shipped_and_then_cannot_be_cancelled() {
        long order = place(4);

        assertThat(status(order, "paid", admin).get("status").asString()).isEqualTo("paid");
        assertThat(status(order, "shipped", admin).get("status").asString()).isEqualTo("shipped");
        MvcTestResult cancel = change(order, "cancelled", admin);

        assertThat(cancel).hasStatus(HttpStatus.CONFLICT);
        assertThat(body(cancel).get("status").asString()).isEqualTo("shipped");
        assertThat(catalog.quantity(shop, item)).isEqualTo(6);
        assertThat(jdbc.sql("SELECT count(*) FROM order_status_changes WHERE order_id = ?")
                        .param(order)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void cancelling_returns_the_stock_once() {
        long order = place(4);
        assertThat(catalog.quantity(shop, item)).isEqualTo(6);

        assertThat(status(order, "cancelled", admin).get("status").asString()).isEqualTo("cancelled");
        assertThat(catalog.quantity(shop, item)).isEqualTo(10);
        assertThat(status(order, "cancelled", admin).get("status").asString()).isEqualTo("cancelled");
        assertThat(catalog.quantity(shop, item)).isEqualTo(10);
        assertThat(change(order, "paid", admin)).hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void only_administrators_change_a_status_and_only_to_a_known_one() {
        long order = place(1);
        assertThat(change(order, "paid", buyer)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(change(order, "lost", admin)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(change(987654321L, "paid", admin)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(body(api.as(buyer).get("/api/orders/" + order)).get("status").asString())
                .isEqualTo("created");
    }

    @Test
    void administrators_list_every_order_by_status() {
        long paid = place(1);
        status(paid, "paid", admin);

        MvcTestResult list = api.as(admin).get("/api/orders?status=paid&user=" + buyer.id());

        assertThat(list).hasStatusOk();
        assertThat(body(list).get("count").asLong()).isEqualTo(1);
        assertThat(body(list).get("results").get(0).get("id").asLong()).isEqualTo(paid);
        assertThat(api.as(buyer).get("/api/orders")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.as(admin).get("/api/orders?status=lost")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    private long place(int quantity) {
        MvcTestResult result = api.as(buyer)
                .post(
                        "/api/order",
                        "{\"parts\": [{\"product\": %d, \"quantity_in_order\": %d}]}".formatted(item, quantity));
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return body(result).get("id").asLong();
    }

    private JsonNode status(long order, String status, SignedInUser user) {
        MvcTestResult result = change(order, status, user);
        assertThat(result).hasStatusOk();
        return body(result);
    }

    private MvcTestResult change(long order, String status, SignedInUser user) {
        return api.as(user).patch("/api/orders/" + order, "{\"status\": \"" + status + "\"}");
    }

    private JsonNode body(MvcTestResult result) {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }
}
