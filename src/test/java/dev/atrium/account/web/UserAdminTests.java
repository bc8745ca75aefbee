package dev.atrium.account.web;

import static dev.atrium.TestAccounts.freshAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.atrium.AdminBrowser;
import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import dev.atrium.TestAccounts.TestUser;
import dev.atrium.admin.AdminList;
import jakarta.servlet.http.Cookie;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The admin panel's users and sign-ins pages: what an administrator sees and does, and that nobody else can. */
@AtriumTest
class UserAdminTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_user_list_finds_users_by_email_or_name_and_pages_them() throws Exception {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        TestUser user = accounts.user();
        rename(user, "Zebedee", "Quarrington-" + user.id());

        MvcTestResult byEmail = page("/admin/users?q=" + user.email().toUpperCase(), admin);
        assertThat(byEmail).hasStatusOk();
        assertThat(byEmail).bodyText().contains(user.email()).contains("1 user").contains("<nav");
        MvcTestResult byName = page("/admin/users?q=zebedee quarrington-" + user.id(), admin);
        assertThat(byName).bodyText().contains(user.email()).contains("Zebedee");
        assertThat(page("/admin/users?q=nobody-has-this-" + user.id(), admin))
                .bodyText()
                .contains("No user matches");

        String family = "Pagewright" + user.id();
        for (int i = 0; i < AdminList.PAGE_SIZE + 1; i++) {
            rename(accounts.user(), "Member" + i, family);
        }
        MvcTestResult first = page("/admin/users?q=" + family, admin);
        assertThat(first)
                .bodyText()
                .contains("id=\"users\"")
                .contains("26 users")
                .contains("Page <span>1</span> of <span>2</span>")
                .contains("rel=\"next\"");
        MvcTestResult second = page("/admin/users?q=" + family + "&page=2", admin);
        assertThat(second)
                .bodyText()
                .contains("Page <span>2</span> of <span>2</span>")
                .contains("rel=\"prev\"");
        assertThat(second.getResponse().getContentAsString().split("data-user-id="))
                .hasSize(2);
        // A page past the end shows the last page, as every admin list does.
        MvcTestResult past = page("/admin/users?q=" + family + "&page=99999", admin);
        assertThat(past)
                .bodyText()
                .contains("Page <span>2</span> of <span>2</span>")
                .doesNotContain("No user matches");
        assertThat(past.getResponse().getContentAsString().split("data-user-id="))
                .hasSize(2);
        assertThat(page("/admin/users?page=abc", admin)).hasStatusOk();
    }

    @Test
    void the_search_box_gets_only_the_rows_back_through_htmx() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        TestUser user = accounts.user();
        MvcTestResult rows = mvc.get()
                .uri("/admin/users?q=" + user.email())
                .cookie(admin)
                .header("HX-Request", "true")
                .exchange();
        assertThat(rows).hasStatusOk();
        assertThat(rows)
                .bodyText()
                .contains("id=\"user-rows\"")
                .contains(user.email())
                .doesNotContain("<nav class=\"")
                .doesNotContain("<html");
    }

    @Test
    void a_users_page_shows_their_profile_organizations_sessions_and_sign_ins() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        SignedInUser user = accounts.signedInUser();
        long organization = jdbc.sql("INSERT INTO organizations (name) VALUES (?) RETURNING id")
                .param("Admin view " + user.id())
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO organization_members (organization_id, user_id) VALUES (?, ?)")
                .params(organization, user.id())
                .update();
        MvcTestResult page = page("/admin/users/" + user.id(), admin);
        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains(user.email())
                .contains("Admin view " + user.id())
                .contains("id=\"sessions\"")
                .contains("data-session-id=")
                .contains("id=\"sign-ins\"")
                .contains("name=\"_csrf\"");
    }

    @Test
    void an_administrator_edits_names_and_roles_and_the_user_sees_the_message() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        TestUser user = accounts.user();
        MvcTestResult saved = mvc.post()
                .uri("/admin/users/" + user.id())
                .cookie(admin)
                .with(csrf())
                .param("firstName", "Marie")
                .param("lastName", "Curie")
                .param("phone", "+33 1 23 45 67 89")
                .param("administrator", "true")
                .exchange();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + user.id());
        assertThat(jdbc.sql("SELECT first_name || ' ' || last_name || ' ' || array_to_string(roles, ',') "
                                + "FROM users WHERE id = ?")
                        .param(user.id())
                        .query(String.class)
                        .single())
                .contains("Marie Curie")
                .contains("ADMIN");
        assertThat(page("/admin/users/" + user.id(), admin))
                .bodyText()
                .contains("Saved the user&#39;s names and roles.");

        // Leaving the box unticked takes the role away again.
        mvc.post()
                .uri("/admin/users/" + user.id())
                .cookie(admin)
                .with(csrf())
                .param("firstName", "Marie")
                .param("lastName", "Curie")
                .exchange();
        assertThat(isAdmin(user)).isFalse();
    }

    @Test
    void invalid_changes_come_back_as_a_failure_message_and_change_nothing() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        TestUser user = accounts.user();
        MvcTestResult refused = mvc.post()
                .uri("/admin/users/" + user.id())
                .cookie(admin)
                .with(csrf())
                .param("firstName", "x".repeat(151))
                .param("lastName", "Curie")
                .exchange();
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + user.id());
        assertThat(flash(refused).get("failure")).asString().contains("first_name");
        assertThat(page("/admin/users/" + user.id(), admin)).bodyText().contains("first_name");
        assertThat(jdbc.sql("SELECT last_name FROM users WHERE id = ?")
                        .param(user.id())
                        .query(String.class)
                        .single())
                .isEqualTo("User");
    }

    @Test
    void deactivating_ends_the_users_sessions_and_reactivating_lets_them_back() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        SignedInUser user = accounts.signedInUser();
        assertThat(flash(post("/admin/users/" + user.id() + "/deactivate", admin)))
                .containsKey("success");
        assertThat(active(user.id())).isFalse();
        assertThat(api.as(user).get("/api/users/me")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(page("/admin/users/" + user.id(), admin)).bodyText().contains("deactivated");

        post("/admin/users/" + user.id() + "/activate", admin);
        assertThat(active(user.id())).isTrue();
        assertThat(signIn(user.email(), TestAccounts.PASSWORD)).hasStatusOk();
    }

    @Test
    void an_administrator_sets_a_new_password_and_the_old_one_stops_working() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        SignedInUser user = accounts.signedInUser();
        MvcTestResult weak = mvc.post()
                .uri("/admin/users/" + user.id() + "/password")
                .cookie(admin)
                .with(csrf())
                .param("newPassword", "password")
                .exchange();
        assertThat(flash(weak).get("failure")).asString().contains("new_password");
        MvcTestResult reset = mvc.post()
                .uri("/admin/users/" + user.id() + "/password")
                .cookie(admin)
                .with(csrf())
                .param("newPassword", "chosen by the administrator")
                .exchange();
        assertThat(flash(reset)).containsKey("success");
        assertThat(api.as(user).get("/api/users/me")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(signIn(user.email(), TestAccounts.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(signIn(user.email(), "chosen by the administrator")).hasStatusOk();
    }

    @Test
    void an_administrator_ends_one_session_or_all_of_them() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        SignedInUser first = accounts.signedInUser();
        SignedInUser second = accounts.signIn(new TestUser(first.id(), first.email()));
        String firstSession = jdbc.sql(
                        "SELECT id::text FROM user_sessions WHERE user_id = ? ORDER BY opened_at LIMIT 1")
                .param(first.id())
                .query(String.class)
                .single();
        post("/admin/users/" + first.id() + "/sessions/" + firstSession + "/end", admin);
        assertThat(api.as(first).get("/api/users/me")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.as(second).get("/api/users/me")).hasStatusOk();

        MvcTestResult unknown = post("/admin/users/" + first.id() + "/sessions/" + firstSession + "/end", admin);
        assertThat(flash(unknown)).containsKey("failure");

        post("/admin/users/" + first.id() + "/sessions/end", admin);
        assertThat(api.as(second).get("/api/users/me")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_user_that_does_not_exist_sends_the_administrator_back_to_the_list() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        MvcTestResult missing = page("/admin/users/987654321", admin);
        assertThat(missing.getResponse().getRedirectedUrl()).isEqualTo("/admin/users");
        assertThat(flash(missing).get("failure")).asString().contains("987654321");
    }

    @Test
    void the_sign_ins_page_lists_the_sign_in_records_newest_first_and_searches_by_email() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        SignedInUser user = accounts.signedInUser();
        MvcTestResult found = page("/admin/sessions?q=" + user.email(), admin);
        assertThat(found).hasStatusOk();
        assertThat(found)
                .bodyText()
                .contains(user.email())
                .contains("1 sign-in")
                .contains("open");
        assertThat(page("/admin/sessions", admin)).bodyText().contains("id=\"sign-ins\"");
        MvcTestResult rows = mvc.get()
                .uri("/admin/sessions?q=" + user.email())
                .cookie(admin)
                .header("HX-Request", "true")
                .exchange();
        assertThat(rows).bodyText().contains("id=\"sign-in-rows\"").doesNotContain("<html");
        assertThat(page("/admin/sessions?q=nobody-" + user.id(), admin))
                .bodyText()
                .contains("No sign-in matches");
    }

    @Test
    void the_dashboard_counts_users_organizations_sign_ins_and_open_sessions() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        assertThat(page("/admin", admin))
                .bodyText()
                .contains("Users")
                .contains("Organizations")
                .contains("Sign-ins today")
                .contains("Open sessions")
                .contains("href=\"/admin/users\"")
                .contains("href=\"/admin/sessions\"");
    }

    @Test
    void someone_signed_in_who_is_not_an_administrator_gets_403_and_changes_nothing() {
        Cookie user = AdminBrowser.signIn(mvc, accounts.user());
        TestUser target = accounts.user();
        for (String path : new String[] {"/admin/users", "/admin/users/" + target.id(), "/admin/sessions"}) {
            assertThat(page(path, user)).hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(post("/admin/users/" + target.id() + "/deactivate", user)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(active(target.id())).isTrue();
        assertThat(mvc.get().uri("/admin/users").exchange().getResponse().getRedirectedUrl())
                .endsWith("/admin/login");
    }

    @Test
    void a_form_posted_without_its_csrf_token_is_refused() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        TestUser target = accounts.user();
        MvcTestResult refused = mvc.post()
                .uri("/admin/users/" + target.id() + "/deactivate")
                .cookie(admin)
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(active(target.id())).isTrue();
        assertThat(mvc.post()
                        .uri("/admin/users/" + target.id())
                        .cookie(admin)
                        .param("firstName", "Forged")
                        .param("administrator", "true")
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(isAdmin(target)).isFalse();
    }

    /** The messages the next page will show. */
    private static Map<String, Object> flash(MvcTestResult result) {
        return result.getMvcResult().getFlashMap();
    }

    private MvcTestResult page(String path, Cookie browser) {
        return mvc.get().uri(path).cookie(browser).exchange();
    }

    private MvcTestResult post(String path, Cookie browser) {
        return mvc.post().uri(path).cookie(browser).with(csrf()).exchange();
    }

    private MvcTestResult signIn(String email, String password) {
        return mvc.post()
                .uri("/api/auth")
                .with(freshAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .exchange();
    }

    private void rename(TestUser user, String first, String last) {
        jdbc.sql("UPDATE users SET first_name = ?, last_name = ? WHERE id = ?")
                .params(first, last, user.id())
                .update();
    }

    private boolean active(long id) {
        return jdbc.sql("SELECT active FROM users WHERE id = ?")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    private boolean isAdmin(TestUser user) {
        return jdbc.sql("SELECT 'ADMIN' = ANY (roles) FROM users WHERE id = ?")
                .param(user.id())
                .query(Boolean.class)
                .single();
    }
}
