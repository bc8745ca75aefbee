package dev.atrium.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.atrium.AdminBrowser;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.TestUser;
import jakarta.servlet.http.Cookie;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The admin panel's organizations: list, search, create, change, delete, and members, for administrators only. */
@AtriumTest
class OrganizationAdminTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_list_finds_organizations_by_name_and_shows_members_and_creators() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        TestUser creator = accounts.user();
        String name = unique("Cyberdyne");
        long id = organization(name, creator);
        join(id, accounts.user());
        join(id, accounts.user());
        MvcTestResult found = page("/admin/organizations?q=" + name.toLowerCase(), admin);
        assertThat(found).hasStatusOk();
        assertThat(found)
                .bodyText()
                .contains(name)
                .contains("1 organization")
                .contains(creator.email())
                .contains("<td class=\"number\">2</td>")
                .contains("id=\"new-organization-form\"");
        MvcTestResult rows = mvc.get()
                .uri("/admin/organizations?q=" + name)
                .cookie(admin)
                .header("HX-Request", "true")
                .exchange();
        assertThat(rows)
                .bodyText()
                .contains("id=\"organization-rows\"")
                .contains(name)
                .doesNotContain("<html");
        assertThat(page("/admin/organizations?q=no-such-" + name, admin))
                .bodyText()
                .contains("No organization matches");
    }

    @Test
    void an_administrator_creates_an_organization_and_lands_on_its_page() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        String name = unique("Tyrell");
        MvcTestResult created = form("/admin/organizations", admin, Map.of("name", name, "description", "More human"));
        long id = jdbc.sql("SELECT id FROM organizations WHERE name = ?")
                .param(name)
                .query(Long.class)
                .single();
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/admin/organizations/" + id);
        assertThat(page("/admin/organizations/" + id, admin))
                .bodyText()
                .contains("Created " + name)
                .contains("More human")
                .contains("id=\"members\"");

        MvcTestResult twice = form("/admin/organizations", admin, Map.of("name", name.toUpperCase()));
        assertThat(twice.getResponse().getRedirectedUrl()).isEqualTo("/admin/organizations");
        assertThat(flash(twice).get("failure")).asString().contains("exists");
        MvcTestResult blank = form("/admin/organizations", admin, Map.of("name", " "));
        assertThat(flash(blank).get("failure")).asString().contains("name");
    }

    @Test
    void an_administrator_renames_and_deletes_an_organization() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        long id = organization(unique("Soylent"), accounts.user());
        String renamed = unique("Renamed");
        MvcTestResult saved =
                form("/admin/organizations/" + id, admin, Map.of("name", renamed, "description", "Now different"));
        assertThat(flash(saved)).containsKey("success");
        assertThat(jdbc.sql("SELECT name || ' / ' || description FROM organizations WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo(renamed + " / Now different");
        MvcTestResult tooLong = form("/admin/organizations/" + id, admin, Map.of("name", "n".repeat(151)));
        assertThat(flash(tooLong).get("failure")).asString().contains("name");

        MvcTestResult deleted = form("/admin/organizations/" + id + "/delete", admin, Map.of());
        assertThat(deleted.getResponse().getRedirectedUrl()).isEqualTo("/admin/organizations");
        assertThat(flash(deleted).get("success")).asString().contains(renamed);
        assertThat(jdbc.sql("SELECT count(*) FROM organizations WHERE id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isZero();
        MvcTestResult gone = page("/admin/organizations/" + id, admin);
        assertThat(gone.getResponse().getRedirectedUrl()).isEqualTo("/admin/organizations");
        assertThat(flash(gone).get("failure")).asString().contains("does not exist");
    }

    @Test
    void an_administrator_adds_members_by_email_and_removes_them() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        long id = organization(unique("Wonka"), accounts.user());
        TestUser member = accounts.user();
        MvcTestResult added = form(
                "/admin/organizations/" + id + "/members",
                admin,
                Map.of("email", member.email().toUpperCase()));
        assertThat(flash(added).get("success")).asString().startsWith("Added");
        assertThat(members(id)).isEqualTo(1);
        assertThat(page("/admin/organizations/" + id, admin))
                .bodyText()
                .contains(member.email())
                .contains("Members (1)");
        MvcTestResult again = form("/admin/organizations/" + id + "/members", admin, Map.of("email", member.email()));
        assertThat(flash(again).get("success")).asString().contains("already a member");
        MvcTestResult unknown =
                form("/admin/organizations/" + id + "/members", admin, Map.of("email", "nobody@nowhere.example"));
        assertThat(flash(unknown).get("failure")).asString().contains("nobody@nowhere.example");

        form("/admin/organizations/" + id + "/members/" + member.id() + "/remove", admin, Map.of());
        assertThat(members(id)).isZero();
        MvcTestResult notMember =
                form("/admin/organizations/" + id + "/members/" + member.id() + "/remove", admin, Map.of());
        assertThat(flash(notMember).get("failure")).asString().contains("not a member");
    }

    @Test
    void someone_signed_in_who_is_not_an_administrator_gets_403_and_changes_nothing() {
        TestUser creator = accounts.user();
        Cookie user = AdminBrowser.signIn(mvc, creator);
        long id = organization(unique("Initrode"), creator);
        assertThat(page("/admin/organizations", user)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(page("/admin/organizations/" + id, user)).hasStatus(HttpStatus.FORBIDDEN);
        // Not even the organization's creator: the panel is for administrators.
        assertThat(form("/admin/organizations/" + id + "/delete", user, Map.of()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("SELECT count(*) FROM organizations WHERE id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void a_form_posted_without_its_csrf_token_is_refused() {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        long id = organization(unique("Vandelay"), accounts.user());
        TestUser member = accounts.user();
        assertThat(mvc.post()
                        .uri("/admin/organizations/" + id + "/members")
                        .cookie(admin)
                        .param("email", member.email())
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/admin/organizations/" + id + "/delete")
                        .cookie(admin)
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(members(id)).isZero();
    }

    private MvcTestResult page(String path, Cookie browser) {
        return mvc.get().uri(path).cookie(browser).exchange();
    }

    private MvcTestResult form(String path, Cookie browser, Map<String, String> fields) {
        var request = mvc.post().uri(path).cookie(browser).with(csrf());
        fields.forEach(request::param);
        return request.exchange();
    }

    private static Map<String, Object> flash(MvcTestResult result) {
        return result.getMvcResult().getFlashMap();
    }

    private long organization(String name, TestUser creator) {
        return jdbc.sql("INSERT INTO organizations (name, creator_id) VALUES (?, ?) RETURNING id")
                .params(name, creator.id())
                .query(Long.class)
                .single();
    }

    private void join(long organization, TestUser user) {
        jdbc.sql("INSERT INTO organization_members (organization_id, user_id) VALUES (?, ?)")
                .params(organization, user.id())
                .update();
    }

    private int members(long organization) {
        return jdbc.sql("SELECT count(*) FROM organization_members WHERE organization_id = ?")
                .param(organization)
                .query(Integer.class)
                .single();
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
