package dev.atrium.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AtriumTest;
import dev.atrium.catalog.CatalogFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code seed --products N}: the generated catalogue on top of the demo one, loading it again, and what {@code count}
 * says once a filter matches more products than are counted on every page. The generated products are removed after
 * each test, so that the other tests see the catalogue they expect.
 */
@AtriumTest
class DemoCatalogAtScaleTests {

    @Autowired
    JdbcClient jdbc;

    /**
     * The seed command's own kind of connection: no socket or statement timeout, which the serving pool has to answer
     * requests quickly and a batch of thousands of products may exceed on a busy machine.
     */
    JdbcClient seedJdbc;

    PlatformTransactionManager transactions;

    @Autowired
    void seedConnections(
            @Value("${spring.datasource.url}") String url,
            @Value("${spring.datasource.username}") String username,
            @Value("${spring.datasource.password:}") String password) {
        DriverManagerDataSource seedSource = new DriverManagerDataSource(url, username, password);
        seedJdbc = JdbcClient.create(seedSource);
        transactions = new DataSourceTransactionManager(seedSource);
    }

    @Autowired
    DemoCatalog demo;

    @Autowired
    MockMvcTester mvc;

    final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void removeGeneratedProducts() {
        seedJdbc.sql("DELETE FROM products WHERE sku LIKE 'SCALE-%'").update();
    }

    @Test
    void seeding_3000_products_adds_2000_generated_ones_stocked_in_the_demo_shops_and_nothing_the_second_time() {
        demo.load();
        DemoCatalogAtScale seed = new DemoCatalogAtScale(seedJdbc, transactions, 3000);

        assertThat(seed.load()).startsWith("2000 generated products added");

        assertThat(count("SELECT count(*) FROM products WHERE sku LIKE 'SCALE-%'"))
                .isEqualTo(2000);
        assertThat(count("SELECT count(*) FROM products WHERE sku LIKE 'SCALE-%' AND author IS NOT NULL"))
                .isEqualTo(800);
        assertThat(count("SELECT count(*) FROM products WHERE sku LIKE 'SCALE-%' AND isbn IS NOT NULL"))
                .isEqualTo(800);
        long stock = count(
                "SELECT count(*) FROM stock s JOIN products p ON p.id = s.product_id " + "WHERE p.sku LIKE 'SCALE-%'");
        assertThat(stock).isGreaterThan(2000);
        assertThat(count("SELECT count(*) FROM stock s JOIN products p ON p.id = s.product_id "
                        + "JOIN shops sh ON sh.id = s.shop_id "
                        + "WHERE p.sku LIKE 'SCALE-%' AND sh.name = 'Old Town Reads' AND p.author IS NULL"))
                .isZero();

        assertThat(seed.load()).startsWith("0 generated products added");
        assertThat(count("SELECT count(*) FROM products WHERE sku LIKE 'SCALE-%'"))
                .isEqualTo(2000);
        assertThat(count("SELECT count(*) FROM stock s JOIN products p ON p.id = s.product_id "
                        + "WHERE p.sku LIKE 'SCALE-%'"))
                .isEqualTo(stock);

        // The count of the unfiltered list is kept as products come and go, and a generated author is found.
        assertThat(ok("/api/products").get("count").asLong()).isEqualTo(count("SELECT count(*) FROM products"));
        String author = jdbc.sql("SELECT author FROM products WHERE sku = 'SCALE-0000001'")
                .query(String.class)
                .single();
        JsonNode byAuthor = ok("/api/products?q=" + author.toUpperCase());
        assertThat(byAuthor.get("count").asLong()).isPositive();
        assertThat(byAuthor.has("count_is_estimate")).isFalse();
    }

    @Test
    void seeding_without_a_number_of_products_adds_nothing() {
        assertThat(new DemoCatalogAtScale(seedJdbc, transactions, 0).load()).startsWith("no generated products");
        assertThat(count("SELECT count(*) FROM products WHERE sku LIKE 'SCALE-%'"))
                .isZero();
    }

    @Test
    void counts_are_exact_up_to_10000_matches_and_an_estimate_beyond_that_says_so() {
        demo.load();
        new DemoCatalogAtScale(seedJdbc, transactions, 13_000).load();
        long shop = jdbc.sql("SELECT id FROM shops WHERE name = 'Harbour Street Books'")
                .query(Long.class)
                .single();
        long inStock = count("SELECT count(*) FROM stock WHERE quantity > 0 AND shop_id = " + shop);
        assertThat(inStock).isGreaterThan(ProductListing.COUNT_LIMIT);

        // Unfiltered: exact, from the kept count, however large.
        JsonNode all = ok("/api/shops/" + shop + "/products");
        assertThat(all.get("count").asLong()).isEqualTo(count("SELECT count(*) FROM stock WHERE shop_id = " + shop));
        assertThat(all.has("count_is_estimate")).isFalse();

        // More than 10,000 matches: an estimate, flagged, with a next page.
        JsonNode estimated = ok("/api/shops/" + shop + "/products?in_stock=true");
        assertThat(estimated.get("count_is_estimate").asBoolean()).isTrue();
        assertThat(estimated.get("count").asLong()).isGreaterThanOrEqualTo(ProductListing.COUNT_LIMIT);
        assertThat(estimated.get("next").isNull()).isFalse();
        estimated
                .get("results")
                .forEach(product -> assertThat(product.get("quantity").asInt()).isPositive());

        // A page past the end answers the exact count, whatever the estimate said.
        long lastPage = (inStock + 49) / 50;
        MvcTestResult past = mvc.get()
                .uri("/api/shops/" + shop + "/products?in_stock=true&page=" + (lastPage + 1))
                .exchange();
        assertThat(past).hasStatus(404);
        JsonNode problem = json.readTree(past.getResponse().getContentAsByteArray());
        assertThat(problem.get("count").asLong()).isEqualTo(inStock);
        assertThat(problem.get("last_page").asLong()).isEqualTo(lastPage);

        // The last page itself is there, and deeper than 10,000 its count is exact again.
        JsonNode last = ok("/api/shops/" + shop + "/products?in_stock=true&page=" + lastPage);
        assertThat(last.get("count").asLong()).isEqualTo(inStock);
        assertThat(last.has("count_is_estimate")).isFalse();
        assertThat(last.get("next").isNull()).isTrue();

        // Fewer matches: exact.
        String token = CatalogFixtures.token();
        new CatalogFixtures(jdbc).product("Lamp " + token, "3.00");
        JsonNode few = ok("/api/products?q=" + token);
        assertThat(few.get("count").asLong()).isEqualTo(1);
        assertThat(few.has("count_is_estimate")).isFalse();
    }

    @Test
    void a_deep_page_in_every_ordering_shows_the_same_products_as_the_database_orders_them() {
        demo.load();
        new DemoCatalogAtScale(seedJdbc, transactions, 5000).load();
        for (String ordering : List.of("id", "-id", "name", "-name", "price", "-price")) {
            JsonNode page = ok("/api/products?limit=20&page=100&ordering=" + ordering);
            List<Long> ids = new ArrayList<>();
            page.get("results").forEach(product -> ids.add(product.get("id").asLong()));
            String order = ProductOrdering.parse(ordering).sql();
            List<Long> expected = jdbc.sql("SELECT p.id FROM products p LEFT JOIN stock s ON s.product_id = p.id "
                            + "AND s.shop_id = (SELECT id FROM shops " + ShopRepository.DEFAULT_FIRST + " LIMIT 1) "
                            + "ORDER BY " + order + " LIMIT 20 OFFSET 1980")
                    .param("configuredName", "")
                    .query(Long.class)
                    .list();
            assertThat(ids).as(ordering).isEqualTo(expected);
        }
    }

    @Test
    void a_search_or_filter_shows_the_products_and_count_the_database_finds_whether_few_or_many_match() {
        demo.load();
        new DemoCatalogAtScale(seedJdbc, transactions, 12_000).load();
        // The demo shop whose own prices undercut a quarter of its products, and which has most of them in stock.
        long shop = jdbc.sql("SELECT id FROM shops WHERE name = 'Harbour Street Books'")
                .query(Long.class)
                .single();
        // Few matches (sorted after the count), many (more than 10,000: walked in the ordering's index), and the
        // price ranges that the shop's own prices decide.
        Map<String, String> cases = Map.of(
                "q=okafor", "(p.name ILIKE '%okafor%' OR p.description ILIKE '%okafor%' OR p.author ILIKE '%okafor%')",
                "min_price=10&max_price=20", "coalesce(s.price, p.price) BETWEEN 10 AND 20",
                "max_price=1000", "coalesce(s.price, p.price) <= 1000",
                "min_price=30&in_stock=true", "coalesce(s.price, p.price) >= 30 AND s.quantity > 0",
                "q=the&max_price=15",
                        "(p.name ILIKE '%the%' OR p.description ILIKE '%the%' OR p.author ILIKE '%the%')"
                                + " AND coalesce(s.price, p.price) <= 15");
        cases.forEach((query, condition) -> {
            long matching = jdbc.sql("SELECT count(*) FROM products p LEFT JOIN stock s ON s.product_id = p.id "
                            + "AND s.shop_id = " + shop + " WHERE " + condition)
                    .query(Long.class)
                    .single();
            for (String ordering : List.of("id", "-id", "name", "-name", "price", "-price")) {
                for (int page : List.of(1, 2, 7)) {
                    MvcTestResult result = mvc.get()
                            .uri("/api/products?" + query + "&shop=" + shop + "&limit=30&ordering=" + ordering
                                    + "&page=" + page)
                            .exchange();
                    if (page > 1 && matching <= (page - 1) * 30L) {
                        assertThat(result.getResponse().getStatus())
                                .as(query + " " + ordering + " page " + page + " of " + matching + ": "
                                        + new String(result.getResponse().getContentAsByteArray()))
                                .isEqualTo(404);
                        continue;
                    }
                    JsonNode answer = json.readTree(result.getResponse().getContentAsByteArray());
                    List<Long> ids = new ArrayList<>();
                    answer.get("results")
                            .forEach(product -> ids.add(product.get("id").asLong()));
                    List<Long> expected = jdbc.sql("SELECT p.id FROM products p LEFT JOIN stock s ON s.product_id = "
                                    + "p.id AND s.shop_id = " + shop + " WHERE " + condition + " ORDER BY "
                                    + ProductOrdering.parse(ordering).sql() + " LIMIT 30 OFFSET " + (page - 1) * 30)
                            .query(Long.class)
                            .list();
                    assertThat(ids).as(query + " " + ordering + " " + page).isEqualTo(expected);
                    if (matching < ProductListing.COUNT_LIMIT) {
                        assertThat(answer.get("count").asLong()).as(query).isEqualTo(matching);
                    } else {
                        assertThat(answer.get("count_is_estimate").asBoolean())
                                .as(query)
                                .isTrue();
                    }
                }
            }
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
