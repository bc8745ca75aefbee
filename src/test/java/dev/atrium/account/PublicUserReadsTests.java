package dev.atrium.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 003's users "without authorization": the list and one user are read without a token, showing public fields
 * only; changing and deactivating still need the owner or an administrator.
 */
@AtriumTest
class PublicUserReadsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_user_is_read_without_a_token_showing_names_avatar_and_organizations_only() throws Exception {
        SignedInUser ada = accounts.signedInUser();
        long organization = organization("Public " + ada.id());
        jdbc.sql("INSERT INTO organization_members (organization_id, user_id) VALUES (?, ?)")
                .params(organization, ada.id())
                .update();
        api.as(ada)
                .patch(
                        "/api/users/me",
                        "{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"phone\":\"+1 555 0100\"}");

        MvcTestResult one = mvc.get().uri("/api/users/{id}", ada.id()).exchange();
        assertThat(one).hasStatusOk();
        JsonNode user = json.readTree(one.getResponse().getContentAsByteArray());
        assertThat(user.propertyNames())
                .containsExactlyInAnyOrder("id", "first_name", "last_name", "avatar", "organizations");
        assertThat(user.get("first_name").asString()).isEqualTo("Ada");
        assertThat(user.get("last_name").asString()).isEqualTo("Lovelace");
        assertThat(user.get("organizations").get(0).get("name").asString()).isEqualTo("Public " + ada.id());

        MvcTestResult list = mvc.get().uri("/api/users?limit=1000").exchange();
        assertThat(list).hasStatusOk();
        JsonNode page = json.readTree(list.getResponse().getContentAsByteArray());
        JsonNode listed = page.get("results")
                .valueStream()
                .filter(result -> result.get("id").asLong() == ada.id())
                .findFirst()
                .orElseThrow();
        assertThat(listed).isEqualTo(user);
        assertThat(list.getResponse().getContentAsString()).doesNotContain(ada.email(), "+1 555 0100", "roles");

        // A token still shows what it showed before: the email to anyone signed in, private fields to the owner.
        assertThat(api.as(accounts.signedInUser()).get("/api/users/{id}", ada.id()))
                .bodyJson()
                .extractingPath("$.email")
                .isEqualTo(ada.email());
        assertThat(api.as(ada).get("/api/users/{id}", ada.id()))
                .bodyJson()
                .extractingPath("$.phone")
                .isEqualTo("+1 555 0100");
    }

    @Test
    void a_deactivated_user_or_ones_own_profile_is_not_read_without_a_token() {
        SignedInUser gone = accounts.signedInUser();
        jdbc.sql("UPDATE users SET active = false WHERE id = ?")
                .param(gone.id())
                .update();

        assertThat(mvc.get().uri("/api/users/{id}", gone.id()).exchange()).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/users?limit=1000").exchange())
                .bodyJson()
                .extractingPath("$.results[?(@.id == " + gone.id() + ")]")
                .asArray()
                .isEmpty();
        assertThat(mvc.get().uri("/api/users/me").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void changing_or_deactivating_a_user_still_needs_its_owner_or_an_administrator() {
        SignedInUser owner = accounts.signedInUser();
        assertThat(mvc.patch()
                        .uri("/api/users/{id}", owner.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"first_name\":\"Mallory\"}")
                        .exchange())
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.delete().uri("/api/users/{id}", owner.id()).exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(api.as(accounts.signedInUser()).delete("/api/users/{id}", owner.id()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.sql("SELECT first_name FROM users WHERE id = ? AND active")
                        .param(owner.id())
                        .query(String.class)
                        .single())
                .isEqualTo("Test");
    }

    private long organization(String name) {
        return jdbc.sql("INSERT INTO organizations (name) VALUES (?) RETURNING id")
                .param(name)
                .query(Long.class)
                .single();
    }
}
