package dev.atrium.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.atrium.AdminBrowser;
import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.TestUser;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The admin panel's cookie sign-in: the same kind of session as a token, ended the same ways. */
@AtriumTest
class BrowserSessionTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_administrator_signs_in_with_a_form_and_reaches_the_panel() {
        TestUser admin = accounts.admin();
        Cookie browser = AdminBrowser.signIn(mvc, admin);
        assertThat(mvc.get().uri("/admin").cookie(browser).exchange()).hasStatusOk();
        assertThat(jdbc.sql("SELECT count(*) FROM user_sessions WHERE user_id = ?")
                        .param(admin.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void the_panel_sends_strangers_to_the_sign_in_page() {
        MvcTestResult result = mvc.get().uri("/admin").exchange();
        assertThat(result).hasStatus(HttpStatus.FOUND);
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/admin/login");
        assertThat(mvc.get().uri("/admin/login").exchange()).hasStatusOk();
    }

    @Test
    void a_user_who_is_not_an_administrator_gets_403_after_signing_in() {
        Cookie browser = AdminBrowser.signIn(mvc, accounts.user());
        MvcTestResult result = mvc.get().uri("/admin").cookie(browser).exchange();
        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(result.getResponse().getForwardedUrl()).isEqualTo("/admin/denied");
    }

    @Test
    void a_form_without_its_csrf_token_is_refused() {
        TestUser admin = accounts.admin();
        MvcTestResult result = mvc.post()
                .uri("/admin/login")
                .with(TestAccounts.freshAddress())
                .param("username", admin.email())
                .param("password", TestAccounts.PASSWORD)
                .exchange();
        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("SELECT count(*) FROM user_sessions WHERE user_id = ?")
                        .param(admin.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void a_wrong_password_returns_to_the_form_with_a_message() {
        TestUser admin = accounts.admin();
        MvcTestResult result = mvc.post()
                .uri("/admin/login")
                .with(csrf())
                .with(TestAccounts.freshAddress())
                .param("username", admin.email())
                .param("password", "not the password")
                .exchange();
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/admin/login?error");
    }

    @Test
    void signing_out_ends_the_user_session_and_its_row() {
        TestUser admin = accounts.admin();
        Cookie browser = AdminBrowser.signIn(mvc, admin);
        MvcTestResult out =
                mvc.post().uri("/admin/logout").cookie(browser).with(csrf()).exchange();
        assertThat(out.getResponse().getRedirectedUrl()).endsWith("/admin/login?signed-out");
        assertThat(mvc.get().uri("/admin").cookie(browser).exchange()).hasStatus(HttpStatus.FOUND);
        assertThat(jdbc.sql("SELECT count(*) FROM user_sessions WHERE user_id = ? AND closed_at IS NOT NULL")
                        .param(admin.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void ending_the_session_through_the_api_signs_the_browser_out() {
        TestUser admin = accounts.admin();
        Cookie browser = AdminBrowser.signIn(mvc, admin);
        TestAccounts.SignedInUser client = accounts.signIn(admin);
        String browserSession =
                jdbc.sql("""
                        SELECT id::text FROM user_sessions WHERE user_id = ? ORDER BY opened_at LIMIT 1""").param(admin.id()).query(String.class).single();
        assertThat(api.as(client).delete("/api/sessions/" + browserSession)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/admin").cookie(browser).exchange()).hasStatus(HttpStatus.FOUND);
    }
}
