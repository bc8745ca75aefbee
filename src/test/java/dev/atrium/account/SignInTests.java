package dev.atrium.account;

import static dev.atrium.TestAccounts.freshAddress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@AtriumTest
class SignInTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signing_in_returns_a_token_pair_and_records_one_session_row() {
        TestUser user = accounts.user();
        MvcTestResult result =
                signIn("{\"username\":\"" + user.email() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}");
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.token_type").isEqualTo("Bearer");
        assertThat(result).bodyJson().extractingPath("$.expires_in").isEqualTo(900);
        assertThat(result).bodyJson().extractingPath("$.access").asString().matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(result).bodyJson().extractingPath("$.refresh").asString().matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(sessionRows(user)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT last_login_at IS NOT NULL FROM users WHERE id = ?")
                        .param(user.id())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void the_email_may_come_as_email_or_login_and_at_the_login_aliases() {
        TestUser user = accounts.user();
        String byEmail =
                "{\"email\":\"" + user.email().toUpperCase() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}";
        String byLogin = "{\"login\":\"" + user.email() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}";
        assertThat(post("/api/login", byEmail, freshAddress())).hasStatusOk();
        assertThat(post("/api/login/", byLogin, freshAddress())).hasStatusOk();
        assertThat(sessionRows(user)).isEqualTo(2);
    }

    @Test
    void an_unknown_email_and_a_wrong_password_get_the_same_401_and_write_nothing() {
        TestUser user = accounts.user();
        MvcTestResult wrongPassword = signIn("{\"email\":\"" + user.email() + "\",\"password\":\"not it at all\"}");
        MvcTestResult unknown =
                signIn("{\"email\":\"nobody-" + user.id() + "@example.com\",\"password\":\"whatever1\"}");
        for (MvcTestResult result : new MvcTestResult[] {wrongPassword, unknown}) {
            assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
            assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.detail")
                    .isEqualTo("No active user has this email and password");
        }
        assertThat(sessionRows(user)).isZero();
    }

    @Test
    void a_deactivated_user_cannot_sign_in() {
        TestUser user = accounts.user();
        jdbc.sql("UPDATE users SET active = false WHERE id = ?")
                .param(user.id())
                .update();
        assertThat(signIn("{\"email\":\"" + user.email() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(sessionRows(user)).isZero();
    }

    @Test
    void missing_fields_are_a_400_naming_them() {
        MvcTestResult result = signIn("{\"username\":\"\"}");
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder("username", "password");
        assertThat(signIn("")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void a_password_longer_than_bcrypt_reads_is_just_wrong() {
        TestUser user = accounts.user();
        MvcTestResult result = signIn("{\"email\":\"" + user.email() + "\",\"password\":\"" + "x".repeat(200) + "\"}");
        assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void the_sixth_bad_password_within_the_window_is_refused_with_429_until_it_passes() {
        TestUser user = accounts.user();
        String wrong = "{\"email\":\"" + user.email() + "\",\"password\":\"wrong password\"}";
        for (int attempt = 1; attempt <= 5; attempt++) {
            // From different addresses: the account's own limit is what is tested here.
            assertThat(post("/api/auth", wrong, freshAddress())).hasStatus(HttpStatus.UNAUTHORIZED);
        }
        MvcTestResult sixth = post("/api/auth", wrong, freshAddress());
        assertThat(sixth).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(sixth.getResponse().getHeader("Retry-After")).matches("\\d+");
        assertThat(Long.parseLong(sixth.getResponse().getHeader("Retry-After"))).isBetween(1L, 900L);
        // Even the right password waits: the account is being guessed at.
        String right = "{\"email\":\"" + user.email() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}";
        assertThat(post("/api/auth", right, freshAddress())).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(sessionRows(user)).isZero();
    }

    @Test
    void one_address_is_throttled_across_accounts() {
        RequestPostProcessor sameAddress = freshAddress();
        for (int attempt = 1; attempt <= 20; attempt++) {
            String wrong = "{\"email\":\"guess-" + attempt + "@example.com\",\"password\":\"wrong password\"}";
            assertThat(post("/api/auth", wrong, sameAddress)).hasStatus(HttpStatus.UNAUTHORIZED);
        }
        TestUser user = accounts.user();
        String right = "{\"email\":\"" + user.email() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}";
        assertThat(post("/api/auth", right, sameAddress)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void a_success_clears_the_accounts_failures() {
        TestUser user = accounts.user();
        String wrong = "{\"email\":\"" + user.email() + "\",\"password\":\"wrong password\"}";
        String right = "{\"email\":\"" + user.email() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}";
        for (int attempt = 1; attempt <= 4; attempt++) {
            post("/api/auth", wrong, freshAddress());
        }
        assertThat(post("/api/auth", right, freshAddress())).hasStatusOk();
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(post("/api/auth", wrong, freshAddress())).hasStatus(HttpStatus.UNAUTHORIZED);
        }
    }

    private MvcTestResult signIn(String body) {
        return post("/api/auth", body, freshAddress());
    }

    private MvcTestResult post(String path, String body, RequestPostProcessor from) {
        return mvc.post()
                .uri(path)
                .with(from)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private int sessionRows(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM user_sessions WHERE user_id = ?")
                .param(user.id())
                .query(Integer.class)
                .single();
    }
}
