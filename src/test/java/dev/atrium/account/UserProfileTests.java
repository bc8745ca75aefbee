package dev.atrium.account;

import static dev.atrium.TestAccounts.freshAddress;
import static org.assertj.core.api.Assertions.assertThat;

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
        MvcTestResult page = get("/api/users?limit=1000", user);
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
        MvcTestResult small = get("/api/users?limit=1", user);
        assertThat(small).bodyJson().extractingPath("$.results").asArray().hasSize(1);
        assertThat(small).bodyJson().extractingPath("$.next").asString().contains("page=2");
        assertThat(get("/api/users?page=100000", user)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(get("/api/users?limit=0", user)).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void private_fields_are_shown_to_the_user_and_administrators_only() {
        SignedInUser owner = accounts.signedInUser();
        patch("/api/users/me", owner, "{\"phone\":\"+1 555 0100\"}");
        SignedInUser stranger = accounts.signedInUser();
        SignedInUser admin = accounts.signedInAdmin();

        MvcTestResult seenByStranger = get("/api/users/" + owner.id(), stranger);
        assertThat(seenByStranger).hasStatusOk();
        assertThat(seenByStranger).bodyJson().extractingPath("$.email").isEqualTo(owner.email());
        assertThat(seenByStranger).bodyJson().doesNotHavePath("$.phone");
        assertThat(seenByStranger).bodyJson().doesNotHavePath("$.roles");
        assertThat(seenByStranger).bodyJson().doesNotHavePath("$.last_login_at");
        assertThat(get("/api/users?limit=1000", stranger))
                .bodyJson()
                .extractingPath("$.results[?(@.id == " + owner.id() + ")].phone")
                .asArray()
                .isEmpty();

        for (SignedInUser viewer : List.of(owner, admin)) {
            MvcTestResult seen = get("/api/users/" + owner.id(), viewer);
            assertThat(seen).bodyJson().extractingPath("$.phone").isEqualTo("+1 555 0100");
            assertThat(seen).bodyJson().extractingPath("$.roles").asArray().containsExactly("USER");
            assertThat(seen).bodyJson().extractingPath("$.last_login_at").isNotNull();
        }
        assertThat(get("/api/users/me", owner))
                .bodyJson()
                .extractingPath("$.phone")
                .isEqualTo("+1 555 0100");
    }

    @Test
    void an_unknown_or_malformed_id_is_a_404_or_a_400() {
        SignedInUser user = accounts.signedInUser();
        MvcTestResult missing = get("/api/users/987654321", user);
        assertThat(missing).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(missing).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(get("/api/users/abc", user)).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void a_user_edits_their_own_profile_and_fields_left_out_stay() {
        SignedInUser user = accounts.signedInUser();
        MvcTestResult changed =
                patch("/api/users/me", user, "{\"first_name\":\" Grace \",\"last_name\":\"Hopper\",\"phone\":\"\"}");
        assertThat(changed).hasStatusOk();
        assertThat(changed).bodyJson().extractingPath("$.first_name").isEqualTo("Grace");
        assertThat(changed).bodyJson().extractingPath("$.last_name").isEqualTo("Hopper");
        assertThat(changed).bodyJson().extractingPath("$.email").isEqualTo(user.email());
        MvcTestResult again = patch("/api/users/me", user, "{\"phone\":\"+49 30 1234567\"}");
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
        patch("/api/users/me", user, "{\"phone\":\"+1 555 0100\",\"last_name\":\"Before\"}");

        MvcTestResult partial = put("/api/users/me", user, "{\"first_name\":\"Grace\",\"phone\":\"\"}");
        assertThat(partial).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(partial).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(partial)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("email", "last_name", "organizations");
        assertThat(get("/api/users/me", user))
                .bodyJson()
                .extractingPath("$.phone")
                .isEqualTo("+1 555 0100");

        String whole = "{\"email\":\"" + user.email() + "\",\"first_name\":\"Grace\",\"last_name\":\"Hopper\","
                + "\"phone\":\"\",\"organizations\":[" + organization + "]}";
        MvcTestResult replaced = put("/api/users/me", user, whole);
        assertThat(replaced).hasStatusOk();
        assertThat(replaced).bodyJson().extractingPath("$.first_name").isEqualTo("Grace");
        assertThat(replaced).bodyJson().extractingPath("$.last_name").isEqualTo("Hopper");
        assertThat(replaced).bodyJson().extractingPath("$.phone").isEqualTo("");
        assertThat(replaced).bodyJson().extractingPath("$.organizations[0].id").isEqualTo((int) organization);
        assertThat(memberships(user.id())).isEqualTo(1);

        assertThat(put("/api/users/" + user.id(), user, whole.replace("Grace", "Ada")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.first_name")
                .isEqualTo("Ada");
        assertThat(put("/api/users/" + user.id(), user, "{}"))
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

        assertThat(put("/api/users/" + owner.id(), stranger, whole)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(put("/api/users/" + owner.id(), stranger, "{}")).hasStatus(HttpStatus.FORBIDDEN);
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

        assertThat(put("/api/users/" + owner.id(), admin, whole.replace("Mallory", "Olive")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.first_name")
                .isEqualTo("Olive");
    }

    @Test
    void invalid_changes_are_400s_and_change_nothing() {
        SignedInUser user = accounts.signedInUser();
        MvcTestResult result = patch(
                "/api/users/me",
                user,
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
        assertThat(patch("/api/users/me", user, "{\"first_name\":\"line\\nbreak\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void a_new_email_is_checked_again_and_becomes_the_login() {
        SignedInUser user = accounts.signedInUser();
        TestUser other = accounts.user();
        MvcTestResult taken =
                patch("/api/users/me", user, "{\"email\":\"" + other.email().toUpperCase() + "\"}");
        assertThat(taken).hasStatus(HttpStatus.CONFLICT);
        assertThat(taken).bodyJson().extractingPath("$.type").asString().endsWith("/email-taken");

        String fresh = "renamed-" + user.id() + "@example.org";
        assertThat(patch("/api/users/me", user, "{\"email\":\"" + fresh + "\"}"))
                .bodyJson()
                .extractingPath("$.email")
                .isEqualTo(fresh);
        assertThat(signIn(fresh, TestAccounts.PASSWORD)).hasStatusOk();
        assertThat(signIn(user.email(), TestAccounts.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
        // The session that made the change knows the new email too.
        assertThat(get("/api/users/me", user))
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
                patch("/api/users/me", user, "{\"organizations\":[" + second + "," + first + "," + first + "]}");
        assertThat(joined).hasStatusOk();
        assertThat(joined)
                .bodyJson()
                .extractingPath("$.organizations[*].name")
                .asArray()
                .containsExactly("First " + user.id(), "Second " + user.id());
        MvcTestResult left = patch("/api/users/me", user, "{\"organizations\":[" + second + "]}");
        assertThat(left)
                .bodyJson()
                .extractingPath("$.organizations[*].id")
                .asArray()
                .containsExactly((int) second);
        assertThat(patch("/api/users/me", user, "{\"first_name\":\"Kept\"}"))
                .bodyJson()
                .extractingPath("$.organizations")
                .asArray()
                .hasSize(1);
        assertThat(patch("/api/users/me", user, "{\"organizations\":[]}"))
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
        MvcTestResult result =
                patch("/api/users/me", user, "{\"first_name\":\"Changed\",\"organizations\":[" + kept + ",987654321]}");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("organizations");
        assertThat(get("/api/users/me", user))
                .bodyJson()
                .extractingPath("$.first_name")
                .isEqualTo("Test");
        assertThat(patch("/api/users/me", user, "{\"organizations\":[null]}")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(memberships(user.id())).isEqualTo(1);
    }

    @Test
    void nobody_edits_or_deactivates_someone_elses_account() {
        SignedInUser owner = accounts.signedInUser();
        SignedInUser stranger = accounts.signedInUser();
        MvcTestResult edit = patch("/api/users/" + owner.id(), stranger, "{\"first_name\":\"Mallory\"}");
        assertThat(edit).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(edit).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.delete()
                        .uri("/api/users/" + owner.id())
                        .header("Authorization", stranger.bearer())
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("SELECT first_name FROM users WHERE id = ? AND active")
                        .param(owner.id())
                        .query(String.class)
                        .single())
                .isEqualTo("Test");
        // The owner may, through either path.
        assertThat(patch("/api/users/" + owner.id(), owner, "{\"first_name\":\"Olive\"}"))
                .hasStatusOk();
    }

    @Test
    void only_administrators_change_roles_and_those_apply_to_open_sessions_at_once() {
        SignedInUser user = accounts.signedInUser();
        assertThat(patch("/api/users/me", user, "{\"roles\":[\"USER\",\"ADMIN\"]}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        SignedInUser admin = accounts.signedInAdmin();
        MvcTestResult promoted =
                patch("/api/users/" + user.id(), admin, "{\"roles\":[\"ADMIN\"],\"last_name\":\"Boss\"}");
        assertThat(promoted).hasStatusOk();
        assertThat(promoted).bodyJson().extractingPath("$.roles").asArray().containsExactly("ADMIN", "USER");
        // The user's existing token now carries the administrator's rights: they see deactivated users.
        TestUser inactive = accounts.user();
        jdbc.sql("UPDATE users SET active = false WHERE id = ?")
                .param(inactive.id())
                .update();
        assertThat(get("/api/users/" + inactive.id(), user)).hasStatusOk();
        assertThat(patch("/api/users/" + user.id(), admin, "{\"roles\":[\"USER\"]}"))
                .hasStatusOk();
        assertThat(get("/api/users/" + inactive.id(), user)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(patch("/api/users/" + user.id(), admin, "{\"roles\":[\"ROOT\"]}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void deactivating_oneself_ends_every_session_and_sign_in() {
        SignedInUser user = accounts.signedInUser();
        SignedInUser elsewhere = accounts.signIn(new TestUser(user.id(), user.email()));
        assertThat(mvc.delete()
                        .uri("/api/users/me")
                        .header("Authorization", user.bearer())
                        .exchange())
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(get("/api/users/me", user)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(get("/api/users/me", elsewhere)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(signIn(user.email(), TestAccounts.PASSWORD)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(jdbc.sql("SELECT count(*) FROM user_sessions WHERE user_id = ? AND closed_at IS NULL")
                        .param(user.id())
                        .query(Integer.class)
                        .single())
                .isZero();
        // Other users no longer find them; administrators do.
        assertThat(get("/api/users/" + user.id(), accounts.signedInUser())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(get("/api/users/" + user.id(), accounts.signedInAdmin()))
                .bodyJson()
                .extractingPath("$.active")
                .isEqualTo(false);
    }

    @Test
    void an_administrator_deactivates_and_brings_back_any_user() {
        SignedInUser user = accounts.signedInUser();
        SignedInUser admin = accounts.signedInAdmin();
        assertThat(mvc.delete()
                        .uri("/api/users/" + user.id())
                        .header("Authorization", admin.bearer())
                        .exchange())
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(get("/api/users/me", user)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(patch("/api/users/" + user.id(), admin, "{\"active\":true}"))
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
        MvcTestResult demote = patch("/api/users/me", admin, "{\"roles\":[\"USER\"]}");
        assertThat(demote).hasStatus(HttpStatus.CONFLICT);
        assertThat(demote).bodyJson().extractingPath("$.type").asString().endsWith("/last-administrator");
        assertThat(mvc.delete()
                        .uri("/api/users/me")
                        .header("Authorization", admin.bearer())
                        .exchange())
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(get("/api/users/me", admin))
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
        assertThat(get("/api/users/me", user)).hasStatusOk();
        assertThat(get("/api/users/me", elsewhere)).hasStatus(HttpStatus.UNAUTHORIZED);
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

    private MvcTestResult get(String path, SignedInUser user) {
        return mvc.get().uri(path).header("Authorization", user.bearer()).exchange();
    }

    private MvcTestResult patch(String path, SignedInUser user, String body) {
        return mvc.patch()
                .uri(path)
                .header("Authorization", user.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private MvcTestResult put(String path, SignedInUser user, String body) {
        return mvc.put()
                .uri(path)
                .header("Authorization", user.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private MvcTestResult password(SignedInUser user, String oldPassword, String newPassword) {
        return mvc.post()
                .uri("/api/users/me/password")
                .with(freshAddress())
                .header("Authorization", user.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"old_password\":\"" + oldPassword + "\",\"new_password\":\"" + newPassword + "\"}")
                .exchange();
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
