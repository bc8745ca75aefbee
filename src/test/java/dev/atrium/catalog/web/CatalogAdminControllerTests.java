package dev.atrium.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.atrium.AdminBrowser;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.catalog.CatalogFixtures;
import jakarta.servlet.http.Cookie;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The admin panel's products and shops pages: each page and action, for administrators only, CSRF-protected. */
@AtriumTest
class CatalogAdminControllerTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestAccounts accounts;

    CatalogFixtures catalog;
    Cookie admin;

    @BeforeEach
    void signIn() {
        catalog = new CatalogFixtures(jdbc);
        admin = AdminBrowser.signIn(mvc, accounts.admin());
    }

    @Test
    void the_products_page_lists_searches_and_pages_products() throws Exception {
        String token = CatalogFixtures.token();
        catalog.products("Lantern " + token, 30, "4.50");

        MvcTestResult page =
                mvc.get().uri("/admin/products?q=" + token).cookie(admin).exchange();

        assertThat(page).hasStatusOk();
        String html = page.getResponse().getContentAsString();
        assertThat(html)
                .contains(
                        "<html",
                        "Lantern " + token + " 1",
                        "30</span> products",
                        "Page <span>1</span> of <span>2</span>");
        assertThat(html).contains("href=\"/admin/products\"", "Products");

        MvcTestResult rows = mvc.get()
                .uri("/admin/products?q=" + token + "&page=2")
                .header("HX-Request", "true")
                .cookie(admin)
                .exchange();
        assertThat(rows).hasStatusOk();
        assertThat(rows.getResponse().getContentAsString())
                .doesNotContain("<html")
                .contains("id=\"rows\"", "Lantern " + token + " 30")
                .doesNotContain("Lantern " + token + " 1<");
    }

    @Test
    void a_product_is_created_edited_and_deleted_through_the_forms() throws Exception {
        String token = CatalogFixtures.token();
        MvcTestResult created = mvc.post()
                .uri("/admin/products")
                .cookie(admin)
                .with(csrf())
                .param("name", "Harbour Tales " + token)
                .param("price", "9.90")
                .param("isbn", CatalogFixtures.isbn())
                .param("attributes", "{\"pages\": 200}")
                .exchange();
        assertThat(created).hasStatus(HttpStatus.FOUND);
        assertThat(created).flash().containsKey("success");
        long id = jdbc.sql("SELECT id FROM products WHERE name = ?")
                .param("Harbour Tales " + token)
                .query(Long.class)
                .single();
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/products/" + id);

        MvcTestResult edit =
                mvc.get().uri("/admin/products/" + id).cookie(admin).exchange();
        assertThat(edit).hasStatusOk();
        assertThat(edit.getResponse().getContentAsString()).contains("Harbour Tales " + token, "Stock in every shop");

        MvcTestResult saved = mvc.post()
                .uri("/admin/products/" + id)
                .cookie(admin)
                .with(csrf())
                .param("name", "Harbour Tales, revised " + token)
                .param("price", "11.00")
                .param("attributes", "{}")
                .exchange();
        assertThat(saved).hasStatus(HttpStatus.FOUND);
        assertThat(jdbc.sql("SELECT price FROM products WHERE id = ?")
                        .param(id)
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("11.00");

        MvcTestResult deleted = mvc.post()
                .uri("/admin/products/" + id + "/delete")
                .cookie(admin)
                .with(csrf())
                .exchange();
        assertThat(deleted).hasStatus(HttpStatus.FOUND);
        assertThat(deleted).flash().containsKey("success");
        assertThat(jdbc.sql("SELECT count(*) FROM products WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_product_form_breaking_rules_is_shown_again_with_the_reasons() throws Exception {
        MvcTestResult refused = mvc.post()
                .uri("/admin/products")
                .cookie(admin)
                .with(csrf())
                .param("name", "")
                .param("price", "cheap")
                .param("isbn", "12345")
                .exchange();

        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(refused.getResponse().getContentAsString())
                .contains("class=\"field-error\"", "must be a number", "value=\"12345\"");
    }

    @Test
    void a_photo_is_uploaded_from_the_product_page() throws Exception {
        long id = catalog.product("Photographed " + CatalogFixtures.token(), "1.00");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", png);

        MvcTestResult uploaded = mvc.post()
                .uri("/admin/products/" + id + "/photo")
                .cookie(admin)
                .with(csrf())
                .multipart()
                .file(new MockMultipartFile("photo", "p.png", "image/png", png.toByteArray()))
                .exchange();

        assertThat(uploaded).hasStatus(HttpStatus.FOUND);
        assertThat(uploaded).flash().containsKey("success");
        assertThat(mvc.get().uri("/api/products/" + id + "/photo")).hasStatusOk();
    }

    @Test
    void a_stock_level_is_changed_with_a_reason_from_the_shop_page() throws Exception {
        long shop = catalog.shop("Admin stock");
        long product = catalog.product("Counted " + CatalogFixtures.token(), "2.00");
        catalog.stock(shop, product, 4);

        MvcTestResult page = mvc.get().uri("/admin/shops/" + shop).cookie(admin).exchange();
        assertThat(page).hasStatusOk();
        assertThat(page.getResponse().getContentAsString())
                .contains(
                        "id=\"stock-" + product + "\"",
                        "id=\"quantity-" + product + "\"",
                        "id=\"reason-" + product + "\"");

        MvcTestResult set = mvc.post()
                .uri("/admin/shops/" + shop + "/stock")
                .cookie(admin)
                .with(csrf())
                .param("product", Long.toString(product))
                .param("quantity", "15")
                .param("reason", "Delivery from the wholesaler")
                .exchange();

        assertThat(set).hasStatus(HttpStatus.FOUND);
        assertThat(set.getResponse().getRedirectedUrl()).isEqualTo("/admin/shops/" + shop);
        assertThat(set).flash().containsKey("success");
        assertThat(catalog.quantity(shop, product)).isEqualTo(15);
        assertThat(jdbc.sql("SELECT reason FROM stock_adjustments WHERE shop_id = ? AND product_id = ?")
                        .params(shop, product)
                        .query(String.class)
                        .single())
                .isEqualTo("Delivery from the wholesaler");
        assertThat(mvc.get()
                        .uri("/admin/shops/" + shop)
                        .cookie(admin)
                        .exchange()
                        .getResponse()
                        .getContentAsString())
                .contains("Delivery from the wholesaler");
    }

    @Test
    void a_stock_level_without_a_reason_is_refused() throws Exception {
        long shop = catalog.shop("Admin reasons");
        long product = catalog.product("Unexplained " + CatalogFixtures.token(), "2.00");
        catalog.stock(shop, product, 4);

        MvcTestResult set = mvc.post()
                .uri("/admin/shops/" + shop + "/stock")
                .cookie(admin)
                .with(csrf())
                .param("product", Long.toString(product))
                .param("quantity", "15")
                .param("reason", " ")
                .exchange();

        assertThat(set).flash().containsKey("failure");
        assertThat(catalog.quantity(shop, product)).isEqualTo(4);
        MvcTestResult negative = mvc.post()
                .uri("/admin/shops/" + shop + "/stock")
                .cookie(admin)
                .with(csrf())
                .param("product", Long.toString(product))
                .param("quantity", "-3")
                .param("reason", "Broken")
                .exchange();
        assertThat(negative).flash().containsKey("failure");
        assertThat(catalog.quantity(shop, product)).isEqualTo(4);
    }

    @Test
    void shops_are_listed_created_and_changed() throws Exception {
        String name = "Admin shop " + CatalogFixtures.token();
        MvcTestResult created = mvc.post()
                .uri("/admin/shops")
                .cookie(admin)
                .with(csrf())
                .param("name", name)
                .param("address", "1 Quay")
                .exchange();
        assertThat(created).hasStatus(HttpStatus.FOUND);
        long id = jdbc.sql("SELECT id FROM shops WHERE name = ?")
                .param(name)
                .query(Long.class)
                .single();

        MvcTestResult list = mvc.get()
                .uri("/admin/shops?q=" + name.substring(11))
                .cookie(admin)
                .exchange();
        assertThat(list).hasStatusOk();
        assertThat(list.getResponse().getContentAsString()).contains(name, "1 Quay");

        MvcTestResult twin = mvc.post()
                .uri("/admin/shops")
                .cookie(admin)
                .with(csrf())
                .param("name", name.toUpperCase())
                .exchange();
        assertThat(twin).hasStatus(HttpStatus.CONFLICT);

        MvcTestResult changed = mvc.post()
                .uri("/admin/shops/" + id)
                .cookie(admin)
                .with(csrf())
                .param("name", name)
                .param("address", "2 Quay")
                .exchange();
        assertThat(changed).hasStatus(HttpStatus.FOUND);
        assertThat(jdbc.sql("SELECT address FROM shops WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("2 Quay");
    }

    @Test
    void the_dashboard_counts_products_and_shops() throws Exception {
        MvcTestResult dashboard = mvc.get().uri("/admin").cookie(admin).exchange();
        assertThat(dashboard).hasStatusOk();
        assertThat(dashboard.getResponse().getContentAsString())
                .contains("href=\"/admin/products\"", "href=\"/admin/shops\"", ">Products<", ">Shops<");
    }

    @Test
    void the_pages_are_for_administrators_only() throws Exception {
        Cookie user = AdminBrowser.signIn(mvc, accounts.user());
        for (String uri : new String[] {"/admin/products", "/admin/products/new", "/admin/shops", "/admin/shops/new"}) {
            MvcTestResult result = mvc.get().uri(uri).cookie(user).exchange();
            assertThat(result).as(uri).hasStatus(HttpStatus.FORBIDDEN);
        }
        long shop = catalog.shop("Forbidden");
        long product = catalog.product("Forbidden " + CatalogFixtures.token(), "1.00");
        catalog.stock(shop, product, 1);
        MvcTestResult post = mvc.post()
                .uri("/admin/shops/" + shop + "/stock")
                .cookie(user)
                .with(csrf())
                .param("product", Long.toString(product))
                .param("quantity", "99")
                .param("reason", "Mine now")
                .exchange();
        assertThat(post).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(catalog.quantity(shop, product)).isEqualTo(1);
        assertThat(mvc.get().uri("/admin/products").exchange()).hasStatus(HttpStatus.FOUND);
    }

    @Test
    void a_form_without_its_csrf_token_is_refused() throws Exception {
        long shop = catalog.shop("Csrf");
        long product = catalog.product("Csrf " + CatalogFixtures.token(), "1.00");
        catalog.stock(shop, product, 1);

        MvcTestResult post = mvc.post()
                .uri("/admin/shops/" + shop + "/stock")
                .cookie(admin)
                .param("product", Long.toString(product))
                .param("quantity", "99")
                .param("reason", "No token")
                .exchange();

        assertThat(post).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(catalog.quantity(shop, product)).isEqualTo(1);
        assertThat(mvc.post().uri("/admin/products/" + product + "/delete").cookie(admin))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("SELECT count(*) FROM products WHERE id = ?")
                        .param(product)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
