package dev.atrium.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import dev.atrium.catalog.CatalogFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Special offers through the API: administrators set them up, orders get them by themselves and record them. */
@AtriumTest
class OfferTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestAccounts accounts;

    final JsonMapper json = JsonMapper.builder().build();
    CatalogFixtures catalog;
    SignedInUser admin;
    long shop;

    @BeforeEach
    void fixtures() {
        catalog = new CatalogFixtures(jdbc);
        admin = accounts.signedInAdmin();
        shop = catalog.shop("Offers");
    }

    @Test
    void an_order_gets_the_offers_in_force_and_records_them_on_its_lines() {
        long book = product("Book", "10.00", 20);
        long offer = create("""
                {"name": "Buy 2, get 1 free", "kind": "buy_x_get_y_free", "product": %d, "buy_quantity": 2, "free_quantity": 1}""".formatted(book));
        SignedInUser buyer = accounts.signedInUser();

        MvcTestResult result = api.as(buyer)
                .post(
                        "/api/order",
                        "{\"shop\": %d, \"parts\": [{\"product\": %d, \"quantity_in_order\": 6}]}"
                                .formatted(shop, book));

        assertThat(result).hasStatus(HttpStatus.CREATED);
        JsonNode order = body(result);
        JsonNode line = order.get("parts").get(0);
        assertThat(line.get("discount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(line.get("line_total").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(line.get("offer").get("id").asLong()).isEqualTo(offer);
        assertThat(line.get("offer").get("name").asString()).isEqualTo("Buy 2, get 1 free");
        assertThat(order.get("subtotal").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(jdbc.sql("SELECT offer_id FROM order_lines WHERE order_id = ?")
                        .param(order.get("id").asLong())
                        .query(Long.class)
                        .single())
                .isEqualTo(offer);

        // Switched off, the offer no longer applies; the order placed keeps its discount.
        assertThat(api.as(admin).patch("/api/offers/" + offer, "{\"active\": false}"))
                .hasStatusOk();
        MvcTestResult quote = api.as(buyer)
                .post(
                        "/api/order/quote",
                        "{\"shop\": %d, \"parts\": [{\"product\": %d, \"quantity_in_order\": 6}]}"
                                .formatted(shop, book));
        assertThat(body(quote).get("total").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(body(api.as(buyer).get("/api/orders/" + order.get("id").asLong()))
                        .get("total")
                        .decimalValue())
                .isEqualByComparingTo("40.00");
    }

    @Test
    void the_offers_in_force_are_public_and_the_others_for_administrators() {
        long book = product("Listed", "10.00", 1);
        long inForce = create("""
                {"name": "Ten off", "kind": "percent_off_product", "product": %d, "percent": 10}""".formatted(book));
        long expired = create("""
                {"name": "Gone", "kind": "percent_off_product", "product": %d, "percent": 10,
                 "valid_from": "2020-01-01T00:00:00Z", "valid_to": "2020-02-01T00:00:00Z"}""".formatted(book));

        List<Long> listed = ids(body(mvc.get().uri("/api/offers?limit=1000").exchange()));
        assertThat(listed).contains(inForce).doesNotContain(expired);
        assertThat(mvc.get().uri("/api/offers/" + inForce)).hasStatusOk();
        assertThat(mvc.get().uri("/api/offers/" + expired)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/offers?all=true")).hasStatus(HttpStatus.FORBIDDEN);
        MvcTestResult all = api.as(admin).get("/api/offers?all=true&limit=1000");
        assertThat(ids(body(all))).contains(inForce, expired);
        JsonNode gone = body(api.as(admin).get("/api/offers/" + expired));
        assertThat(gone.get("in_force").asBoolean()).isFalse();
    }

    @Test
    void deleting_a_product_switches_its_offers_off_and_leaves_them_editable() {
        long book = product("Withdrawn", "10.00", 5);
        long offer = create("""
                {"name": "Ten off", "kind": "percent_off_product", "product": %d, "percent": 10}""".formatted(book));

        assertThat(api.as(admin).delete("/api/products/" + book)).hasStatus(HttpStatus.NO_CONTENT);

        assertThat(asAdmin(offer).get("in_force").asBoolean()).isFalse();
        assertThat(ids(body(mvc.get().uri("/api/offers?limit=1000").exchange())))
                .doesNotContain(offer);
        assertThat(api.as(admin).patch("/api/offers/" + offer, "{\"name\": \"Ten off, withdrawn\", \"active\": false}"))
                .hasStatusOk();
        MvcTestResult switchedOn = api.as(admin).patch("/api/offers/" + offer, "{\"active\": true}");
        assertThat(switchedOn).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(fields(body(switchedOn))).containsExactly("product");
        assertThat(asAdmin(offer).get("in_force").asBoolean()).isFalse();
    }

    @Test
    void an_offer_still_on_for_a_product_deleted_earlier_can_be_switched_off() {
        long book = product("Gone before", "10.00", 5);
        long offer = create("""
                {"name": "Left on", "kind": "percent_off_product", "product": %d, "percent": 10}""".formatted(book));
        // As a product deleted before its deletion switched offers off left them.
        jdbc.sql("DELETE FROM products WHERE id = ?").param(book).update();
        assertThat(asAdmin(offer).get("in_force").asBoolean()).isTrue();

        assertThat(api.as(admin).patch("/api/offers/" + offer, "{\"active\": false}"))
                .hasStatusOk();

        assertThat(asAdmin(offer).get("in_force").asBoolean()).isFalse();
    }

    @Test
    void an_offer_breaking_the_rules_of_its_kind_is_refused_with_every_rule_named() {
        MvcTestResult bad = api.as(admin).post("/api/offers", """
                {"kind": "buy_x_get_y_free", "product": 987654321, "buy_quantity": 0, "percent": 5,
                 "valid_from": "2026-02-01T00:00:00Z", "valid_to": "2026-01-01T00:00:00Z"}""");
        assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(fields(body(bad)))
                .containsExactlyInAnyOrder("name", "buy_quantity", "free_quantity", "percent", "product", "valid_to");
        assertThat(api.as(admin).post("/api/offers", "{\"name\": \"x\", \"kind\": \"free_lunch\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.as(admin)
                        .post("/api/offers", "{\"name\": \"x\", \"kind\": \"percent_off_order\", \"percent\": 101}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void only_administrators_manage_offers() {
        SignedInUser user = accounts.signedInUser();
        MvcTestResult result = api.as(user)
                .post("/api/offers", "{\"name\": \"Mine\", \"kind\": \"percent_off_order\", \"percent\": 50}");
        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/offers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Mine\", \"kind\": \"percent_off_order\", \"percent\": 50}"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    private long product(String name, String price, int quantity) {
        long id = catalog.product(name + " " + CatalogFixtures.token(), price);
        catalog.stock(shop, id, quantity);
        return id;
    }

    private long create(String body) {
        MvcTestResult result = api.as(admin).post("/api/offers", body);
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return body(result).get("id").asLong();
    }

    private JsonNode asAdmin(long offer) {
        return body(api.as(admin).get("/api/offers/" + offer));
    }

    private JsonNode body(MvcTestResult result) {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("results").forEach(offer -> ids.add(offer.get("id").asLong()));
        return ids;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
