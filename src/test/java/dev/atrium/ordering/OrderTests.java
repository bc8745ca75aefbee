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

/** Seed 001's order contract: the 201 body, every 400 naming its part, all or nothing, and one's own orders. */
@AtriumTest
class OrderTests {

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
    SignedInUser buyer;
    long shop;

    @BeforeEach
    void fixtures() {
        catalog = new CatalogFixtures(jdbc);
        buyer = accounts.signedInUser();
        shop = catalog.defaultShop();
    }

    @Test
    void an_order_is_created_with_seed_001s_body_and_takes_its_stock() {
        long pen = product("Pen", "2.50", 10);
        long ink = product("Ink", "7.00", 4);

        MvcTestResult result = order(buyer, """
                {"parts": [{"product": %d, "quantity_in_order": 3}, {"product": %d, "quantity_in_order": 1}]}""".formatted(pen, ink));

        assertThat(result).hasStatus(HttpStatus.CREATED);
        JsonNode order = body(result);
        assertThat(JsonFields.fields(order))
                .containsExactly(
                        "id",
                        "parts",
                        "created",
                        "user",
                        "shop",
                        "shop_name",
                        "status",
                        "subtotal",
                        "discount",
                        "total",
                        "order_offer",
                        "updated");
        assertThat(result.getResponse().getHeader("Location"))
                .isEqualTo("/api/orders/" + order.get("id").asLong());
        assertThat(order.get("user").asLong()).isEqualTo(buyer.id());
        assertThat(order.get("shop").asLong()).isEqualTo(shop);
        assertThat(order.get("status").asString()).isEqualTo("created");
        assertThat(order.get("created").asString()).endsWith("Z");
        JsonNode first = order.get("parts").get(0);
        assertThat(JsonFields.fields(first))
                .containsExactly(
                        "product",
                        "product_name",
                        "quantity_in_order",
                        "unit_price",
                        "discount",
                        "line_total",
                        "offer");
        assertThat(first.get("product").asLong()).isEqualTo(pen);
        assertThat(first.get("product_name").asString()).startsWith("Pen ");
        assertThat(first.get("quantity_in_order").asInt()).isEqualTo(3);
        assertThat(first.get("unit_price").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(first.get("line_total").decimalValue()).isEqualByComparingTo("7.50");
        assertThat(order.get("subtotal").decimalValue()).isEqualByComparingTo("14.50");
        assertThat(order.get("discount").decimalValue()).isEqualByComparingTo("0");
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("14.50");
        assertThat(catalog.quantity(shop, pen)).isEqualTo(7);
        assertThat(catalog.quantity(shop, ink)).isEqualTo(3);
    }

    @Test
    void the_order_takes_the_price_of_the_shop_named() {
        long other = catalog.shop("Named");
        long lamp = product("Lamp", "40.00", 0);
        catalog.stock(other, lamp, 2, "35.00");

        MvcTestResult result = order(buyer, """
                {"shop": %d, "parts": [{"product": %d, "quantity_in_order": 2}]}""".formatted(other, lamp));

        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(body(result).get("shop").asLong()).isEqualTo(other);
        assertThat(body(result).get("total").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(catalog.quantity(other, lamp)).isZero();
        assertThat(catalog.quantity(shop, lamp)).isZero();
    }

    @Test
    void every_refusal_is_a_400_problem_naming_the_part_and_changes_nothing() {
        long pen = product("Pen", "2.50", 5);
        long notSold = catalog.product("Not sold " + CatalogFixtures.token(), "1.00");
        List<String> hundredAndOne = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            hundredAndOne.add("{\"product\": " + (pen + i) + ", \"quantity_in_order\": 1}");
        }
        record Case(String body, String field) {}
        List<Case> cases = List.of(
                new Case("{}", "parts"),
                new Case("{\"parts\": null}", "parts"),
                new Case("{\"parts\": []}", "parts"),
                new Case("{\"parts\": [" + String.join(",", hundredAndOne) + "]}", "parts"),
                new Case("{\"parts\": [{\"product\": 987654321, \"quantity_in_order\": 1}]}", "parts[0].product"),
                new Case(
                        "{\"parts\": [{\"product\": %d, \"quantity_in_order\": 1}, {\"product\": %d, \"quantity_in_order\": 1}]}"
                                .formatted(pen, notSold),
                        "parts[1].product"),
                new Case(
                        "{\"parts\": [{\"product\": %d, \"quantity_in_order\": 0}]}".formatted(pen),
                        "parts[0].quantity_in_order"),
                new Case(
                        "{\"parts\": [{\"product\": %d, \"quantity_in_order\": -2}]}".formatted(pen),
                        "parts[0].quantity_in_order"),
                new Case(
                        "{\"parts\": [{\"product\": %d, \"quantity_in_order\": 1.5}]}".formatted(pen),
                        "parts[0].quantity_in_order"),
                new Case(
                        "{\"parts\": [{\"product\": %d, \"quantity_in_order\": \"2\"}]}".formatted(pen),
                        "parts[0].quantity_in_order"),
                new Case("{\"parts\": [{\"product\": %d}]}".formatted(pen), "parts[0].quantity_in_order"),
                new Case("{\"parts\": [{\"quantity_in_order\": 1}]}", "parts[0].product"),
                new Case(
                        "{\"parts\": [{\"product\": %d, \"quantity_in_order\": 1}, {\"product\": %d, \"quantity_in_order\": 2}]}"
                                .formatted(pen, pen),
                        "parts[1].product"),
                new Case(
                        "{\"parts\": [{\"product\": %d, \"quantity_in_order\": 6}]}".formatted(pen),
                        "parts[0].quantity_in_order"),
                new Case(
                        "{\"shop\": 987654321, \"parts\": [{\"product\": %d, \"quantity_in_order\": 1}]}"
                                .formatted(pen),
                        "shop"));

        for (Case c : cases) {
            MvcTestResult result = order(buyer, c.body());
            assertThat(result).as(c.body()).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
            assertThat(body(result).get("errors").get(0).get("field").asString())
                    .as(c.body())
                    .isEqualTo(c.field());
        }
        // A missing list is named once, as missing, not also as empty.
        assertThat(body(order(buyer, "{}")).get("errors").size()).isEqualTo(1);
        assertThat(body(order(buyer, "{}")).at("/errors/0/message").asString()).isEqualTo("is required");
        assertThat(catalog.quantity(shop, pen)).isEqualTo(5);
        assertThat(ordersOf(buyer)).isZero();
    }

    @Test
    void not_enough_stock_names_the_product_the_quantity_asked_and_the_quantity_available() {
        long pen = product("Pen", "2.50", 10);
        long ink = product("Ink", "7.00", 2);

        MvcTestResult result = order(buyer, """
                {"parts": [{"product": %d, "quantity_in_order": 4}, {"product": %d, "quantity_in_order": 3}]}""".formatted(pen, ink));

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        JsonNode problem = body(result);
        assertThat(problem.get("type").asString()).endsWith("/not-enough-stock");
        assertThat(problem.get("product").asLong()).isEqualTo(ink);
        assertThat(problem.get("product_name").asString()).startsWith("Ink ");
        assertThat(problem.get("requested").asInt()).isEqualTo(3);
        assertThat(problem.get("available").asInt()).isEqualTo(2);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("parts[1].quantity_in_order");
        // All or nothing: the pen, which was in stock, was not taken either.
        assertThat(catalog.quantity(shop, pen)).isEqualTo(10);
        assertThat(catalog.quantity(shop, ink)).isEqualTo(2);
        assertThat(ordersOf(buyer)).isZero();
    }

    @Test
    void ordering_needs_a_signed_in_user() {
        long pen = product("Pen", "2.50", 10);
        MvcTestResult result = mvc.post()
                .uri("/api/order")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"parts\": [{\"product\": " + pen + ", \"quantity_in_order\": 1}]}")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/api/my-orders")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(catalog.quantity(shop, pen)).isEqualTo(10);
    }

    @Test
    void my_orders_is_a_list_of_ones_own_orders_newest_first() {
        long pen = product("Pen", "1.00", 100);
        assertThat(myOrders(buyer, "")).isEmpty();
        List<Long> placed = new ArrayList<>();
        for (int quantity = 1; quantity <= 3; quantity++) {
            placed.add(body(order(
                            buyer,
                            "{\"parts\": [{\"product\": %d, \"quantity_in_order\": %d}]}".formatted(pen, quantity)))
                    .get("id")
                    .asLong());
        }
        SignedInUser other = accounts.signedInUser();
        order(other, "{\"parts\": [{\"product\": %d, \"quantity_in_order\": 1}]}".formatted(pen));

        JsonNode mine =
                json.readTree(api.as(buyer).get("/api/my-orders").getResponse().getContentAsByteArray());

        assertThat(mine.isArray()).isTrue();
        assertThat(ids(mine)).containsExactly(placed.get(2), placed.get(1), placed.get(0));
        JsonNode newest = mine.get(0);
        assertThat(newest.get("parts").get(0).get("quantity_in_order").asInt()).isEqualTo(3);
        assertThat(newest.get("total").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(newest.get("user").asLong()).isEqualTo(buyer.id());

        JsonNode page = json.readTree(
                api.as(buyer).get("/api/my-orders?limit=2").getResponse().getContentAsByteArray());
        assertThat(page.get("count").asLong()).isEqualTo(3);
        assertThat(page.get("next").asString()).isEqualTo("http://localhost/api/my-orders?limit=2&page=2");
        assertThat(page.get("results").size()).isEqualTo(2);
    }

    @Test
    void an_order_is_seen_by_its_owner_and_administrators_only() {
        long pen = product("Pen", "1.00", 10);
        long id = body(order(buyer, "{\"parts\": [{\"product\": %d, \"quantity_in_order\": 1}]}".formatted(pen)))
                .get("id")
                .asLong();

        assertThat(get("/api/orders/" + id, buyer)).hasStatusOk();
        assertThat(get("/api/orders/" + id, accounts.signedInUser())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(get("/api/orders/" + id, accounts.signedInAdmin())).hasStatusOk();
        assertThat(get("/api/orders/987654321", buyer)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void an_order_keeps_its_product_names_and_prices_after_the_product_is_deleted() {
        long pen = product("Vanishing pen", "3.00", 10);
        long id = body(order(buyer, "{\"parts\": [{\"product\": %d, \"quantity_in_order\": 2}]}".formatted(pen)))
                .get("id")
                .asLong();
        SignedInUser admin = accounts.signedInAdmin();
        assertThat(api.as(admin).delete("/api/products/" + pen)).hasStatus(HttpStatus.NO_CONTENT);

        JsonNode order = body(get("/api/orders/" + id, buyer));

        assertThat(order.get("parts").get(0).get("product").asLong()).isEqualTo(pen);
        assertThat(order.get("parts").get(0).get("product_name").asString()).startsWith("Vanishing pen");
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("6.00");
        assertThat(myOrders(buyer, "")).hasSize(1);
    }

    @Test
    void a_quote_prices_an_order_without_placing_it() {
        long pen = product("Pen", "2.50", 10);

        MvcTestResult result = api.as(buyer)
                .post("/api/order/quote", "{\"parts\": [{\"product\": %d, \"quantity_in_order\": 4}]}".formatted(pen));

        assertThat(result).hasStatusOk();
        assertThat(body(result).get("total").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(body(result).get("parts").get(0).get("line_total").decimalValue())
                .isEqualByComparingTo("10.00");
        assertThat(catalog.quantity(shop, pen)).isEqualTo(10);
        assertThat(ordersOf(buyer)).isZero();
        MvcTestResult tooMany = api.as(buyer)
                .post("/api/order/quote", "{\"parts\": [{\"product\": %d, \"quantity_in_order\": 11}]}".formatted(pen));
        assertThat(tooMany).hasStatus(HttpStatus.BAD_REQUEST);
    }

    long product(String name, String price, int quantity) {
        long id = catalog.product(name + " " + CatalogFixtures.token(), price);
        catalog.stock(shop, id, quantity);
        return id;
    }

    MvcTestResult order(SignedInUser user, String body) {
        return api.as(user).post("/api/order", body);
    }

    MvcTestResult get(String uri, SignedInUser user) {
        return api.as(user).get(uri);
    }

    List<JsonNode> myOrders(SignedInUser user, String query) {
        JsonNode list = body(get("/api/my-orders" + query, user));
        List<JsonNode> orders = new ArrayList<>();
        list.forEach(orders::add);
        return orders;
    }

    long ordersOf(SignedInUser user) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE user_id = ?")
                .param(user.id())
                .query(Long.class)
                .single();
    }

    JsonNode body(MvcTestResult result) {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    static List<Long> ids(JsonNode orders) {
        List<Long> ids = new ArrayList<>();
        orders.forEach(order -> ids.add(order.get("id").asLong()));
        return ids;
    }
}
