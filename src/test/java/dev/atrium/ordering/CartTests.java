package dev.atrium.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import dev.atrium.catalog.CatalogFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Seed 002's basket: filled from one shop, kept in PostgreSQL, checked out as one order by the order rules. */
@AtriumTest
class CartTests {

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
    long book;
    long map;

    @BeforeEach
    void fixtures() {
        catalog = new CatalogFixtures(jdbc);
        buyer = accounts.signedInUser();
        shop = catalog.shop("Carts");
        book = catalog.product("Book " + CatalogFixtures.token(), "12.00");
        map = catalog.product("Map " + CatalogFixtures.token(), "5.00");
        catalog.stock(shop, book, 5);
        catalog.stock(shop, map, 1, "4.50");
    }

    @Test
    void a_new_cart_is_empty() {
        JsonNode cart = ok(api.as(buyer).get("/api/cart"));
        assertThat(cart.get("items").size()).isZero();
        assertThat(cart.get("shop").isNull()).isTrue();
        assertThat(cart.get("total").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void put_replaces_the_items_and_get_shows_them_priced_with_the_stock_of_the_shop() {
        replaceCart(
                "{\"items\": [{\"product\": %d, \"quantity\": 2, \"shop\": %d}, {\"product\": %d, \"quantity\": 3, \"shop\": %d}]}"
                        .formatted(book, shop, map, shop));

        JsonNode cart = ok(api.as(buyer).get("/api/cart"));

        assertThat(cart.get("shop").asLong()).isEqualTo(shop);
        assertThat(cart.get("items").size()).isEqualTo(2);
        JsonNode mapItem = cart.get("items").get(1);
        assertThat(mapItem.get("product").asLong()).isEqualTo(map);
        assertThat(mapItem.get("quantity").asInt()).isEqualTo(3);
        assertThat(mapItem.get("unit_price").decimalValue()).isEqualByComparingTo("4.50");
        assertThat(mapItem.get("available").asInt()).isEqualTo(1);
        assertThat(cart.get("total").decimalValue()).isEqualByComparingTo("37.50");
        assertThat(jdbc.sql("SELECT count(*) FROM cart_items WHERE user_id = ?")
                        .param(buyer.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        replaceCart("{\"items\": [{\"product\": %d, \"quantity\": 1, \"shop\": %d}]}".formatted(map, shop));
        assertThat(ok(api.as(buyer).get("/api/cart")).get("items").size()).isEqualTo(1);
        replaceCart("{\"items\": []}");
        assertThat(ok(api.as(buyer).get("/api/cart")).get("items").size()).isZero();
    }

    @Test
    void adding_a_product_again_adds_to_its_quantity_and_removing_takes_it_out() {
        add("{\"product\": %d, \"quantity\": 1, \"shop\": %d}".formatted(book, shop));
        JsonNode cart = add("{\"product\": %d, \"quantity\": 2}".formatted(book));
        assertThat(cart.get("items").get(0).get("quantity").asInt()).isEqualTo(3);

        MvcTestResult removed = api.as(buyer).delete("/api/cart/items/" + book);
        assertThat(ok(removed).get("items").size()).isZero();
        assertThat(api.as(buyer).delete("/api/cart/items/" + book)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_cart_holds_the_products_of_one_shop() {
        long other = catalog.shop("Elsewhere");
        catalog.stock(other, book, 5);
        add("{\"product\": %d, \"quantity\": 1, \"shop\": %d}".formatted(book, shop));

        MvcTestResult otherShop = api.as(buyer)
                .post("/api/cart/items", "{\"product\": %d, \"quantity\": 1, \"shop\": %d}".formatted(book, other));
        assertThat(otherShop).hasStatus(HttpStatus.CONFLICT);

        MvcTestResult mixed = api.as(buyer)
                .put(
                        "/api/cart",
                        "{\"items\": [{\"product\": %d, \"quantity\": 1, \"shop\": %d}, {\"product\": %d, \"quantity\": 1, \"shop\": %d}]}"
                                .formatted(book, shop, map, other));
        assertThat(mixed).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(field(mixed)).isEqualTo("items[1].shop");
    }

    @Test
    void cart_items_are_checked_like_order_parts() {
        long notSold = catalog.product("Not here " + CatalogFixtures.token(), "1.00");
        assertThat(field(api.as(buyer)
                        .put(
                                "/api/cart",
                                "{\"items\": [{\"product\": 987654321, \"quantity\": 1, \"shop\": %d}]}"
                                        .formatted(shop))))
                .isEqualTo("items[0].product");
        assertThat(field(api.as(buyer)
                        .put(
                                "/api/cart",
                                "{\"items\": [{\"product\": %d, \"quantity\": 1, \"shop\": %d}]}"
                                        .formatted(notSold, shop))))
                .isEqualTo("items[0].product");
        assertThat(field(api.as(buyer)
                        .put(
                                "/api/cart",
                                "{\"items\": [{\"product\": %d, \"quantity\": 0, \"shop\": %d}]}"
                                        .formatted(book, shop))))
                .isEqualTo("items[0].quantity");
        assertThat(field(api.as(buyer)
                        .put(
                                "/api/cart",
                                "{\"items\": [{\"product\": %d, \"quantity\": 1, \"shop\": %d}, {\"product\": %d, \"quantity\": 1, \"shop\": %d}]}"
                                        .formatted(book, shop, book, shop))))
                .isEqualTo("items[1].product");
        assertThat(field(api.as(buyer).put("/api/cart", "{}"))).isEqualTo("items");
    }

    @Test
    void checkout_places_the_cart_as_one_order_and_empties_it() {
        replaceCart(
                "{\"items\": [{\"product\": %d, \"quantity\": 2, \"shop\": %d}, {\"product\": %d, \"quantity\": 1, \"shop\": %d}]}"
                        .formatted(book, shop, map, shop));

        MvcTestResult result = api.as(buyer).post("/api/cart/checkout");

        assertThat(result).hasStatus(HttpStatus.CREATED);
        JsonNode order = ok(result);
        assertThat(order.get("shop").asLong()).isEqualTo(shop);
        assertThat(order.get("parts").size()).isEqualTo(2);
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("28.50");
        assertThat(catalog.quantity(shop, book)).isEqualTo(3);
        assertThat(catalog.quantity(shop, map)).isZero();
        assertThat(ok(api.as(buyer).get("/api/cart")).get("items").size()).isZero();
        JsonNode history = ok(api.as(buyer).get("/api/my-orders"));
        assertThat(history.get(0).get("id").asLong()).isEqualTo(order.get("id").asLong());
    }

    @Test
    void a_checkout_short_of_stock_is_refused_naming_the_item_and_keeps_the_cart() {
        replaceCart(
                "{\"items\": [{\"product\": %d, \"quantity\": 1, \"shop\": %d}, {\"product\": %d, \"quantity\": 2, \"shop\": %d}]}"
                        .formatted(book, shop, map, shop));

        MvcTestResult result = api.as(buyer).post("/api/cart/checkout");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(field(result)).isEqualTo("items[1].quantity");
        assertThat(ok(result).get("available").asInt()).isEqualTo(1);
        assertThat(catalog.quantity(shop, book)).isEqualTo(5);
        assertThat(ok(api.as(buyer).get("/api/cart")).get("items").size()).isEqualTo(2);
    }

    @Test
    void an_empty_cart_cannot_be_checked_out() {
        MvcTestResult result = api.as(buyer).post("/api/cart/checkout");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(field(result)).isEqualTo("items");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void a_refused_checkout_is_logged_with_its_reason_like_a_refused_order(CapturedOutput output) {
        assertThat(api.as(buyer).post("/api/cart/checkout")).hasStatus(HttpStatus.BAD_REQUEST);

        assertThat(output.getAll().lines())
                .anyMatch(line -> line.endsWith("Order refused: invalid-request user=" + buyer.id()));
    }

    @Test
    void a_deleted_product_leaves_every_cart() {
        add("{\"product\": %d, \"quantity\": 1, \"shop\": %d}".formatted(book, shop));
        add("{\"product\": %d, \"quantity\": 1}".formatted(map));
        SignedInUser admin = accounts.signedInAdmin();

        assertThat(api.as(admin).delete("/api/products/" + map)).hasStatus(HttpStatus.NO_CONTENT);

        JsonNode cart = ok(api.as(buyer).get("/api/cart"));
        assertThat(cart.get("items").size()).isEqualTo(1);
        assertThat(cart.get("items").get(0).get("product").asLong()).isEqualTo(book);
    }

    @Test
    void the_cart_needs_a_signed_in_user() {
        assertThat(mvc.get().uri("/api/cart")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post().uri("/api/cart/checkout")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    /** Replaces the buyer's cart with the items of the body. */
    private void replaceCart(String body) {
        assertThat(api.as(buyer).put("/api/cart", body)).hasStatusOk();
    }

    private JsonNode add(String body) {
        MvcTestResult result = api.as(buyer).post("/api/cart/items", body);
        assertThat(result).hasStatusOk();
        return ok(result);
    }

    private String field(MvcTestResult result) {
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        return ok(result).get("errors").get(0).get("field").asString();
    }

    private JsonNode ok(MvcTestResult result) {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }
}
