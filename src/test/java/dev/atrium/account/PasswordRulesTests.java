package dev.atrium.account;

import static dev.atrium.TestAccounts.freshAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.atrium.AdminBrowser;
import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import jakarta.servlet.http.Cookie;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passwords of nothing but blanks or invisible characters, or with a NUL or another control in them, are refused
 * wherever a password is set: registration, a user's own change, an administrator's reset.
 */
@AtriumTest
class PasswordRulesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "        ",
                "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000",
                "\t\t\t\t\t\t\t\t",
                "\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0",
                "\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000",
                "\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B",
                "\uFEFF\u200D\u200C\u2060\u200E\u200F\u202E\u00AD",
                "a quite long passphrase\u0000",
            })
    void registration_refuses_the_password_with_a_problem_naming_it(String password) {
        String email = "blank-" + UUID.randomUUID() + "@example.com";
        MvcTestResult result = mvc.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("email", email, "password", password)))
                .exchange();
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("password");
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"        ", "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000", "\u2028\u2029\u0085\u180E"})
    void a_user_cannot_change_their_password_to_one_of_nothing_visible(String password) {
        SignedInUser user = accounts.signedInUser();
        MvcTestResult result = api.as(user)
                .with(freshAddress())
                .post(
                        "/api/users/me/password",
                        json.writeValueAsString(
                                Map.of("old_password", TestAccounts.PASSWORD, "new_password", password)));
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("new_password");
        assertThat(signIn(user.email(), TestAccounts.PASSWORD)).hasStatusOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"        ", "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000", "\u200B\u200B\u200B\u200B"})
    void an_administrator_cannot_reset_a_password_to_one_of_nothing_visible(String password) {
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        SignedInUser user = accounts.signedInUser();
        MvcTestResult reset = mvc.post()
                .uri("/admin/users/" + user.id() + "/password")
                .cookie(admin)
                .with(csrf())
                .param("newPassword", password)
                .exchange();
        assertThat(reset.getMvcResult().getFlashMap().get("failure")).asString().contains("new_password");
        assertThat(signIn(user.email(), TestAccounts.PASSWORD)).hasStatusOk();
    }

    private MvcTestResult signIn(String email, String password) {
        return mvc.post()
                .uri("/api/auth")
                .with(freshAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("email", email, "password", password)))
                .exchange();
    }
}
