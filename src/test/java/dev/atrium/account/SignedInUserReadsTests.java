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
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** With {@code atrium.users.public-reads=false}, reading users needs a signed-in user again. */
@AtriumTest
@TestPropertySource(properties = "atrium.users.public-reads=false")
class SignedInUserReadsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Test
    void reading_users_without_a_token_is_refused() {
        SignedInUser ada = accounts.signedInUser();

        for (String path : new String[] {"/api/users", "/api/users/" + ada.id(), "/api/users/me"}) {
            assertThat(mvc.get().uri(path).exchange())
                    .as(path)
                    .hasStatus(HttpStatus.UNAUTHORIZED)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(api.as(accounts.signedInUser()).get("/api/users/{id}", ada.id()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.email")
                .isEqualTo(ada.email());
        assertThat(api.as(ada).get("/api/users")).hasStatusOk();
    }
}
