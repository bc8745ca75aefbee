package dev.atrium.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AdminBrowser;
import dev.atrium.Api;
import dev.atrium.Browser;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import dev.atrium.TestAccounts.TestUser;
import dev.atrium.catalog.CatalogFixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin panel in a real browser: an administrator signs in and does the panel's everyday tasks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestAccounts.class, Api.class})
class AdminPanelBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void an_administrator_signs_in_and_finds_a_user() {
        TestUser admin = accounts.admin();
        TestUser wanted = accounts.user();
        try (Browser browser = Browser.open(false)) {
            WebDriver page = browser.driver();
            AdminBrowser.signIn(page, port, admin);
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
            assertThat(page.findElements(By.cssSelector(".tile"))).isNotEmpty();
            browser.screenshot("admin-dashboard");

            page.get(url("/admin/users"));
            page.findElement(By.id("search")).sendKeys(wanted.email());
            wait(page)
                    .until(driver -> driver.findElements(By.cssSelector("#users tbody tr"))
                                    .size()
                            == 1);
            assertThat(page.findElement(By.id("users")).getText()).contains(wanted.email());

            browser.screenshot("admin-users-search");

            page.findElement(By.linkText(wanted.email())).click();
            wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), wanted.email()));
            browser.screenshot("admin-user");
        }
    }

    @Test
    void an_administrator_changes_a_stock_level_with_a_reason() {
        CatalogFixtures catalog = new CatalogFixtures(jdbc);
        long shop = catalog.shop("Browser stock");
        long product = catalog.product("Lantern " + CatalogFixtures.token(), "24.50");
        catalog.stock(shop, product, 7);

        try (Browser browser = Browser.open(false)) {
            WebDriver page = browser.driver();
            AdminBrowser.signIn(page, port, accounts.admin());
            page.get(url("/admin/shops/" + shop));
            assertThat(page.findElement(By.id("quantity-now-" + product)).getText())
                    .isEqualTo("7");
            page.findElement(By.id("quantity-" + product)).clear();
            page.findElement(By.id("quantity-" + product)).sendKeys("42");
            page.findElement(By.id("reason-" + product)).sendKeys("Delivery from the warehouse");
            browser.screenshot("admin-shop-stock");
            page.findElement(By.cssSelector("#stock-" + product + " button[type=submit]"))
                    .click();
            wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"), "42"));
            assertThat(page.findElement(By.id("quantity-now-" + product)).getText())
                    .isEqualTo("42");
            browser.screenshot("admin-shop-stock-saved");
        }
        assertThat(catalog.quantity(shop, product)).isEqualTo(42);
        assertThat(jdbc.sql("""
                        SELECT quantity_before || ' -> ' || quantity_after || ': ' || reason FROM stock_adjustments
                        WHERE shop_id = :shop AND product_id = :product""")
                        .param("shop", shop)
                        .param("product", product)
                        .query(String.class)
                        .list())
                .containsExactly("7 -> 42: Delivery from the warehouse");
        assertThat(mvc.get().uri("/api/shops/" + shop + "/products").exchange())
                .bodyJson()
                .extractingPath("$.results[0].quantity")
                .isEqualTo(42);
    }

    @Test
    void deleting_a_product_asks_first_and_nothing_is_deleted_when_the_administrator_declines() {
        CatalogFixtures catalog = new CatalogFixtures(jdbc);
        long product = catalog.product("Kept " + CatalogFixtures.token(), "3.00");
        try (Browser browser = Browser.open(false)) {
            WebDriver page = browser.driver();
            AdminBrowser.signIn(page, port, accounts.admin());
            page.get(url("/admin/products/" + product));
            page.findElement(By.cssSelector("form[data-confirm] button[type=submit]"))
                    .click();
            Alert question = wait(page).until(ExpectedConditions.alertIsPresent());
            assertThat(question.getText()).contains("Delete this product");
            question.dismiss();
            assertThat(page.getCurrentUrl()).endsWith("/admin/products/" + product);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM products WHERE id = :id")
                        .param("id", product)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void an_administrator_revokes_an_app_token_and_it_stops_working_at_once() throws Exception {
        SignedInUser owner = accounts.signedInUser();
        String projectName = "Browser revoke " + owner.id();
        JsonNode project = post("/api/project", owner, "{\"name\":\"" + projectName + "\"}");
        JsonNode token = post("/api/project/" + project.get("id").asLong() + "/jwt", owner, "{}");
        String targets = "/api/project/" + project.get("id").asLong() + "/imagetarget";
        assertThat(api.as(token.get("token").asString()).get(targets)).hasStatusOk();

        try (Browser browser = Browser.open(false)) {
            WebDriver page = browser.driver();
            AdminBrowser.signIn(page, port, accounts.admin());
            page.get(url("/admin/tokens"));
            page.findElement(By.id("token-q")).sendKeys(projectName);
            page.findElement(By.id("token-q")).submit();
            String revoke = "revoke-" + token.get("id").asString();
            wait(page).until(ExpectedConditions.elementToBeClickable(By.id(revoke)));
            browser.screenshot("admin-tokens");
            page.findElement(By.id(revoke)).click();
            wait(page).until(ExpectedConditions.invisibilityOfElementLocated(By.id(revoke)));
            assertThat(page.findElement(By.tagName("main")).getText()).containsIgnoringCase("revoked");
        }
        assertThat(api.as(token.get("token").asString()).get(targets)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void someone_who_is_not_an_administrator_sees_nothing_of_the_panel() {
        try (Browser browser = Browser.open(true)) {
            WebDriver page = browser.driver();
            page.get(url("/admin/login"));
            page.findElement(By.id("username")).sendKeys(accounts.user().email());
            page.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
            page.findElement(By.cssSelector("button[type=submit]")).click();
            wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Not allowed"));
            assertThat(page.getPageSource()).doesNotContain("Dashboard", "/admin/users");
            browser.screenshot("admin-not-allowed-phone");
        }
    }

    @Test
    void the_pages_read_well_on_a_phone() {
        try (Browser browser = Browser.open(true)) {
            WebDriver page = browser.driver();
            AdminBrowser.signIn(page, port, accounts.admin());
            for (String path :
                    new String[] {"/admin/users", "/admin/organizations", "/admin/projects", "/admin/sessions"}) {
                page.get(url(path));
                assertThat(page.findElement(By.tagName("h1")).isDisplayed()).isTrue();
                browser.screenshot("phone" + path.replace('/', '-'));
            }
        }
    }

    private JsonNode post(String path, SignedInUser user, String body) throws Exception {
        String answer = api.as(user).post(path, body).getResponse().getContentAsString();
        return json.readTree(answer);
    }

    /** Generous, for a busy machine: a wait ends as soon as its condition holds, so it costs nothing when all is well. */
    private static WebDriverWait wait(WebDriver page) {
        return new WebDriverWait(page, Duration.ofSeconds(30));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
