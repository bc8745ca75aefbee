package dev.atrium.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AdminBrowser;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Bad input on any module's admin page is answered with a panel page and the status the API would give, never a 500. */
@AtriumTest
class AdminErrorPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    Cookie session;

    @BeforeEach
    void signIn() {
        session = AdminBrowser.signIn(mvc, accounts.admin());
    }

    @Test
    void a_page_or_id_that_is_not_a_number_is_a_400_page() throws Exception {
        for (String path : new String[] {
            "/admin/projects?page=abc",
            "/admin/tokens?page=x",
            "/admin/products?page=abc",
            "/admin/orders/abc",
            "/admin/projects/abc",
            "/admin/shops/1.5"
        }) {
            MvcTestResult result = mvc.get().uri(path).cookie(session).exchange();
            assertThat(result).as(path).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result).as(path).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
            assertThat(result.getResponse().getContentAsString()).as(path).contains("Invalid request");
        }
    }

    @Test
    void a_search_with_a_nul_character_is_a_400_page() {
        for (String path : new String[] {"/admin/projects", "/admin/tokens", "/admin/goods", "/admin/users"}) {
            MvcTestResult result =
                    mvc.get().uri(path).param("q", "a\u0000b").cookie(session).exchange();
            assertThat(result).as(path).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result).as(path).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
        }
    }

    @Test
    void htmx_restores_history_without_asking_for_a_fragment() {
        // Every list answers HX-Request with its rows only; a page restored from history needs the whole page.
        assertThat(mvc.get().uri("/admin/products").cookie(session).exchange())
                .bodyText()
                .contains("\"historyRestoreAsHxRequest\": false");
    }

    @Test
    void a_missing_thing_is_still_a_404_page() {
        MvcTestResult result =
                mvc.get().uri("/admin/projects/987654321").cookie(session).exchange();
        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.TEXT_HTML);
    }
}
