package dev.atrium.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AdminBrowser;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.TestUser;
import dev.atrium.catalog.CatalogFixtures;
import jakarta.servlet.http.Cookie;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every admin list shows its last page when asked for a page past its end: a search typed into the box never leaves an
 * empty table without a pager.
 */
@AtriumTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminListPastTheEndTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    Cookie admin;
    long shop;
    long project;

    @BeforeAll
    void things() {
        TestUser user = accounts.admin();
        admin = AdminBrowser.signIn(mvc, user);
        CatalogFixtures catalog = new CatalogFixtures(jdbc);
        shop = catalog.shop("Past the end");
        catalog.stock(shop, catalog.product("Past the end", "1.00"), 1);
        MvcTestResult created = mvc.post()
                .uri("/api/project")
                .header("Authorization", accounts.signIn(user).bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Past the end " + user.id() + "\"}")
                .exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        project = JsonMapper.builder()
                .build()
                .readTree(created.getResponse().getContentAsByteArray())
                .get("id")
                .asLong();
    }

    Stream<String> lists() {
        return Stream.of(
                "/admin/users",
                "/admin/sessions",
                "/admin/organizations",
                "/admin/goods",
                "/admin/products",
                "/admin/shops",
                "/admin/shops/{shop}",
                "/admin/orders",
                "/admin/offers",
                "/admin/projects",
                "/admin/projects/{project}",
                "/admin/tokens");
    }

    @ParameterizedTest
    @MethodSource("lists")
    void a_page_past_the_end_shows_the_last_page(String list) {
        String uri = list.replace("{shop}", String.valueOf(shop)).replace("{project}", String.valueOf(project));
        AdminList<?> last =
                listOf(mvc.get().uri(uri + "?page=99999").cookie(admin).exchange());

        assertThat(last.page()).isEqualTo(last.pages());
        assertThat(last.next()).isNull();
        assertThat(last.rows().isEmpty()).isEqualTo(last.count() == 0);
    }

    private static AdminList<?> listOf(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        return Objects.requireNonNull(result.getMvcResult().getModelAndView()).getModel().values().stream()
                .filter(value -> value instanceof AdminList<?>)
                .map(value -> (AdminList<?>) value)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no admin list on the page"));
    }
}
