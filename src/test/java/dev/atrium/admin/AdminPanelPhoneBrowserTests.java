package dev.atrium.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AdminBrowser;
import dev.atrium.Browser;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.TestUser;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The admin panel on a phone, 390 px wide, in a real browser: the header stays one band of the same height on every
 * page, Sign out can be reached, wide tables scroll inside their card instead of widening the page, and a mistyped
 * password does not cost the e-mail. Each page is also saved as a screenshot at phone and desktop width.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestAccounts.class)
class AdminPanelPhoneBrowserTests {

    /** Brand and Sign out on one row, the sections on a second: anything taller is the band growing again. */
    static final long HEADER_HEIGHT_LIMIT = 110;

    static final String[] PAGES = {"/admin", "/admin/orders", "/admin/goods", "/admin/users", "/admin/products"};

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    // Filler rows that no record of the goods file has, so that tests reading the imported goods never meet them.
    @BeforeEach
    void enoughGoodsForASecondPage() {
        long missing =
                30 - jdbc.sql("SELECT count(*) FROM goods").query(Long.class).single();
        for (long i = 0; i < missing; i++) {
            jdbc.sql("""
                            INSERT INTO goods (good_name, good_code, supplier_name, supplier_address, supplier_phone,
                                               supplier_contact, is_bulk, price, dt_of_license)
                            VALUES ('Pager filler', 'FILL 30', 'Atrium tests', '1 Test Street', '555-0100',
                                    'Test Contact', true, 689, DATE '1978-12-07')""").update();
        }
    }

    @Test
    void the_header_keeps_its_height_on_every_page_of_a_phone() {
        try (Browser browser = Browser.open(true)) {
            WebDriver page = browser.driver();
            AdminBrowser.signIn(page, port, accounts.admin());
            Map<String, Long> heights = new LinkedHashMap<>();
            for (String path : PAGES) {
                page.get(url(path));
                page.findElement(By.tagName("h1"));
                heights.put(path, number(page, "return document.querySelector('.shell > nav').offsetHeight"));
                browser.screenshot("phone" + path.replace('/', '-'));
            }
            assertThat(heights.values())
                    .as("header heights %s", heights)
                    .allSatisfy(height -> assertThat(height).isLessThanOrEqualTo(HEADER_HEIGHT_LIMIT));
            assertThat(heights.values().stream().distinct())
                    .as("header heights %s", heights)
                    .hasSize(1);
        }
    }

    @Test
    void sign_out_is_on_screen_and_works_on_a_phone() {
        try (Browser browser = Browser.open(true)) {
            WebDriver page = browser.driver();
            AdminBrowser.signIn(page, port, accounts.admin());
            page.get(url("/admin/orders"));
            WebElement signOut = page.findElement(By.cssSelector("form[action$='/admin/logout'] button"));
            assertThat(signOut.isDisplayed()).isTrue();
            long right = number(
                    page,
                    "return Math.ceil(arguments[0].getBoundingClientRect().right) <= window.innerWidth"
                            + " && arguments[0].getBoundingClientRect().top >= 0 ? 1 : 0",
                    signOut);
            assertThat(right).as("Sign out lies inside the screen").isEqualTo(1);
            signOut.click();
            wait(page).until(ExpectedConditions.urlContains("signed-out"));
            assertThat(page.findElement(By.cssSelector(".notice.ok")).getText()).contains("signed out");
        }
    }

    @Test
    void a_wide_table_scrolls_inside_its_card_and_the_page_stays_as_wide_as_the_phone() {
        try (Browser browser = Browser.open(true)) {
            WebDriver page = browser.driver();
            AdminBrowser.signIn(page, port, accounts.admin());
            for (String path : new String[] {"/admin/orders", "/admin/goods", "/admin/products"}) {
                page.get(url(path));
                WebElement wrap = page.findElement(By.cssSelector(".table-wrap"));
                assertThat(number(page, "return document.documentElement.scrollWidth - window.innerWidth"))
                        .as("how much wider than the screen %s is", path)
                        .isLessThanOrEqualTo(0);
                assertThat(number(page, "return Math.ceil(arguments[0].getBoundingClientRect().right)", wrap))
                        .as("right edge of the table's card on %s", path)
                        .isLessThanOrEqualTo(number(page, "return window.innerWidth"));
            }
            page.get(url("/admin/orders"));
            WebElement wrap = page.findElement(By.cssSelector(".table-wrap"));
            assertThat(number(page, "return arguments[0].scrollWidth - arguments[0].clientWidth", wrap))
                    .as("the orders table is wider than its card, which scrolls")
                    .isPositive();
            ((JavascriptExecutor) page).executeScript("arguments[0].scrollLeft = 10000", wrap);
            assertThat(number(page, "return arguments[0].scrollLeft", wrap)).isPositive();
            assertThat(number(page, "return window.scrollX")).isZero();
        }
    }

    @Test
    void the_goods_pager_is_not_dressed_as_the_navigation() {
        try (Browser browser = Browser.open(true)) {
            WebDriver page = browser.driver();
            AdminBrowser.signIn(page, port, accounts.admin());
            page.get(url("/admin/goods"));
            WebElement pager = page.findElement(By.cssSelector(".pager"));
            String navigation = style(page, page.findElement(By.cssSelector(".shell > nav")), "background-color");
            assertThat(style(page, pager, "background-color")).isNotEqualTo(navigation);
            WebElement next = pager.findElement(By.cssSelector("a[rel=next]"));
            assertThat(style(page, next, "color"))
                    .as("the accent, as every link in a page")
                    .isEqualTo("rgb(42, 91, 215)");
            ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView()", pager);
            browser.screenshot("phone-admin-goods-pager");
        }
    }

    @Test
    void a_failed_sign_in_keeps_the_email_typed_and_asks_for_the_password_again() {
        TestUser admin = accounts.admin();
        try (Browser browser = Browser.open(true)) {
            WebDriver page = browser.driver();
            page.get(url("/admin/login"));
            page.findElement(By.id("username")).sendKeys(admin.email());
            page.findElement(By.id("password")).sendKeys("not the password");
            page.findElement(By.cssSelector("button[type=submit]")).click();
            wait(page).until(ExpectedConditions.urlContains("error"));
            assertThat(page.findElement(By.cssSelector(".notice.bad")).getText())
                    .contains("Wrong email or password");
            assertThat(page.findElement(By.id("username")).getDomProperty("value"))
                    .isEqualTo(admin.email());
            assertThat(page.findElement(By.id("password")).getDomProperty("value"))
                    .isEmpty();
            assertThat(page.switchTo().activeElement().getDomAttribute("id")).isEqualTo("password");
            browser.screenshot("phone-admin-login-failed");
            page.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
            page.findElement(By.cssSelector("button[type=submit]")).click();
            wait(page).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Dashboard"));
        }
    }

    @Test
    void the_pages_at_desktop_width_for_comparison() {
        try (Browser browser = Browser.open(false)) {
            WebDriver page = browser.driver();
            page.get(url("/admin/login"));
            page.findElement(By.id("username"));
            browser.screenshot("desktop-admin-login");
            page.get(url("/no-such-page"));
            page.findElement(By.id("page-error"));
            browser.screenshot("desktop-page-error");
            AdminBrowser.signIn(page, port, accounts.admin());
            for (String path : PAGES) {
                page.get(url(path));
                page.findElement(By.tagName("h1"));
                browser.screenshot("desktop" + path.replace('/', '-'));
            }
        }
        try (Browser browser = Browser.open(true)) {
            WebDriver page = browser.driver();
            page.get(url("/admin/login"));
            page.findElement(By.id("username"));
            browser.screenshot("phone-admin-login");
            page.get(url("/no-such-page"));
            page.findElement(By.id("page-error"));
            browser.screenshot("phone-page-error");
        }
    }

    private static long number(WebDriver page, String script, Object... arguments) {
        return ((Number) ((JavascriptExecutor) page).executeScript(script, arguments)).longValue();
    }

    private static String style(WebDriver page, WebElement element, String property) {
        return (String) ((JavascriptExecutor) page)
                .executeScript("return getComputedStyle(arguments[0])[arguments[1]]", element, property);
    }

    /** Generous, for a busy machine: a wait ends as soon as its condition holds, so it costs nothing when all is well. */
    private static WebDriverWait wait(WebDriver page) {
        return new WebDriverWait(page, Duration.ofSeconds(30));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
