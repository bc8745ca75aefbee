package dev.atrium.goods;

import static dev.atrium.TestAccounts.freshAddress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
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

/** POST /api: the sign-in page's sign-in that imports the goods, and everything it must refuse without writing. */
@AtriumTest
class SignInPageTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_form_sign_in_opens_a_session_and_appends_all_999_goods() {
        TestUser user = accounts.user();
        long goodsBefore = goods();
        MvcTestResult result = form(user.email(), TestAccounts.PASSWORD);
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("success");
        assertThat(result).bodyJson().extractingPath("$.goods_imported").isEqualTo(999);
        assertThat(result).bodyJson().extractingPath("$.user.email").isEqualTo(user.email());
        assertThat(result).bodyJson().extractingPath("$.tokens.token_type").isEqualTo("Bearer");
        assertThat(goods()).isEqualTo(goodsBefore + 999);
        assertThat(sessionRows(user)).isEqualTo(1);
    }

    @Test
    void the_same_fields_as_json_work_too() {
        TestUser user = accounts.user();
        MvcTestResult result = mvc.post()
                .uri("/api")
                .with(freshAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"login\":\"" + user.email() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}")
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("success");
    }

    @Test
    void an_unknown_user_or_a_wrong_password_is_told_the_user_does_not_exist_and_nothing_is_written() {
        TestUser user = accounts.user();
        long goodsBefore = goods();
        for (MvcTestResult result : new MvcTestResult[] {
            form("nobody-" + user.id() + "@example.com", "whatever-password"), form(user.email(), "wrong password")
        }) {
            assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
            assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
            assertThat(result)
                    .bodyJson()
                    .isLenientlyEqualTo("{\"status\":\"error\",\"message\":\"user does not exist\"}");
        }
        assertThat(goods()).isEqualTo(goodsBefore);
        assertThat(sessionRows(user)).isZero();
    }

    @Test
    void missing_fields_and_an_empty_body_are_a_400_naming_them() {
        long goodsBefore = goods();
        MvcTestResult noPassword = mvc.post()
                .uri("/api")
                .with(freshAddress())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("login", "someone@example.com")
                .exchange();
        assertThat(noPassword).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(noPassword).bodyJson().extractingPath("$.message").isEqualTo("password is required");
        MvcTestResult empty = mvc.post().uri("/api").with(freshAddress()).exchange();
        assertThat(empty).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(empty)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("login", "password");
        MvcTestResult emptyJson = mvc.post()
                .uri("/api")
                .with(freshAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .exchange();
        assertThat(emptyJson).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(goods()).isEqualTo(goodsBefore);
    }

    @Test
    void the_goods_keep_line_breaks_and_bullets_byte_for_byte() {
        form(accounts.user().email(), TestAccounts.PASSWORD);
        String address = jdbc.sql(
                        "SELECT supplier_address FROM goods WHERE good_name = 'Tuna' AND good_code = 'LYC 935' LIMIT 1")
                .query(String.class)
                .single();
        assertThat(address).isEqualTo("908 Donaldson Trace\nRaytown, NY 60183");
        assertThat(jdbc.sql("SELECT count(*) FROM goods WHERE good_code = '83H•316'")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM goods WHERE dt_of_license = DATE '1930-03-07' AND price = 7264 AND NOT is_bulk")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void a_failure_while_importing_leaves_neither_goods_nor_a_session_behind() {
        TestUser user = accounts.user();
        long goodsBefore = goods();
        // The database refuses the goods half-way through the sign-in's transaction.
        jdbc.sql("ALTER TABLE goods ADD CONSTRAINT refuse_everything CHECK (price < 0) NOT VALID")
                .update();
        try {
            MvcTestResult result = form(user.email(), TestAccounts.PASSWORD);
            assertThat(result.getResponse().getStatus()).isGreaterThanOrEqualTo(400);
        } finally {
            jdbc.sql("ALTER TABLE goods DROP CONSTRAINT refuse_everything").update();
        }
        assertThat(goods()).isEqualTo(goodsBefore);
        assertThat(sessionRows(user)).isZero();
        // The Redis half of the session was closed with the rollback: the user has no open session.
        TestAccounts.SignedInUser later = accounts.signIn(user);
        MvcTestResult sessions = api.as(later).get("/api/sessions");
        assertThat(sessions).bodyJson().extractingPath("$.count").isEqualTo(1);
    }

    @Test
    void the_sixth_wrong_password_is_throttled_on_this_page_too() {
        TestUser user = accounts.user();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(form(user.email(), "wrong password")).hasStatus(HttpStatus.UNAUTHORIZED);
        }
        MvcTestResult sixth = form(user.email(), "wrong password");
        assertThat(sixth).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(sixth.getResponse().getHeader("Retry-After")).matches("\\d+");
        assertThat(sixth).bodyJson().extractingPath("$.status").isEqualTo("error");
    }

    @Test
    void the_page_has_a_login_field_a_password_field_and_a_submit_button() throws Exception {
        assertThat(mvc.get().uri("/").exchange().getResponse().getForwardedUrl())
                .isEqualTo("index.html");
        MvcTestResult page = mvc.get().uri("/index.html").exchange();
        assertThat(page).hasStatusOk();
        String html = page.getResponse().getContentAsString();
        assertThat(html)
                .contains(
                        "action=\"/api\"", "method=\"post\"", "name=\"login\"", "name=\"password\"", "type=\"submit\"");
    }

    private MvcTestResult form(String login, String password) {
        return mvc.post()
                .uri("/api")
                .with(freshAddress())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("login", login)
                .param("password", password)
                .exchange();
    }

    private long goods() {
        return jdbc.sql("SELECT count(*) FROM goods").query(Long.class).single();
    }

    private int sessionRows(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM user_sessions WHERE user_id = ?")
                .param(user.id())
                .query(Integer.class)
                .single();
    }
}
