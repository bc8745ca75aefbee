package dev.atrium.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AtriumTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo catalogue the seed command loads: its size, its books, its three shops, and loading it twice. */
@AtriumTest
class DemoCatalogTests {

    @Autowired
    DemoCatalog demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void loads_1000_products_and_3_shops_and_adds_nothing_the_second_time() {
        // How long it takes is for a benchmark on a quiet machine, not for a test that shares a busy one.
        demo.load();

        assertThat(count("SELECT count(*) FROM products WHERE sku LIKE 'DEMO-%'"))
                .isEqualTo(1000);
        assertThat(
                        count(
                                "SELECT count(*) FROM products WHERE sku LIKE 'DEMO-B%' AND isbn IS NOT NULL AND author IS NOT NULL"))
                .isEqualTo(DemoCatalog.BOOKS);
        for (DemoCatalog.DemoShop shop : DemoCatalog.SHOPS) {
            assertThat(count("SELECT count(*) FROM shops WHERE name = '" + shop.name() + "'"))
                    .isEqualTo(1);
        }
        long stockRows =
                count("SELECT count(*) FROM stock s JOIN products p ON p.id = s.product_id WHERE p.sku LIKE 'DEMO-%'");

        assertThat(demo.load()).startsWith("0 products, 0 shops and 0 stock rows added");
        assertThat(count("SELECT count(*) FROM products WHERE sku LIKE 'DEMO-%'"))
                .isEqualTo(1000);
        assertThat(
                        count(
                                "SELECT count(*) FROM stock s JOIN products p ON p.id = s.product_id WHERE p.sku LIKE 'DEMO-%'"))
                .isEqualTo(stockRows);
    }

    @Test
    void is_the_same_catalogue_every_time_with_valid_isbns() {
        DemoCatalog.Generated first = demo.generate();
        DemoCatalog.Generated second = demo.generate();

        assertThat(second.names).isEqualTo(first.names);
        assertThat(second.prices).isEqualTo(first.prices);
        assertThat(second.stockQuantities).isEqualTo(first.stockQuantities);
        List<String> isbns = first.isbns.stream().filter(isbn -> isbn != null).toList();
        assertThat(isbns).hasSize(DemoCatalog.BOOKS).doesNotHaveDuplicates();
        assertThat(isbns).allSatisfy(isbn -> assertThat(Isbn.normalize(isbn)).contains(isbn));
    }

    @Test
    void the_three_shops_sell_different_assortments_at_different_prices() {
        demo.load();
        List<Long> shops = DemoCatalog.SHOPS.stream()
                .map(shop -> jdbc.sql("SELECT id FROM shops WHERE name = ?")
                        .param(shop.name())
                        .query(Long.class)
                        .single())
                .toList();
        List<Long> sizes = shops.stream()
                .map(shop -> count("SELECT count(*) FROM stock WHERE shop_id = " + shop))
                .toList();
        assertThat(sizes)
                .doesNotHaveDuplicates()
                .allSatisfy(size -> assertThat(size).isGreaterThan(100));
        assertThat(count("SELECT count(*) FROM stock WHERE shop_id = " + shops.get(1)
                        + " AND product_id IN (SELECT id FROM products WHERE isbn IS NULL)"))
                .isZero();
        assertThat(count("SELECT count(*) FROM stock WHERE price IS NOT NULL AND shop_id = " + shops.get(0)))
                .isPositive();
        assertThat(count("SELECT count(*) FROM stock WHERE quantity = 0 AND shop_id = " + shops.get(2)))
                .isPositive();
    }

    @Test
    void search_and_filters_work_on_the_demo_data_through_the_api() {
        demo.load();
        String author = jdbc.sql("SELECT author FROM products WHERE sku = 'DEMO-B0001'")
                .query(String.class)
                .single();
        long oldTown = jdbc.sql("SELECT id FROM shops WHERE name = 'Old Town Reads'")
                .query(Long.class)
                .single();

        MvcTestResult search =
                mvc.get().uri("/api/products").param("q", author.toLowerCase()).exchange();
        assertThat(search).hasStatusOk();
        JsonNode byAuthor = json.readTree(search.getResponse().getContentAsByteArray());
        assertThat(byAuthor.get("count").asLong()).isPositive();
        byAuthor.get("results")
                .forEach(product -> assertThat(product.get("author").asString()).isEqualTo(author));

        JsonNode cheapBooksInStock =
                ok("/api/shops/" + oldTown + "/products?max_price=10&in_stock=true&ordering=-price");
        assertThat(cheapBooksInStock.get("count").asLong()).isPositive();
        cheapBooksInStock.get("results").forEach(product -> {
            assertThat(product.get("price").decimalValue()).isLessThanOrEqualTo(new java.math.BigDecimal("10"));
            assertThat(product.get("quantity").asInt()).isPositive();
            assertThat(product.get("isbn").isNull()).isFalse();
        });
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private JsonNode ok(String uri) {
        MvcTestResult result = mvc.get().uri(uri).exchange();
        assertThat(result).hasStatusOk();
        return json.readTree(result.getResponse().getContentAsByteArray());
    }
}
