package dev.atrium.ordering.internal;

import static dev.atrium.TestAccounts.freshAddress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.shared.demo.DemoData;
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

/** The demo customers have an order history from the start, placed once, with the stock it took. */
@AtriumTest
class DemoOrdersTests {

    static final String[][] CUSTOMERS = {
        {"alice@atrium.dev", "alice-password"}, {"bob@atrium.dev", "bob-password"}, {"demo@atrium.dev", "demo-password"}
    };

    @Autowired
    List<DemoData> demoData;

    @Autowired
    DemoOrders demoOrders;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void loadDemoData() {
        demoData.forEach(DemoData::load);
    }

    @Test
    void each_demo_customer_sees_orders_with_product_names_in_my_orders() {
        for (String[] customer : CUSTOMERS) {
            MvcTestResult result = api.as(signIn(customer[0], customer[1])).get("/api/my-orders");

            assertThat(result).hasStatus(HttpStatus.OK);
            JsonNode body = json.readTree(result.getResponse().getContentAsByteArray());
            JsonNode orders = body;
            assertThat(orders).as(customer[0]).hasSizeGreaterThanOrEqualTo(2);
            orders.forEach(order -> {
                assertThat(order.get("parts")).isNotEmpty();
                order.get("parts")
                        .forEach(part ->
                                assertThat(part.get("product_name").asString()).isNotBlank());
                assertThat(order.get("total").decimalValue()).isPositive();
            });
        }
    }

    @Test
    void loading_again_places_nothing_and_takes_no_more_stock() {
        long orders = count("SELECT count(*) FROM orders");
        long stock = count("SELECT sum(quantity) FROM stock");

        assertThat(demoOrders.load()).startsWith("0 demo orders placed");

        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(orders);
        assertThat(count("SELECT sum(quantity) FROM stock")).isEqualTo(stock);
    }

    @Test
    void the_stock_of_the_default_shop_went_down_by_what_the_demo_orders_took() {
        // Every product of a demo order is a demo product whose generated stock is at least 5 and never above 40:
        // what is left is what the catalogue was given less what the orders took.
        List<Long> taken = jdbc.sql("""
                        SELECT s.quantity + sum(l.quantity) FROM orders o
                        JOIN users u ON u.id = o.user_id
                        JOIN order_lines l ON l.order_id = o.id
                        JOIN stock s ON s.shop_id = o.shop_id AND s.product_id = l.product_id
                        WHERE u.email IN ('alice@atrium.dev', 'bob@atrium.dev', 'demo@atrium.dev')
                        GROUP BY s.shop_id, s.product_id, s.quantity""").query(Long.class).list();

        assertThat(taken).isNotEmpty().allSatisfy(before -> assertThat(before).isBetween(5L, 40L));
    }

    String signIn(String email, String password) {
        MvcTestResult result = mvc.post()
                .uri("/api/auth")
                .with(freshAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .exchange();
        assertThat(result).hasStatus(HttpStatus.OK);
        return json.readTree(result.getResponse().getContentAsByteArray())
                .get("access")
                .asString();
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
