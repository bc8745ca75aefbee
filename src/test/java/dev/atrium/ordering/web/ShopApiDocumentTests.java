package dev.atrium.ordering.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AtriumTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API document describes the shop's endpoints as they are: their parameters and their error answers. */
@AtriumTest
class ShopApiDocumentTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void the_catalogue_and_order_endpoints_are_documented_with_their_parameters_and_errors() {
        MvcTestResult result = mvc.get().uri("/api/schema").exchange();
        assertThat(result).hasStatusOk();
        JsonNode paths = JsonMapper.builder()
                .build()
                .readTree(result.getResponse().getContentAsByteArray())
                .get("paths");

        JsonNode products = paths.get("/api/products").get("get");
        assertThat(products.get("parameters").findValuesAsString("name"))
                .contains("page", "limit", "q", "min_price", "max_price", "in_stock", "shop", "ordering");
        assertThat(products.get("responses").propertyNames()).contains("200", "400", "404");
        assertThat(paths.get("/api/shops/{id}/products")
                        .get("get")
                        .get("parameters")
                        .findValuesAsString("name"))
                .contains("id", "page", "limit", "q", "ordering");

        JsonNode order = paths.get("/api/order").get("post");
        assertThat(order.get("responses").propertyNames()).contains("201", "400", "401", "422");
        assertThat(order.get("parameters").findValuesAsString("name")).contains("Idempotency-Key");
        for (String path : new String[] {
            "/api/order/quote",
            "/api/my-orders",
            "/api/orders/{id}",
            "/api/cart",
            "/api/cart/items",
            "/api/cart/items/{product}",
            "/api/cart/checkout",
            "/api/offers",
            "/api/shops/{id}/stock/{product}"
        }) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }
}
