package dev.atrium.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.TestUser;
import dev.atrium.catalog.CatalogFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Seed 002's flow through the API: sign in, a shop's catalogue, fill the basket, order, history, sign out. */
@AtriumTest
class ShopFlowTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestAccounts accounts;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_customer_signs_in_browses_a_shop_fills_the_basket_orders_sees_the_history_and_signs_out() {
        CatalogFixtures catalog = new CatalogFixtures(jdbc);
        long shop = catalog.shop("Flow Books");
        String token = CatalogFixtures.token();
        long novel = catalog.product("Novel " + token, "11.00");
        long atlas = catalog.product("Atlas " + token, "30.00");
        catalog.stock(shop, novel, 3);
        catalog.stock(shop, atlas, 2);
        TestUser customer = accounts.user();

        JsonNode tokens = body(mvc.post()
                .uri("/api/auth")
                .with(TestAccounts.freshAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\": \"%s\", \"password\": \"%s\"}"
                        .formatted(customer.email(), TestAccounts.PASSWORD))
                .exchange());
        Api.Client client = api.as(tokens.get("access").asString());

        JsonNode assortment =
                body(mvc.get().uri("/api/shops/" + shop + "/products").exchange());
        assertThat(assortment.get("count").asLong()).isEqualTo(2);

        assertThat(client.post(
                        "/api/cart/items", "{\"product\": %d, \"quantity\": 2, \"shop\": %d}".formatted(novel, shop)))
                .hasStatusOk();
        JsonNode cart = body(client.post("/api/cart/items", "{\"product\": %d, \"quantity\": 1}".formatted(atlas)));
        assertThat(cart.get("total").decimalValue()).isEqualByComparingTo("52.00");

        MvcTestResult checkout = client.post("/api/cart/checkout");
        assertThat(checkout).hasStatus(HttpStatus.CREATED);
        long order = body(checkout).get("id").asLong();

        JsonNode history = body(client.get("/api/my-orders"));
        assertThat(history.get(0).get("id").asLong()).isEqualTo(order);
        assertThat(history.get(0).get("parts").size()).isEqualTo(2);

        assertThat(client.post("/api/logout")).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(client.get("/api/my-orders")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    private JsonNode body(MvcTestResult result) {
        assertThat(result.getResponse().getStatus()).isLessThan(300);
        return json.readTree(result.getResponse().getContentAsByteArray());
    }
}
