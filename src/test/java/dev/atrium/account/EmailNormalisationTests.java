package dev.atrium.account;

import static dev.atrium.TestAccounts.freshAddress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * One email, one account: addresses differing only in case, width or composition name the same account wherever an
 * email enters, and addresses with invisible characters or look-alike letters from another script are refused.
 */
@AtriumTest
class EmailNormalisationTests {

    static final String PASSWORD = "a quite long passphrase";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AccountApi accountApi;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void an_email_is_stored_lower_case_and_its_case_variants_sign_in_to_the_same_account() {
        String local = "Alice-" + UUID.randomUUID();
        MvcTestResult created = register(local + "@Atrium.DEV");
        assertThat(created).hasStatus(HttpStatus.CREATED);
        String stored = local.toLowerCase() + "@atrium.dev";
        assertThat(created).bodyJson().extractingPath("$.email").isEqualTo(stored);
        assertThat(emails(stored)).containsExactly(stored);

        assertThat(signIn(stored)).hasStatusOk();
        assertThat(signIn(local + "@Atrium.dev")).hasStatusOk();
        assertThat(signIn(stored.toUpperCase())).hasStatusOk();
        assertThat(accountApi.findUserByEmail(stored.toUpperCase())).isPresent();
    }

    @Test
    void a_fullwidth_or_decomposed_variant_is_the_same_account_not_a_new_one() {
        String local = "ren\u00E9-" + UUID.randomUUID();
        String email = local + "@atrium.dev";
        assertThat(register(email)).hasStatus(HttpStatus.CREATED);

        String fullwidth = "\uFF52" + local.substring(1) + "\uFF20atrium.dev";
        String decomposed = local.replace("\u00E9", "e\u0301") + "@atrium.dev";
        for (String variant : List.of(fullwidth, decomposed, email.toUpperCase())) {
            MvcTestResult again = register(variant);
            assertThat(again).as(variant).hasStatus(HttpStatus.CONFLICT);
            assertThat(again).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(signIn(variant)).as(variant).hasStatusOk();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email LIKE ?")
                        .param("%" + local.substring(5) + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "alice\u200B-%s@atrium.dev", // zero-width space
                "\u202Ealice-%s@atrium.dev", // right-to-left override
                "alice-%s\u00AD@atrium.dev", // soft hyphen
                "alice-%s@atrium.dev\uFEFF", // byte order mark
                "ali\u00A0ce-%s@atrium.dev", // no-break space
                "\u0430lice-%s@atrium.dev", // Cyrillic а
                "\u03BFscar-%s@atrium.dev", // Greek ο
            })
    void registration_refuses_an_invisible_or_look_alike_email_with_a_problem_naming_it(String pattern) {
        String id = UUID.randomUUID().toString();
        MvcTestResult result = register(pattern.formatted(id));
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("email");
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email LIKE ?")
                        .param("%" + id + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_profile_change_stores_the_normal_form_and_refuses_look_alikes_and_taken_variants() {
        SignedInUser user = accounts.signedInUser();
        String local = "Changed-" + UUID.randomUUID();

        MvcTestResult invisible = changeEmail(user, local + "\u200D@atrium.dev");
        assertThat(invisible).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(invisible).bodyJson().extractingPath("$.errors[0].field").isEqualTo("email");
        MvcTestResult lookAlike = changeEmail(user, "\u0441" + local + "@atrium.dev");
        assertThat(lookAlike).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(lookAlike).bodyJson().extractingPath("$.errors[0].field").isEqualTo("email");

        MvcTestResult changed = changeEmail(user, local + "@\uFF21trium.dev");
        assertThat(changed).hasStatusOk();
        String stored = local.toLowerCase() + "@atrium.dev";
        assertThat(changed).bodyJson().extractingPath("$.email").isEqualTo(stored);
        assertThat(emails(stored)).containsExactly(stored);

        SignedInUser other = accounts.signedInUser();
        MvcTestResult taken = changeEmail(other, local.toUpperCase() + "@ATRIUM.DEV");
        assertThat(taken).hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void the_migration_brings_stored_emails_to_the_normal_form_without_merging_look_alikes() throws Exception {
        String id = UUID.randomUUID().toString();
        long upper = insert("Mixed-" + id + "@Example.COM");
        long fullwidth = insert("\uFF46ull-" + id + "@example.com");
        long holder = insert("held-" + id + "@example.com");
        long lookAlike = insert("\uFF48eld-" + id + "@example.com");
        long older = insert("\uFF54wo-" + id + "@example.com");
        long newer = insert("two-" + id + "\uFF20example.com");

        jdbc.sql(new ClassPathResource("db/migration/V6__normalise_user_emails.sql")
                        .getContentAsString(StandardCharsets.UTF_8))
                .update();

        assertThat(email(upper)).isEqualTo("mixed-" + id + "@example.com");
        assertThat(email(fullwidth)).isEqualTo("full-" + id + "@example.com");
        assertThat(email(holder)).isEqualTo("held-" + id + "@example.com");
        assertThat(email(lookAlike))
                .as("a look-alike of an existing account")
                .isEqualTo("\uFF48eld-" + id + "@example.com");
        assertThat(email(older)).isEqualTo("two-" + id + "@example.com");
        assertThat(email(newer)).as("the younger of two look-alikes").isEqualTo("two-" + id + "\uFF20example.com");
        assertThat(accountApi
                        .findUserByEmail("MIXED-" + id + "@example.com")
                        .orElseThrow()
                        .id())
                .isEqualTo(upper);
    }

    private MvcTestResult register(String email) {
        return mvc.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("email", email, "password", PASSWORD)))
                .exchange();
    }

    private MvcTestResult signIn(String email) {
        return mvc.post()
                .uri("/api/auth")
                .with(freshAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("email", email, "password", PASSWORD)))
                .exchange();
    }

    private MvcTestResult changeEmail(SignedInUser user, String email) {
        return api.as(user).patch("/api/users/me", json.writeValueAsString(Map.of("email", email)));
    }

    private List<String> emails(String normal) {
        return jdbc.sql("SELECT email FROM users WHERE lower(email) = ?")
                .param(normal)
                .query(String.class)
                .list();
    }

    private long insert(String email) {
        return jdbc.sql("INSERT INTO users (email, password_hash) VALUES (?, 'not a hash') RETURNING id")
                .param(email)
                .query(Long.class)
                .single();
    }

    private String email(long id) {
        return jdbc.sql("SELECT email FROM users WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }
}
