package dev.atrium.account.web;

import static dev.atrium.TestAccounts.freshAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.atrium.AdminBrowser;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.TestUser;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** An administrator ends a user's sign-in lockout from the user's page in the admin panel. */
@AtriumTest
class SignInUnlockTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Test
    void an_administrator_unlocks_a_locked_out_account_from_its_page_and_its_owner_signs_in_at_once() {
        TestUser user = accounts.user();
        lockOut(user);
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());
        assertThat(mvc.get().uri("/admin/users/" + user.id()).cookie(admin).exchange())
                .bodyText()
                .contains("id=\"unlock-form\"")
                .contains("/admin/users/" + user.id() + "/unlock");

        MvcTestResult unlocked = mvc.post()
                .uri("/admin/users/" + user.id() + "/unlock")
                .cookie(admin)
                .with(csrf())
                .exchange();

        assertThat(unlocked).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/users/" + user.id());
        assertThat(unlocked).flash().containsKey("success");
        assertThat(signIn(user, TestAccounts.PASSWORD)).hasStatusOk();
    }

    @Test
    void an_unlock_without_the_csrf_token_is_refused_and_the_account_stays_locked() {
        TestUser user = accounts.user();
        lockOut(user);
        Cookie admin = AdminBrowser.signIn(mvc, accounts.admin());

        MvcTestResult forged = mvc.post()
                .uri("/admin/users/" + user.id() + "/unlock")
                .cookie(admin)
                .exchange();

        assertThat(forged).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(signIn(user, TestAccounts.PASSWORD)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void the_administrators_own_account_can_be_unlocked_by_another_administrator() {
        TestUser locked = accounts.admin();
        lockOut(locked);
        Cookie other = AdminBrowser.signIn(mvc, accounts.admin());
        mvc.post()
                .uri("/admin/users/" + locked.id() + "/unlock")
                .cookie(other)
                .with(csrf())
                .exchange();
        assertThat(signIn(locked, TestAccounts.PASSWORD)).hasStatusOk();
    }

    /** Five wrong passwords from five addresses: the account's own limit. */
    private void lockOut(TestUser user) {
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(user, "wrong password")).hasStatus(HttpStatus.UNAUTHORIZED);
        }
        assertThat(signIn(user, TestAccounts.PASSWORD)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    }

    private MvcTestResult signIn(TestUser user, String password) {
        return mvc.post()
                .uri("/api/auth")
                .with(freshAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + user.email() + "\",\"password\":\"" + password + "\"}")
                .exchange();
    }
}
