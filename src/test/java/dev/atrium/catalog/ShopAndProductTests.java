package dev.atrium.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AtriumTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One product with its availability everywhere, the shops, and a shop's assortment (seed 002) in one call. */
@AtriumTest
class ShopAndProductTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    CatalogFixtures catalog;

    @BeforeEach
    void fixtures() {
        catalog = new CatalogFixtures(jdbc);
    }

    @Test
    void a_product_shows_its_price_and_quantity_in_every_shop() {
        long north = catalog.shop("North");
        long south = catalog.shop("South");
        long product = catalog.product("Compass " + CatalogFixtures.token(), "25.00", "Brass", "Ada Finch");
        catalog.stock(north, product, 3, "22.00");

        JsonNode view = ok("/api/products/" + product);

        assertThat(view.get("id").asLong()).isEqualTo(product);
        assertThat(view.get("price").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(view.get("author").asString()).isEqualTo("Ada Finch");
        long shops = jdbc.sql("SELECT count(*) FROM shops").query(Long.class).single();
        assertThat(view.get("availability").size()).isEqualTo((int) shops);
        JsonNode inNorth = shopEntry(view, north);
        assertThat(inNorth.get("in_assortment").asBoolean()).isTrue();
        assertThat(inNorth.get("price").decimalValue()).isEqualByComparingTo("22.00");
        assertThat(inNorth.get("quantity").asInt()).isEqualTo(3);
        JsonNode inSouth = shopEntry(view, south);
        assertThat(inSouth.get("in_assortment").asBoolean()).isFalse();
        assertThat(inSouth.get("price").isNull()).isTrue();
        assertThat(inSouth.get("quantity").asInt()).isZero();
    }

    @Test
    void an_unknown_product_is_404_and_a_bad_id_400() {
        MvcTestResult missing = mvc.get().uri("/api/products/987654321").exchange();
        assertThat(missing).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(missing.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(mvc.get().uri("/api/products/abc")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void shops_are_listed_paged_and_searchable_without_signing_in() {
        String token = CatalogFixtures.token();
        long first = jdbc.sql("INSERT INTO shops (name, address) VALUES (:name, 'Quay 1') RETURNING id")
                .param("name", "Quayside " + token)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO shops (name, address) VALUES (:name, :address)")
                .param("name", "Elsewhere " + CatalogFixtures.token())
                .param("address", "Market Square, " + token)
                .update();

        JsonNode page = ok("/api/shops?q=" + token + "&limit=1");

        assertThat(page.get("count").asLong()).isEqualTo(2);
        assertThat(page.get("next").asString()).isEqualTo("http://localhost/api/shops?q=" + token + "&limit=1&page=2");
        JsonNode shop = page.get("results").get(0);
        assertThat(shop.get("id").asLong()).isEqualTo(first);
        assertThat(shop.get("address").asString()).isEqualTo("Quay 1");
        assertThat(shop.get("is_default").asBoolean()).isFalse();
        assertThat(ok("/api/shops/" + first).get("name").asString()).isEqualTo("Quayside " + token);
        assertThat(mvc.get().uri("/api/shops/987654321")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/shops?page=0")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void the_default_shop_says_so() {
        long defaultShop = catalog.defaultShop();
        assertThat(ok("/api/shops/" + defaultShop).get("is_default").asBoolean())
                .isTrue();
    }

    @Test
    void a_shops_assortment_is_one_call_with_its_prices_and_quantities() {
        String token = CatalogFixtures.token();
        long shop = catalog.shop("Assortment");
        long pen = catalog.product("Pen " + token, "2.00");
        long ink = catalog.product("Ink " + token, "6.00");
        catalog.product("Paper " + token, "4.00");
        catalog.stock(shop, pen, 10, "1.80");
        catalog.stock(shop, ink, 0);

        JsonNode page = ok("/api/shops/" + shop + "/products?ordering=-price");

        assertThat(page.get("count").asLong()).isEqualTo(2);
        assertThat(ProductListingTests.ids(page)).containsExactly(ink, pen);
        JsonNode penRow = page.get("results").get(1);
        assertThat(penRow.get("price").decimalValue()).isEqualByComparingTo("1.80");
        assertThat(penRow.get("list_price").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(penRow.get("quantity").asInt()).isEqualTo(10);
        assertThat(penRow.get("shop").asLong()).isEqualTo(shop);
    }

    @Test
    void an_assortment_takes_the_same_filters_and_pages() {
        String token = CatalogFixtures.token();
        long shop = catalog.shop("Filters");
        for (long product : catalog.products("Card " + token, 4, "3.00")) {
            catalog.stock(shop, product, (int) (product % 2));
        }
        String base = "/api/shops/" + shop + "/products";

        assertThat(ok(base + "?q=" + token + "&in_stock=true").get("count").asLong())
                .isEqualTo(2);
        assertThat(ok(base + "?min_price=3&max_price=3&limit=3").get("next").asString())
                .isEqualTo("http://localhost" + base + "?min_price=3&max_price=3&limit=3&page=2");
        assertThat(mvc.get().uri(base + "?page=3&limit=3")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri(base + "?min_price=9&max_price=1")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/shops/987654321/products")).hasStatus(HttpStatus.NOT_FOUND);
    }

    private JsonNode shopEntry(JsonNode product, long shop) {
        for (JsonNode entry : product.get("availability")) {
            if (entry.get("shop").asLong() == shop) {
                return entry;
            }
        }
        throw new AssertionError("Shop " + shop + " is missing from " + product);
    }

    private JsonNode ok(String uri) {
        MvcTestResult result = mvc.get().uri(uri).exchange();
        assertThat(result).hasStatusOk();
        return json.readTree(result.getResponse().getContentAsByteArray());
    }
}
