package dev.atrium.account;

import static dev.atrium.TestAccounts.freshAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.TestUser;
import dev.atrium.account.internal.PasswordHashing;
import dev.atrium.account.internal.SessionRegistry;
import dev.atrium.shared.problem.ServiceUnavailable;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A sign-in that fails half way leaves nothing behind: no open session, no session row. The admin panel's form shows
 * the sign-in page again rather than the server's error page.
 */
@AtriumTest
class SignInFailureTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SessionRegistry sessions;

    @MockitoSpyBean
    PasswordHashing passwords;

    @Test
    void when_the_login_time_cannot_be_recorded_no_session_stays_open() {
        TestUser user = accounts.user();

        MvcTestResult result;
        try (var diskFull = diskFullOnSignIn(user)) {
            result = mvc.post()
                    .uri("/api/auth")
                    .with(freshAddress())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"email\":\"" + user.email() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}")
                    .exchange();
        }

        assertThat(result).hasStatus5xxServerError();
        assertThat(sessions.openSessionsOf(user.id())).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM user_sessions WHERE user_id = ?")
                        .param(user.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void the_panels_form_answers_a_busy_password_check_with_the_sign_in_page() {
        TestUser admin = accounts.admin();
        doThrow(ServiceUnavailable.busy("Too many sign-ins at once; try again in a few seconds"))
                .when(passwords)
                .matches(any(), any());

        MvcTestResult refused = panelSignIn(admin);
        assertThat(refused).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/login?error");
        // The page says why, rather than blaming the password.
        Cookie session = refused.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        assertThat(mvc.get().uri("/admin/login?error").cookie(session).exchange())
                .bodyText()
                .contains("Too many sign-ins at once")
                .doesNotContain("Wrong email or password");
    }

    @Test
    void the_panels_form_answers_a_failed_write_with_the_unavailable_page_and_leaves_no_session() {
        TestUser admin = accounts.admin();

        // A store that fails is no reason to try another password: the panel's 503 page, with when to retry.
        MvcTestResult refused;
        try (var diskFull = diskFullOnSignIn(admin)) {
            refused = panelSignIn(admin);
        }
        assertThat(refused).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).hasContentTypeCompatibleWith("text/html");
        assertThat(refused.getResponse().getHeader("Retry-After")).isNotBlank();
        assertThat(refused).bodyText().contains("Service unavailable");
        assertThat(sessions.openSessionsOf(admin.id())).isEmpty();
    }

    @Test
    void a_password_change_the_busy_hashing_pool_turned_away_does_not_count_as_a_wrong_password() {
        TestAccounts.SignedInUser user = accounts.signedInUser();
        doThrow(ServiceUnavailable.busy("Too many sign-ins at once; try again in a few seconds"))
                .when(passwords)
                .matches(any(), any());
        // More than the account's 5 failures: had they counted, the right password would now be refused with 429.
        for (int attempt = 1; attempt <= 6; attempt++) {
            assertThat(changePassword(user, "a brand new passphrase")).hasStatus(HttpStatus.SERVICE_UNAVAILABLE);
        }
        doCallRealMethod().when(passwords).matches(any(), any());

        assertThat(changePassword(user, "a brand new passphrase")).hasStatus(HttpStatus.NO_CONTENT);
    }

    /**
     * Makes the database refuse to write the user's sign-in time, as a full disk would (SQLSTATE 53100), until closed:
     * a trigger on their row alone, so that no other test's sign-in is touched.
     */
    private DiskFull diskFullOnSignIn(TestUser user) {
        String trigger = "refuse_sign_in_of_" + user.id();
        jdbc.sql("""
                        CREATE OR REPLACE FUNCTION refuse_sign_in() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            RAISE EXCEPTION 'The disk is full' USING ERRCODE = 'disk_full';
                        END $$""").update();
        jdbc.sql("CREATE TRIGGER " + trigger + " BEFORE UPDATE OF last_login_at ON users FOR EACH ROW WHEN (NEW.id = "
                        + user.id() + ") EXECUTE FUNCTION refuse_sign_in()")
                .update();
        return () -> jdbc.sql("DROP TRIGGER " + trigger + " ON users").update();
    }

    /** Undoes {@link #diskFullOnSignIn}. */
    private interface DiskFull extends AutoCloseable {
        @Override
        void close();
    }

    private MvcTestResult changePassword(TestAccounts.SignedInUser user, String newPassword) {
        return api.as(user)
                .post(
                        "/api/users/me/password",
                        "{\"old_password\":\"" + TestAccounts.PASSWORD + "\",\"new_password\":\"" + newPassword
                                + "\"}");
    }

    private MvcTestResult panelSignIn(TestUser user) {
        return mvc.post()
                .uri("/admin/login")
                .with(csrf())
                .with(freshAddress())
                .param("username", user.email())
                .param("password", TestAccounts.PASSWORD)
                .exchange();
    }
}
