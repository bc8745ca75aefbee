package dev.atrium.ordering.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.atrium.AdminBrowser;
import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import dev.atrium.catalog.CatalogFixtures;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/** The admin panel's offers and orders pages: each page and action, for administrators only, CSRF-protected. */
@AtriumTest
class OrderingAdminControllerTests {

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
    Cookie admin;
    long shop;

    @BeforeEach
    void signIn() {
        catalog = new CatalogFixtures(jdbc);
        admin = AdminBrowser.signIn(mvc, accounts.admin());
        shop = catalog.defaultShop();
    }

    @Test
    void the_orders_page_lists_and_filters_orders_and_shows_one() throws Exception {
        SignedInUser buyer = accounts.signedInUser();
        long item = product(10);
        long order = place(buyer, item, 2);

        MvcTestResult list =
                mvc.get().uri("/admin/orders?user=" + buyer.id()).cookie(admin).exchange();
        assertThat(list).hasStatusOk();
        assertThat(list.getResponse().getContentAsString())
                .contains("/admin/orders/" + order, buyer.email(), "1</span> orders");

        MvcTestResult rows = mvc.get()
                .uri("/admin/orders?user=" + buyer.id() + "&status=paid")
                .header("HX-Request", "true")
                .cookie(admin)
                .exchange();
        assertThat(rows.getResponse().getContentAsString())
                .doesNotContain("<html")
                .contains("No order matches");

        MvcTestResult detail =
                mvc.get().uri("/admin/orders/" + order).cookie(admin).exchange();
        assertThat(detail).hasStatusOk();
        assertThat(detail.getResponse().getContentAsString())
                .contains("Order <span>" + order + "</span>", buyer.email(), "id=\"status-form\"", "cancelled");
    }

    @Test
    void cancelling_an_order_from_its_page_returns_its_stock() {
        SignedInUser buyer = accounts.signedInUser();
        long item = product(10);
        long order = place(buyer, item, 3);
        assertThat(catalog.quantity(shop, item)).isEqualTo(7);

        MvcTestResult paid = status(order, "paid");
        assertThat(paid).hasStatus(HttpStatus.FOUND);
        assertThat(paid).flash().containsKey("success");
        MvcTestResult cancelled = status(order, "cancelled");
        assertThat(cancelled).flash().containsKey("success");

        assertThat(catalog.quantity(shop, item)).isEqualTo(10);
        assertThat(jdbc.sql("SELECT status FROM orders WHERE id = ?")
                        .param(order)
                        .query(String.class)
                        .single())
                .isEqualTo("cancelled");
        assertThat(status(order, "shipped")).flash().containsKey("failure");
    }

    @Test
    void an_offer_is_created_edited_and_switched_off() throws Exception {
        long item = product(10);
        MvcTestResult created = mvc.post()
                .uri("/admin/offers")
                .cookie(admin)
                .with(csrf())
                .param("name", "Admin offer " + CatalogFixtures.token())
                .param("kind", "percent_off_product")
                .param("product", Long.toString(item))
                .param("percent", "20")
                .param("active", "true")
                .param("_active", "on")
                .exchange();
        assertThat(created).hasStatus(HttpStatus.FOUND);
        long id = Long.parseLong(created.getResponse().getRedirectedUrl().replace("/admin/offers/", ""));

        MvcTestResult page = mvc.get().uri("/admin/offers/" + id).cookie(admin).exchange();
        assertThat(page).hasStatusOk();
        assertThat(page.getResponse().getContentAsString()).contains("in force", "value=\"20.00\"");

        MvcTestResult changed = mvc.post()
                .uri("/admin/offers/" + id)
                .cookie(admin)
                .with(csrf())
                .param("name", "Admin offer, deeper")
                .param("kind", "percent_off_product")
                .param("product", Long.toString(item))
                .param("percent", "30")
                .param("active", "true")
                .param("_active", "on")
                .exchange();
        assertThat(changed).hasStatus(HttpStatus.FOUND);
        assertThat(jdbc.sql("SELECT percent FROM offers WHERE id = ?")
                        .param(id)
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("30");

        MvcTestResult off = mvc.post()
                .uri("/admin/offers/" + id + "/deactivate")
                .cookie(admin)
                .with(csrf())
                .exchange();
        assertThat(off).flash().containsKey("success");
        assertThat(jdbc.sql("SELECT active FROM offers WHERE id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isFalse();

        MvcTestResult list =
                mvc.get().uri("/admin/offers?show=all&q=deeper").cookie(admin).exchange();
        assertThat(list.getResponse().getContentAsString()).contains("Admin offer, deeper", "switched off");
    }

    @Test
    void an_offer_form_breaking_rules_is_shown_again_with_the_reasons() throws Exception {
        MvcTestResult refused = mvc.post()
                .uri("/admin/offers")
                .cookie(admin)
                .with(csrf())
                .param("name", "Broken offer")
                .param("kind", "buy_x_get_y_free")
                .param("buyQuantity", "two")
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(refused.getResponse().getContentAsString()).contains("field-error", "must be a whole number");
    }

    @Test
    void a_quantity_beyond_the_range_of_numbers_is_refused_not_wrapped_round() throws Exception {
        long item = product(10);
        String name = "Wrapped offer " + CatalogFixtures.token();
        MvcTestResult refused = mvc.post()
                .uri("/admin/offers")
                .cookie(admin)
                .with(csrf())
                .param("name", name)
                .param("kind", "buy_x_get_y_free")
                .param("product", Long.toString(item))
                // -2^32 + 2, which a cast to int would make 2.
                .param("buyQuantity", "-4294967294")
                .param("freeQuantity", "1")
                .exchange();

        assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(refused.getResponse().getContentAsString()).contains("must be between 1 and 1000");
        assertThat(jdbc.sql("SELECT count(*) FROM offers WHERE name = ?")
                        .param(name)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void the_dashboard_counts_orders_and_offers() throws Exception {
        MvcTestResult dashboard = mvc.get().uri("/admin").cookie(admin).exchange();
        assertThat(dashboard.getResponse().getContentAsString())
                .contains("Orders today (UTC)", "Paid orders to ship", "Offers in force", "href=\"/admin/orders\"");
    }

    @Test
    void the_pages_are_for_administrators_only() {
        SignedInUser buyer = accounts.signedInUser();
        long order = place(buyer, product(5), 1);
        Cookie user = AdminBrowser.signIn(mvc, accounts.user());
        for (String uri :
                new String[] {"/admin/orders", "/admin/orders/" + order, "/admin/offers", "/admin/offers/new"}) {
            assertThat(mvc.get().uri(uri).cookie(user).exchange()).as(uri).hasStatus(HttpStatus.FORBIDDEN);
        }
        MvcTestResult post = mvc.post()
                .uri("/admin/orders/" + order + "/status")
                .cookie(user)
                .with(csrf())
                .param("status", "cancelled")
                .exchange();
        assertThat(post).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("SELECT status FROM orders WHERE id = ?")
                        .param(order)
                        .query(String.class)
                        .single())
                .isEqualTo("created");
    }

    @Test
    void a_form_without_its_csrf_token_is_refused() {
        SignedInUser buyer = accounts.signedInUser();
        long order = place(buyer, product(5), 1);

        MvcTestResult post = mvc.post()
                .uri("/admin/orders/" + order + "/status")
                .cookie(admin)
                .param("status", "cancelled")
                .exchange();

        assertThat(post).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("SELECT status FROM orders WHERE id = ?")
                        .param(order)
                        .query(String.class)
                        .single())
                .isEqualTo("created");
        assertThat(mvc.post()
                        .uri("/admin/offers")
                        .cookie(admin)
                        .param("name", "No token")
                        .param("kind", "percent_off_order")
                        .param("percent", "5"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    private long product(int quantity) {
        long id = catalog.product("Admin order item " + CatalogFixtures.token(), "4.00");
        catalog.stock(shop, id, quantity);
        return id;
    }

    private long place(SignedInUser buyer, long item, int quantity) {
        MvcTestResult result = api.as(buyer)
                .post(
                        "/api/order",
                        "{\"parts\": [{\"product\": %d, \"quantity_in_order\": %d}]}".formatted(item, quantity));
        assertThat(result).hasStatus(HttpStatus.CREATED);
        return json.readTree(result.getResponse().getContentAsByteArray())
                .get("id")
                .asLong();
    }

    private MvcTestResult status(long order, String status) {
        return mvc.post()
                .uri("/admin/orders/" + order + "/status")
                .cookie(admin)
                .with(csrf())
                .param("status", status)
                .exchange();
    }
}
