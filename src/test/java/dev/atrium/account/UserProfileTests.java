package dev.atrium.account;

import static dev.atrium.TestAccounts.freshAddress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import dev.atrium.TestAccounts.TestUser;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Reading users, editing one's own profile, deactivating, changing passwords: the owner or an administrator may,
 * nobody else.
 */
@AtriumTest
class UserProfileTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    List<Long> setAside = List.of();

    @AfterEach
    void restoreAdministrators() {
        jdbc.sql("UPDATE users SET active = true WHERE id = ANY (:ids)")
                .param("ids", setAside.toArray(Long[]::new))
                .update();
    }

    @Test
    void listing_users_pages_them_with_their_organizations() {
        SignedInUser user = accounts.signedInUser();
        long organization = organization("Listing " + user.id());
        join(user.id(), organization);
        MvcTestResult page = api.as(user).get("/api/users?limit=1000");
        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyJson()
                .extractingPath("$.count")
                .asNumber()
                .satisfies(count -> assertThat(count.longValue()).isGreaterThanOrEqualTo(1));
        assertThat(page)
                .bodyJson()
                .extractingPath("$.results[?(@.id == " + user.id() + ")].organizations[0].name")
                .asArray()
                .containsExactly("Listing " + user.id());
        assertThat(page)
                .bodyJson()
                .extractingPath("$.results[?(@.id == " + user.id() + ")].organizations[0].id")
                .asArray()
                .containsExactly((int) organization);
        MvcTestResult small = api.as(user).get("/api/users?limit=1");
        assertThat(small).bodyJson().extractingPath("$.results").asArray().hasSize(1);
        assertThat(small).bodyJson().extractingPath("$.next").asString().contains("page=2");
        assertThat(api.as(user).get("/api/users?page=100000")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.as(user).get("/api/users?limit=0")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void private_fields_are_shown_to_the_user_and_administrators_only() {
        SignedInUser owner = accounts.signedInUser();
        api.as(owner).patch("/api/users/me", "{\"phone\":\"+1 555 0100\"}");
        SignedInUser stranger = accounts.signedInUser();
        SignedInUser admin = accounts.signedInAdmin();

        MvcTestResult seenByStranger = api.as(stranger).get("/api/users/" + owner.id());
        assertThat(seenByStranger).hasStatusOk();
        assertThat(seenByStranger).bodyJson().extractingPath("$.email").isEqualTo(owner.email());
        assertThat(seenByStranger).bodyJson().doesNotHavePath("$.phone");
        assertThat(seenByStranger).bodyJson().doesNotHavePath("$.roles");
        assertThat(seenByStranger).bodyJson().doesNotHavePath("$.last_login_at");
        assertThat(api.as(stranger).get("/api/users?limit=1000"))
                .bodyJson()
                .extractingPath("$.results[?(@.id == " + owner.id() + ")].phone")
                .asArray()
                .isEmpty();

        for (SignedInUser viewer : List.of(owner, admin)) {
            MvcTestResult seen = api.as(viewer).get("/api/users/" + owner.id());
            assertThat(seen).bodyJson().extractingPath("$.phone").isEqualTo("+1 555 0100");
            assertThat(seen).bodyJson().extractingPath("$.roles").asArray().containsExactly("USER");
            assertThat(seen).bodyJson().extractingPath("$.last_login_at").isNotNull();
        }
        assertThat(api.as(owner).get("/api/users/me"))
                .bodyJson()
                .extractingPath("$.phone")
                .isEqualTo("+1 555 0100");
    }

    @Test
    void an_unknown_or_malformed_id_is_a_404_or_a_400() {
        SignedInUser user = accounts.signedInUser();
        MvcTestResult missing = api.as(user).get("/api/users/987654321");
        assertThat(missing).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(missing).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.as(user).get("/api/users/abc")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void a_user_edits_their_own_profile_and_fields_left_out_stay() {
        SignedInUser user = accounts.signedInUser();
        MvcTestResult changed = api.as(user)
                .patch("/api/users/me", "{\"first_name\":\" Grace \",\"last_name\":\"Hopper\",\"phone\":\"\"}");
        assertThat(changed).hasStatusOk();
        assertThat(changed).bodyJson().extractingPath("$.first_name").isEqualTo("Grace");
        assertThat(changed).bodyJson().extractingPath("$.last_name").isEqualTo("Hopper");
        assertThat(changed).bodyJson().extractingPath("$.email").isEqualTo(user.email());
        MvcTestResult again = api.as(user).patch("/api/users/me", "{\"phone\":\"+49 30 1234567\"}");
        assertThat(again).bodyJson().extractingPath("$.first_name").isEqualTo("Grace");
        assertThat(again).bodyJson().extractingPath("$.phone").isEqualTo("+49 30 1234567");
        assertThat(jdbc.sql("SELECT first_name || ' ' || last_name FROM users WHERE id = ?")
                        .param(user.id())
                        .query(String.class)
                        .single())
                .isEqualTo("Grace Hopper");
    }

    @Test
    void a_put_replaces_the_whole_profile_and_names_every_field_it_leaves_out() {
        SignedInUser user = accounts.signedInUser();
        long organization = organization("Replacing " + user.id());
        api.as(user).patch("/api/users/me", "{\"phone\":\"+1 555 0100\",\"last_name\":\"Before\"}");

        MvcTestResult partial = api.as(user).put("/api/users/me", "{\"first_name\":\"Grace\",\"phone\":\"\"}");
        assertThat(partial).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(partial).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(partial)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("email", "last_name", "organizations");
        assertThat(api.as(user).get("/api/users/me"))
                .bodyJson()
                .extractingPath("$.phone")
                .isEqualTo("+1 555 0100");

        String whole = "{\"email\":\"" + user.email() + "\",\"first_name\":\"Grace\",\"last_name\":\"Hopper\","
                + "\"phone\":\"\",\"organizations\":[" + organization + "]}";
        MvcTestResult replaced = api.as(user).put("/api/users/me", whole);
        assertThat(replaced).hasStatusOk();
        assertThat(replaced).bodyJson().extractingPath("$.first_name").isEqualTo("Grace");
        assertThat(replaced).bodyJson().extractingPath("$.last_name").isEqualTo("Hopper");
        assertThat(replaced).bodyJson().extractingPath("$.phone").isEqualTo("");
        assertThat(replaced).bodyJson().extractingPath("$.organizations[0].id").isEqualTo((int) organization);
        assertThat(memberships(user.id())).isEqualTo(1);

        assertThat(api.as(user).put("/api/users/" + user.id(), whole.replace("Grace", "Ada")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.first_name")
                .isEqualTo("Ada");
        assertThat(api.as(user).put("/api/users/" + user.id(), "{}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("email", "first_name", "last_name", "phone", "organizations");
    }

    @Test
    void only_the_owner_or_an_administrator_replaces_a_profile() {
        SignedInUser owner = accounts.signedInUser();
        SignedInUser stranger = accounts.signedInUser();
        SignedInUser admin = accounts.signedInAdmin();
        String whole = "{\"email\":\"" + owner.email() + "\",\"first_name\":\"Mallory\",\"last_name\":\"M\","
                + "\"phone\":\"\",\"organizations\":[]}";

        assertThat(api.as(stranger).put("/api/users/" + owner.id(), whole)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api.as(stranger).put("/api/users/" + owner.id(), "{}")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.put()
                        .uri("/api/users/me")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(whole)
                        .exchange())
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.sql("SELECT first_name FROM users WHERE id = ?")
                        .param(owner.id())
                        .query(String.class)
                        .single())
                .isEqualTo("Test");

        assertThat(api.as(admin).put("/api/users/" + owner.id(), whole.replace("Mallory", "Olive")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.first_name")
                .isEqualTo("Olive");
    }

    @Test
    void invalid_changes_are_400s_and_change_nothing() {
        SignedInUser user = accounts.signedInUser();
        MvcTestResult result = api.as(user)
                .patch(
                        "/api/users/me",
                        "{\"first_name\":\"Ok\",\"last_name\":\"" + "x".repeat(151) + "\",\"email\":\"nope\"}");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("email", "last_name");
        assertThat(jdbc.sql("SELECT first_name FROM users WHERE id = ?")
                        .param(user.id())
                        .query(String.class)
                        .single())
                .isEqualTo("Test");
        assertThat(api.as(user).patch("/api/users/me", "{\"first_name\":\"line\\nbreak\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void a_new_email_is_checked_again_and_becomes_the_login() {
        SignedInUser user = accounts.signedInUser();
        TestUser other = accounts.user();
        MvcTestResult taken = api.as(user)
                .patch("/api/users/me", "{\"email\":\"" + other.email().toUpperCase() + "\"}");
        assertThat(taken).hasStatus(HttpStatus.CONFLICT);
        assertThat(taken).bodyJson().extractingPath("$.type").asString().endsWith("/email-taken");

        String fresh = "renamed-" + user.id() + "@example.org";
        assertThat(api.as(user).patch("/api/users/me", "{\"email\":\"" + fresh + "\"}"))
                .bodyJson()
                .extractingPath("$.email")
                .isEqualTo(fresh);
        assertThat(signIn(fresh, TestAccounts.PASSWORD)).hasStatusOk();
        assertThat(signIn(user.email(), TestAccounts.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
        // The session that made the change knows the new email too.
        assertThat(api.as(user).get("/api/users/me"))
                .bodyJson()
                .extractingPath("$.email")
                .isEqualTo(fresh);
    }

    @Test
    void a_user_joins_and_leaves_organizations_through_the_profile() {
        SignedInUser user = accounts.signedInUser();
        long first = organization("First " + user.id());
        long second = organization("Second " + user.id());
        MvcTestResult joined =
                api.as(user).patch("/api/users/me", "{\"organizations\":[" + second + "," + first + "," + first + "]}");
        assertThat(joined).hasStatusOk();
        assertThat(joined)
                .bodyJson()
                .extractingPath("$.organizations[*].name")
                .asArray()
                .containsExactly("First " + user.id(), "Second " + user.id());
        MvcTestResult left = api.as(user).patch("/api/users/me", "{\"organizations\":[" + second + "]}");
        assertThat(left)
                .bodyJson()
                .extractingPath("$.organizations[*].id")
                .asArray()
                .containsExactly((int) second);
        assertThat(api.as(user).patch("/api/users/me", "{\"first_name\":\"Kept\"}"))
                .bodyJson()
                .extractingPath("$.organizations")
                .asArray()
                .hasSize(1);
        assertThat(api.as(user).patch("/api/users/me", "{\"organizations\":[]}"))
                .bodyJson()
                .extractingPath("$.organizations")
                .asArray()
                .isEmpty();
    }

    @Test
    void joining_an_unknown_organization_is_a_400_and_changes_nothing() {
        SignedInUser user = accounts.signedInUser();
        long kept = organization("Kept " + user.id());
        join(user.id(), kept);
        MvcTestResult result = api.as(user)
                .patch("/api/users/me", "{\"first_name\":\"Changed\",\"organizations\":[" + kept + ",987654321]}");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("organizations");
        assertThat(api.as(user).get("/api/users/me"))
                .bodyJson()
                .extractingPath("$.first_name")
                .isEqualTo("Test");
        assertThat(api.as(user).patch("/api/users/me", "{\"organizations\":[null]}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(memberships(user.id())).isEqualTo(1);
    }

    @Test
    void nobody_edits_or_deactivates_someone_elses_account() {
        SignedInUser owner = accounts.signedInUser();
        SignedInUser stranger = accounts.signedInUser();
        MvcTestResult edit = api.as(stranger).patch("/api/users/" + owner.id(), "{\"first_name\":\"Mallory\"}");
        assertThat(edit).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(edit).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.as(stranger).delete("/api/users/" + owner.id())).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("SELECT first_name FROM users WHERE id = ? AND active")
                        .param(owner.id())
                        .query(String.class)
                        .single())
                .isEqualTo("Test");
        // The owner may, through either path.
        assertThat(api.as(owner).patch("/api/users/" + owner.id(), "{\"first_name\":\"Olive\"}"))
                .hasStatusOk();
    }

    @Test
    void only_administrators_change_roles_and_those_apply_to_open_sessions_at_once() {
        SignedInUser user = accounts.signedInUser();
        assertThat(api.as(user).patch("/api/users/me", "{\"roles\":[\"USER\",\"ADMIN\"]}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        SignedInUser admin = accounts.signedInAdmin();
        MvcTestResult promoted =
                api.as(admin).patch("/api/users/" + user.id(), "{\"roles\":[\"ADMIN\"],\"last_name\":\"Boss\"}");
        assertThat(promoted).hasStatusOk();
        assertThat(promoted).bodyJson().extractingPath("$.roles").asArray().containsExactly("ADMIN", "USER");
        // The user's existing token now carries the administrator's rights: they see deactivated users.
        TestUser inactive = accounts.user();
        jdbc.sql("UPDATE users SET active = false WHERE id = ?")
                .param(inactive.id())
                .update();
        assertThat(api.as(user).get("/api/users/" + inactive.id())).hasStatusOk();
        assertThat(api.as(admin).patch("/api/users/" + user.id(), "{\"roles\":[\"USER\"]}"))
                .hasStatusOk();
        assertThat(api.as(user).get("/api/users/" + inactive.id())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.as(admin).patch("/api/users/" + user.id(), "{\"roles\":[\"ROOT\"]}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void deactivating_oneself_ends_every_session_and_sign_in() {
        SignedInUser user = accounts.signedInUser();
        SignedInUser elsewhere = accounts.signIn(new TestUser(user.id(), user.email()));
        assertThat(api.as(user).delete("/api/users/me")).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(api.as(user).get("/api/users/me")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.as(elsewhere).get("/api/users/me")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(signIn(user.email(), TestAccounts.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.sql("SELECT count(*) FROM user_sessions WHERE user_id = ? AND closed_at IS NULL")
                        .param(user.id())
                        .query(Integer.class)
                        .single())
                .isZero();
        // Other users no longer find them; administrators do.
        assertThat(api.as(accounts.signedInUser()).get("/api/users/" + user.id()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(api.as(accounts.signedInAdmin()).get("/api/users/" + user.id()))
                .bodyJson()
                .extractingPath("$.active")
                .isEqualTo(false);
    }

    @Test
    void an_administrator_deactivates_and_brings_back_any_user() {
        SignedInUser user = accounts.signedInUser();
        SignedInUser admin = accounts.signedInAdmin();
        assertThat(api.as(admin).delete("/api/users/" + user.id())).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(api.as(user).get("/api/users/me")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.as(admin).patch("/api/users/" + user.id(), "{\"active\":true}"))
                .bodyJson()
                .extractingPath("$.active")
                .isEqualTo(true);
        assertThat(signIn(user.email(), TestAccounts.PASSWORD)).hasStatusOk();
    }

    @Test
    void the_last_administrator_cannot_be_deactivated_or_demoted() {
        SignedInUser admin = accounts.signedInAdmin();
        setAside = jdbc.sql(
                        "UPDATE users SET active = false WHERE 'ADMIN' = ANY (roles) AND active AND id <> ? RETURNING id")
                .param(admin.id())
                .query(Long.class)
                .list();
        MvcTestResult demote = api.as(admin).patch("/api/users/me", "{\"roles\":[\"USER\"]}");
        assertThat(demote).hasStatus(HttpStatus.CONFLICT);
        assertThat(demote).bodyJson().extractingPath("$.type").asString().endsWith("/last-administrator");
        assertThat(api.as(admin).delete("/api/users/me")).hasStatus(HttpStatus.CONFLICT);
        assertThat(api.as(admin).get("/api/users/me"))
                .bodyJson()
                .extractingPath("$.roles")
                .asArray()
                .contains("ADMIN");
    }

    @Test
    void changing_the_password_needs_the_old_one_and_ends_the_other_sessions() {
        SignedInUser user = accounts.signedInUser();
        SignedInUser elsewhere = accounts.signIn(new TestUser(user.id(), user.email()));
        MvcTestResult wrong = password(user, "not my password", "a brand new passphrase");
        assertThat(wrong).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(wrong).bodyJson().extractingPath("$.errors[0].field").isEqualTo("old_password");
        MvcTestResult weak = password(user, TestAccounts.PASSWORD, "12345678");
        assertThat(weak).bodyJson().extractingPath("$.errors[0].field").isEqualTo("new_password");
        assertThat(password(user, TestAccounts.PASSWORD, TestAccounts.PASSWORD))
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("differ");
        assertThat(password(user, "", "")).hasStatus(HttpStatus.BAD_REQUEST);

        assertThat(password(user, TestAccounts.PASSWORD, "a brand new passphrase"))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(api.as(user).get("/api/users/me")).hasStatusOk();
        assertThat(api.as(elsewhere).get("/api/users/me")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(signIn(user.email(), TestAccounts.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(signIn(user.email(), "a brand new passphrase")).hasStatusOk();
    }

    @Test
    void guessing_the_old_password_is_throttled_like_sign_ins() {
        SignedInUser user = accounts.signedInUser();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(password(user, "guess number " + attempt, "a brand new passphrase"))
                    .hasStatus(HttpStatus.BAD_REQUEST);
        }
        assertThat(password(user, TestAccounts.PASSWORD, "a brand new passphrase"))
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    }

    private MvcTestResult password(SignedInUser user, String oldPassword, String newPassword) {
        return api.as(user)
                .with(freshAddress())
                .post(
                        "/api/users/me/password",
                        "{\"old_password\":\"" + oldPassword + "\",\"new_password\":\"" + newPassword + "\"}");
    }

    private MvcTestResult signIn(String email, String password) {
        return mvc.post()
                .uri("/api/auth")
                .with(freshAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .exchange();
    }

    private long organization(String name) {
        return jdbc.sql("INSERT INTO organizations (name) VALUES (?) RETURNING id")
                .param(name)
                .query(Long.class)
                .single();
    }

    private void join(long userId, long organizationId) {
        jdbc.sql("INSERT INTO organization_members (organization_id, user_id) VALUES (?, ?)")
                .params(organizationId, userId)
                .update();
    }

    private int memberships(long userId) {
        return jdbc.sql("SELECT count(*) FROM organization_members WHERE user_id = ?")
                .param(userId)
                .query(Integer.class)
                .single();
    }
}
