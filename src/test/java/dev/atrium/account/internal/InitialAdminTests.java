package dev.atrium.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

@AtriumTest
class InitialAdminTests {

    @Autowired
    UserRepository users;

    @Autowired
    PasswordHashing passwords;

    @Autowired
    PasswordPolicy policy;

    @Autowired
    SessionRegistry sessions;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Api api;

    List<Long> setAside = List.of();

    /** The bootstrap only acts when no administrator exists, so the ones other tests made are set aside meanwhile. */
    @BeforeEach
    void noAdministratorYet() {
        setAside = jdbc.sql("UPDATE users SET active = false WHERE 'ADMIN' = ANY (roles) AND active RETURNING id")
                .query(Long.class)
                .list();
    }

    @AfterEach
    void restoreAdministrators() {
        jdbc.sql("UPDATE users SET active = true WHERE id = ANY (:ids)")
                .param("ids", setAside.toArray(Long[]::new))
                .update();
    }

    @Test
    void creates_the_configured_administrator_once() {
        String email = "root-" + UUID.randomUUID() + "@example.com";
        run(email, "a long and unusual password");
        run(email, "a long and unusual password");
        var admins = jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = lower(?) AND 'ADMIN' = ANY (roles)")
                .param(email)
                .query(Integer.class)
                .single();
        assertThat(admins).isEqualTo(1);
        assertThat(passwords.matches(
                        "a long and unusual password",
                        users.findByEmail(email).orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void refuses_a_weak_password_with_the_reason() {
        assertThatThrownBy(() -> run("weak-" + UUID.randomUUID() + "@example.com", "password"))
                .hasMessageContaining("ATRIUM_ADMIN_PASSWORD is one of the most common passwords");
    }

    @Test
    void refuses_a_password_of_spaces_or_nuls_rather_than_ignoring_it() {
        assertThatThrownBy(() -> run("blank-" + UUID.randomUUID() + "@example.com", "        "))
                .hasMessageContaining("ATRIUM_ADMIN_PASSWORD must contain visible characters");
        assertThatThrownBy(() -> run("nul-" + UUID.randomUUID() + "@example.com", "\0\0\0\0\0\0\0\0"))
                .hasMessageContaining("ATRIUM_ADMIN_PASSWORD must not contain control characters");
    }

    @Test
    void refuses_an_email_with_an_invisible_or_look_alike_character() {
        assertThatThrownBy(() -> run("root\u200B-" + UUID.randomUUID() + "@example.com", "a long and unusual password"))
                .hasMessageContaining("ATRIUM_ADMIN_EMAIL must not contain invisible characters");
        assertThatThrownBy(() -> run("r\u043Eot-" + UUID.randomUUID() + "@example.com", "a long and unusual password"))
                .hasMessageContaining("ATRIUM_ADMIN_EMAIL must not mix letters of different scripts");
    }

    @Test
    void stores_the_configured_email_in_its_normal_form() {
        String local = "Root-" + UUID.randomUUID();
        run("  \uFF52" + local.substring(1) + "@Example.COM ", "a long and unusual password");
        assertThat(jdbc.sql("SELECT email FROM users WHERE 'ADMIN' = ANY (roles) AND active")
                        .query(String.class)
                        .list())
                .containsExactly(local.toLowerCase() + "@example.com");
    }

    @Test
    void does_nothing_once_an_administrator_exists() {
        String first = "first-" + UUID.randomUUID() + "@example.com";
        run(first, "a long and unusual password");
        String second = "second-" + UUID.randomUUID() + "@example.com";
        run(second, "a long and unusual password");
        assertThat(users.findByEmail(second)).isEmpty();
    }

    @Test
    void an_existing_user_made_administrator_has_the_rights_at_once_where_already_signed_in() {
        SignedInUser user = accounts.signedInUser();
        long deactivated = accounts.user().id();
        jdbc.sql("UPDATE users SET active = false WHERE id = ?")
                .param(deactivated)
                .update();
        // Only administrators see deactivated users.
        assertThat(api.as(user).get("/api/users/" + deactivated)).hasStatus(HttpStatus.NOT_FOUND);

        run(user.email(), "a long and unusual password");

        assertThat(api.as(user).get("/api/users/" + deactivated)).hasStatusOk();
    }

    private void run(String email, String password) {
        new InitialAdmin(users, passwords, policy, sessions, clock, email, password, "serve")
                .run(new DefaultApplicationArguments());
    }
}
