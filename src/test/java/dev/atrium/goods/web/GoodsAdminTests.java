package dev.atrium.goods.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.atrium.AdminBrowser;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@AtriumTest
class GoodsAdminTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_administrator_sees_the_imported_goods_and_can_search_them() throws Exception {
        importGoods();
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        MvcTestResult page = mvc.get().uri("/admin/goods").cookie(admin).exchange();
        assertThat(page).hasStatusOk();
        assertThat(page.getResponse().getContentAsString()).contains("Goods feed", "id=\"goods\"");
        MvcTestResult rows = mvc.get()
                .uri("/admin/goods?q=LYC 935")
                .cookie(admin)
                .header("HX-Request", "true")
                .exchange();
        assertThat(rows.getResponse().getContentAsString())
                .contains("Tuna", "id=\"goods-rows\"")
                .doesNotContain("<html");
    }

    @Test
    void an_administrator_empties_the_table() {
        importGoods();
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        MvcTestResult emptied =
                mvc.post().uri("/admin/goods/empty").cookie(admin).with(csrf()).exchange();
        assertThat(emptied.getResponse().getRedirectedUrl()).isEqualTo("/admin/goods");
        assertThat(emptied).flash().containsKey("success");
        assertThat(jdbc.sql("SELECT count(*) FROM goods").query(Long.class).single())
                .isZero();
    }

    @Test
    void emptying_needs_the_csrf_token_and_an_administrator() {
        importGoods();
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        assertThat(mvc.post().uri("/admin/goods/empty").cookie(admin).exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        Cookie user = AdminBrowser.signIn(mvc, accounts.user());
        assertThat(mvc.post()
                        .uri("/admin/goods/empty")
                        .cookie(user)
                        .with(csrf())
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/admin/goods").cookie(user).exchange()).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("SELECT count(*) FROM goods").query(Long.class).single())
                .isPositive();
    }

    private void importGoods() {
        TestAccounts.TestUser user = accounts.user();
        mvc.post()
                .uri("/api")
                .with(TestAccounts.freshAddress())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("login", user.email())
                .param("password", TestAccounts.PASSWORD)
                .exchange();
    }
}
