package dev.atrium.account;

import static dev.atrium.TestAccounts.freshAddress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AtriumTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** POST /api/users: anyone may register, with a unique email and a password that is not weak. */
@AtriumTest
class RegistrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_new_user_registers_without_a_token_and_signs_in_with_email_and_password() throws Exception {
        String email = fresh();
        MvcTestResult result = register("""
                {"email":"%s","password":"a quite long passphrase","first_name":"Ada","last_name":"Lovelace",
                 "phone":"+44 20 7946 0958"}""".formatted(email));
        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result).bodyJson().extractingPath("$.email").isEqualTo(email);
        assertThat(result).bodyJson().extractingPath("$.first_name").isEqualTo("Ada");
        assertThat(result).bodyJson().extractingPath("$.last_name").isEqualTo("Lovelace");
        assertThat(result).bodyJson().extractingPath("$.phone").isEqualTo("+44 20 7946 0958");
        assertThat(result).bodyJson().extractingPath("$.roles").asArray().containsExactly("USER");
        assertThat(result).bodyJson().extractingPath("$.active").isEqualTo(true);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.organizations")
                .asArray()
                .isEmpty();
        assertThat(result).bodyJson().extractingPath("$.avatar").isNull();
        assertThat(result.getResponse().getContentAsString())
                .doesNotContain("password")
                .doesNotContain("bcrypt");
        Number id = (Number) jdbc.sql("SELECT id FROM users WHERE email = ?")
                .param(email)
                .query(Long.class)
                .single();
        assertThat(result.getResponse().getHeader("Location")).endsWith("/api/users/" + id);

        MvcTestResult signIn = mvc.post()
                .uri("/api/auth")
                .with(freshAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"a quite long passphrase\"}")
                .exchange();
        assertThat(signIn).hasStatusOk();
        assertThat(signIn).bodyJson().extractingPath("$.access").isNotNull();
    }

    @Test
    void only_email_and_password_are_required() {
        MvcTestResult result = register("{\"email\":\"" + fresh() + "\",\"password\":\"a quite long passphrase\"}");
        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result).bodyJson().extractingPath("$.first_name").isEqualTo("");
        assertThat(result).bodyJson().extractingPath("$.phone").isEqualTo("");
    }

    @Test
    void an_email_taken_in_any_case_is_a_409_and_writes_nothing() {
        String email = fresh();
        assertThat(register("{\"email\":\"" + email + "\",\"password\":\"a quite long passphrase\"}"))
                .hasStatus(HttpStatus.CREATED);
        MvcTestResult again =
                register("{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"another long passphrase\"}");
        assertThat(again).hasStatus(HttpStatus.CONFLICT);
        assertThat(again).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(again).bodyJson().extractingPath("$.type").asString().endsWith("/email-taken");
        assertThat(users(email)).isEqualTo(1);
    }

    @Test
    void an_invalid_email_is_a_400_naming_the_field() {
        for (String email : new String[] {"not-an-email", "a@b", "two words@example.com", ""}) {
            MvcTestResult result = register("{\"email\":\"" + email + "\",\"password\":\"a quite long passphrase\"}");
            assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.errors[*].field")
                    .asArray()
                    .containsExactly("email");
        }
    }

    @Test
    void weak_passwords_are_a_400_saying_why() {
        String email = fresh();
        assertThat(register("{\"email\":\"" + email + "\",\"password\":\"short\"}"))
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("at least 8 characters");
        assertThat(register("{\"email\":\"" + email + "\",\"password\":\"password123\"}"))
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("common");
        assertThat(register("{\"email\":\"" + email + "\",\"password\":\"" + email + "\"}"))
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("email");
        MvcTestResult missing = register("{\"email\":\"" + email + "\"}");
        assertThat(missing).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(missing)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("password");
        assertThat(users(email)).isZero();
    }

    @Test
    void too_long_fields_and_a_phone_with_letters_are_400s_naming_each_field() {
        String email = fresh();
        MvcTestResult result = register("""
                {"email":"%s","password":"a quite long passphrase","first_name":"%s","last_name":"%s",
                 "phone":"call me maybe"}""".formatted(email, "x".repeat(151), "y".repeat(151)));
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder("first_name", "last_name", "phone");
        assertThat(register("{\"email\":\"" + "e".repeat(250) + "@example.com\",\"password\":\"a long passphrase\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(users(email)).isZero();
    }

    @Test
    void unknown_organizations_are_a_400_and_nobody_is_registered() {
        String email = fresh();
        MvcTestResult result = register("""
                {"email":"%s","password":"a quite long passphrase","organizations":[987654321]}""".formatted(email));
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("organizations");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[0].message")
                .asString()
                .contains("987654321");
        assertThat(users(email)).isZero();
    }

    @Test
    void nobody_registers_as_an_administrator() {
        String email = fresh();
        MvcTestResult result = register("""
                {"email":"%s","password":"a quite long passphrase","roles":["USER","ADMIN"],"active":true}""".formatted(email));
        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result).bodyJson().extractingPath("$.roles").asArray().containsExactly("USER");
        assertThat(jdbc.sql("SELECT 'ADMIN' = ANY (roles) FROM users WHERE email = ?")
                        .param(email)
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    @Test
    void a_body_that_is_not_json_or_has_wrong_types_is_a_400() {
        assertThat(register("not json")).hasStatus(HttpStatus.BAD_REQUEST);
        MvcTestResult wrongType = register(
                "{\"email\":\"" + fresh() + "\",\"password\":\"a long passphrase\"," + "\"organizations\":\"one\"}");
        assertThat(wrongType).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(wrongType).bodyJson().extractingPath("$.errors[0].field").isEqualTo("organizations");
    }

    private MvcTestResult register(String body) {
        return mvc.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private int users(String email) {
        return jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = lower(?)")
                .param(email)
                .query(Integer.class)
                .single();
    }

    static String fresh() {
        return "new-" + UUID.randomUUID() + "@example.com";
    }
}
