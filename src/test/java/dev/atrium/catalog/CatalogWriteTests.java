package dev.atrium.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Administrators change the catalogue through the API; nobody else can. That stock never goes below zero, even for a
 * writer that skips the services, is the catalogue module's own rule: {@link CatalogModuleTests}.
 */
@AtriumTest
class CatalogWriteTests {

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

    @BeforeEach
    void fixtures() {
        catalog = new CatalogFixtures(jdbc);
        admin = accounts.signedInAdmin();
    }

    @Test
    void an_administrator_creates_a_book_with_its_isbn_checked_and_kept_compact() {
        String token = CatalogFixtures.token();
        String isbn = CatalogFixtures.isbn();
        MvcTestResult result = api.as(admin).post("/api/products", """
                {"name": "The Salt Road %s", "price": 14.5, "author": "Ines Varga", "isbn": "%s",
                 "publisher": "Northwind Press", "year": 2019, "attributes": {"pages": 320, "signed": true}}""".formatted(token, isbn));

        assertThat(result).hasStatus(HttpStatus.CREATED);
        JsonNode book = body(result);
        assertThat(result.getResponse().getHeader("Location"))
                .isEqualTo("/api/products/" + book.get("id").asLong());
        assertThat(book.get("isbn").asString()).isEqualTo(isbn.replace("-", ""));
        assertThat(book.get("price").decimalValue()).isEqualByComparingTo("14.50");
        assertThat(book.get("attributes").get("pages").asInt()).isEqualTo(320);
        assertThat(ProductListingTests.ids(ok("/api/products?q=" + token)))
                .containsExactly(book.get("id").asLong());
    }

    @Test
    void a_product_breaking_rules_is_refused_with_every_broken_rule_named() {
        MvcTestResult result = api.as(admin).post("/api/products", """
                {"price": -1, "isbn": "978-0-306-40615-8", "year": 1200, "sku": "has spaces"}""");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(fields(body(result))).containsExactlyInAnyOrder("name", "price", "isbn", "year", "sku");
        assertThat(api.as(admin).post("/api/products", "{\"name\": \"x\", \"price\": 1.234}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.as(admin).post("/api/products", "{\"name\": \"x\", \"price\": \"12\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void a_second_product_with_the_same_isbn_is_a_conflict() {
        String isbn = CatalogFixtures.isbn();
        assertThat(api.as(admin)
                        .post("/api/products", "{\"name\": \"First\", \"price\": 1, \"isbn\": \"" + isbn + "\"}"))
                .hasStatus(HttpStatus.CREATED);
        MvcTestResult second =
                api.as(admin).post("/api/products", "{\"name\": \"Second\", \"price\": 1, \"isbn\": \"" + isbn + "\"}");
        assertThat(second).hasStatus(HttpStatus.CONFLICT);
        assertThat(body(second).get("field").asString()).isEqualTo("isbn");
    }

    @Test
    void only_administrators_change_the_catalogue() {
        SignedInUser user = accounts.signedInUser();
        long product = catalog.product("Guarded " + CatalogFixtures.token(), "1.00");
        long shop = catalog.shop("Guarded");

        assertThat(api.as(user).post("/api/products", "{\"name\": \"x\", \"price\": 1}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.as(user).patch("/api/products/" + product, "{\"name\": \"y\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.as(user).delete("/api/products/" + product)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.as(user).post("/api/shops", "{\"name\": \"x\"}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.as(user).put("/api/shops/" + shop + "/stock/" + product, "{\"quantity\": 5}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/products")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"x\", \"price\": 1}"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(ok("/api/products/" + product).get("name").asString()).startsWith("Guarded");
    }

    @Test
    void a_patch_changes_what_is_sent_and_null_clears_an_optional_field() {
        long product = catalog.product("Before " + CatalogFixtures.token(), "8.00", "Kept", "Someone");

        MvcTestResult result =
                api.as(admin).patch("/api/products/" + product, "{\"name\": \"After\", \"author\": null}");

        assertThat(result).hasStatusOk();
        JsonNode changed = body(result);
        assertThat(changed.get("name").asString()).isEqualTo("After");
        assertThat(changed.get("author").isNull()).isTrue();
        assertThat(changed.get("description").asString()).isEqualTo("Kept");
        assertThat(changed.get("price").decimalValue()).isEqualByComparingTo("8.00");
        assertThat(api.as(admin).patch("/api/products/" + product, "{\"price\": null}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.as(admin).patch("/api/products/987654321", "{\"name\": \"z\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void deleting_a_product_takes_its_stock_with_it() {
        long shop = catalog.shop("Deleting");
        long product = catalog.product("Doomed " + CatalogFixtures.token(), "1.00");
        catalog.stock(shop, product, 5);

        assertThat(api.as(admin).delete("/api/products/" + product)).hasStatus(HttpStatus.NO_CONTENT);

        assertThat(mvc.get().uri("/api/products/" + product)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(jdbc.sql("SELECT count(*) FROM stock WHERE product_id = ?")
                        .param(product)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(api.as(admin).delete("/api/products/" + product)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void shops_are_created_changed_and_deleted_with_unique_names() {
        String name = "Lighthouse " + CatalogFixtures.token();
        MvcTestResult created = api.as(admin).post("/api/shops", """
                {"name": "%s", "address": "Pier 4", "site": "https://lighthouse.example"}""".formatted(name));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        long id = body(created).get("id").asLong();

        MvcTestResult twin = api.as(admin).post("/api/shops", "{\"name\": \"" + name.toUpperCase() + "\"}");
        assertThat(twin).hasStatus(HttpStatus.CONFLICT);
        assertThat(api.as(admin).post("/api/shops", "{\"name\": \"x" + name + "\", \"site\": \"javascript:alert(1)\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.as(admin).post("/api/shops", "{\"name\": \"  \"}")).hasStatus(HttpStatus.BAD_REQUEST);

        MvcTestResult changed = api.as(admin).patch("/api/shops/" + id, "{\"address\": \"Pier 5\"}");
        assertThat(changed).hasStatusOk();
        assertThat(body(changed).get("address").asString()).isEqualTo("Pier 5");
        assertThat(body(changed).get("name").asString()).isEqualTo(name);

        assertThat(api.as(admin).delete("/api/shops/" + id)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/api/shops/" + id)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void setting_a_stock_level_records_who_and_why() {
        long shop = catalog.shop("Levels");
        long product = catalog.product("Counted " + CatalogFixtures.token(), "5.00");

        MvcTestResult set = api.as(admin)
                .put(
                        "/api/shops/" + shop + "/stock/" + product,
                        "{\"quantity\": 12, \"price\": 4.5, \"reason\": \"Delivery\"}");
        assertThat(set).hasStatusOk();
        assertThat(body(set).get("quantity").asInt()).isEqualTo(12);
        assertThat(body(set).get("shop_price").decimalValue()).isEqualByComparingTo("4.50");
        assertThat(api.as(admin)
                        .put("/api/shops/" + shop + "/stock/" + product, "{\"quantity\": 9, \"reason\": \"Damaged\"}"))
                .hasStatusOk();

        JsonNode assortment = ok("/api/shops/" + shop + "/products");
        assertThat(assortment.get("results").get(0).get("quantity").asInt()).isEqualTo(9);
        assertThat(assortment.get("results").get(0).get("price").decimalValue()).isEqualByComparingTo("5.00");
        MvcTestResult log = api.as(admin).get("/api/shops/" + shop + "/stock-adjustments");
        assertThat(log).hasStatusOk();
        JsonNode latest = body(log).get(0);
        assertThat(latest.get("quantity_before").asInt()).isEqualTo(12);
        assertThat(latest.get("quantity_after").asInt()).isEqualTo(9);
        assertThat(latest.get("reason").asString()).isEqualTo("Damaged");
        assertThat(latest.get("adjusted_by").asString()).isEqualTo(admin.email());
        assertThat(body(log).size()).isEqualTo(2);
    }

    @Test
    void a_stock_level_must_be_a_whole_number_not_below_zero() {
        long shop = catalog.shop("Rules");
        long product = catalog.product("Ruled " + CatalogFixtures.token(), "5.00");
        String uri = "/api/shops/" + shop + "/stock/" + product;

        assertThat(api.as(admin).put(uri, "{\"quantity\": -1}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.as(admin).put(uri, "{\"quantity\": 1.5}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.as(admin).put(uri, "{}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(api.as(admin).put("/api/shops/" + shop + "/stock/987654321", "{\"quantity\": 1}"))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.as(admin).put("/api/shops/987654321/stock/" + product, "{\"quantity\": 1}"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_photo_is_stored_as_a_jpeg_that_fits_800_pixels_and_served_to_anyone() throws Exception {
        long product = catalog.product("Pictured " + CatalogFixtures.token(), "5.00");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_ARGB), "png", png);

        MvcTestResult uploaded = mvc.put()
                .uri("/api/products/" + product + "/photo")
                .with(api.as(admin))
                .multipart()
                .file(new MockMultipartFile("photo", "photo.png", "image/png", png.toByteArray()))
                .exchange();
        assertThat(uploaded).hasStatusOk();
        String url = body(uploaded).get("photo_url").asString();
        assertThat(url).isEqualTo("http://localhost/api/products/" + product + "/photo");

        MvcTestResult photo =
                mvc.get().uri("/api/products/" + product + "/photo").exchange();
        assertThat(photo).hasStatusOk();
        assertThat(photo.getResponse().getContentType()).isEqualTo("image/jpeg");
        BufferedImage stored =
                ImageIO.read(new ByteArrayInputStream(photo.getResponse().getContentAsByteArray()));
        assertThat(stored.getWidth()).isEqualTo(800);
        assertThat(stored.getHeight()).isEqualTo(500);

        MvcTestResult notAnImage = mvc.put()
                .uri("/api/products/" + product + "/photo")
                .with(api.as(admin))
                .multipart()
                .file(new MockMultipartFile("photo", "photo.png", "image/png", "not an image".getBytes()))
                .exchange();
        assertThat(notAnImage).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(notAnImage).get("errors").get(0).get("field").asString())
                .isEqualTo("photo");
    }

    private JsonNode ok(String uri) {
        MvcTestResult result = mvc.get().uri(uri).exchange();
        assertThat(result).hasStatusOk();
        return body(result);
    }

    private JsonNode body(MvcTestResult result) {
        return json.readTree(result.getResponse().getContentAsByteArray());
    }

    private static java.util.List<String> fields(JsonNode problem) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
