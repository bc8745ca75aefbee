package dev.atrium.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AtriumTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The API document describes the JSON as the API writes it. */
@AtriumTest
class OpenApiDocumentTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void schemas_name_their_properties_in_snake_case_as_the_api_writes_them() {
        MvcTestResult schema = mvc.get().uri("/api/schema").exchange();
        assertThat(schema).hasStatusOk();
        assertThat(schema)
                .bodyJson()
                .extractingPath("$.components.schemas.Tokens.properties")
                .asMap()
                .containsKeys("token_type", "expires_in")
                .doesNotContainKeys("tokenType", "expiresIn");
        assertThat(schema)
                .bodyJson()
                .extractingPath("$.components.schemas.UserView.properties")
                .asMap()
                .containsKeys("first_name", "last_name", "avatar", "organizations", "phone", "last_login_at");
        assertThat(schema)
                .bodyJson()
                .extractingPath("$.components.schemas.PasswordChange.properties")
                .asMap()
                .containsKeys("old_password", "new_password");
    }
}
