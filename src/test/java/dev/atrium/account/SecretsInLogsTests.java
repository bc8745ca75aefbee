package dev.atrium.account;

import static dev.atrium.TestAccounts.freshAddress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Even at debug level, the passwords and tokens a client sends never reach the logs. */
@AtriumTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsTests {

    static final String[] LOGGERS = {"dev.atrium", "org.springframework.security", "org.springframework.web"};

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    @Autowired
    LoggingSystem logging;

    @BeforeEach
    void debugEverything() {
        for (String logger : LOGGERS) {
            logging.setLogLevel(logger, LogLevel.DEBUG);
        }
    }

    @AfterEach
    void quietAgain() {
        for (String logger : LOGGERS) {
            logging.setLogLevel(logger, null);
        }
    }

    @Test
    void passwords_and_tokens_are_not_logged(CapturedOutput output) {
        String wrongPassword = "wrong-password-that-must-not-be-logged";
        String newPassword = "a new passphrase that must not be logged";
        SignedInUser user = accounts.signedInUser();
        mvc.post()
                .uri("/api/auth")
                .with(freshAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + user.email() + "\",\"password\":\"" + wrongPassword + "\"}")
                .exchange();
        mvc.post()
                .uri("/api")
                .with(freshAddress())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("login", user.email())
                .param("password", wrongPassword)
                .exchange();
        api.as(user).get("/api/sessions");
        String newcomer = "newcomer-" + user.id() + "@example.com";
        mvc.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + newcomer + "\",\"password\":\"" + newPassword + "\"}")
                .exchange();
        api.as(user)
                .post(
                        "/api/users/me/password",
                        "{\"old_password\":\"" + TestAccounts.PASSWORD + "\",\"new_password\":\"" + newPassword
                                + "\"}");

        mvc.get()
                .uri("/api/sessions")
                .header("Authorization", "Bearer " + user.access() + "tampered")
                .exchange();
        mvc.post()
                .uri("/api/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"refresh\":\"" + user.refresh() + "\"}")
                .exchange();

        assertThat(output.getAll())
                .contains("/api/sessions") // debug logging was on: the requests were logged
                .doesNotContain(TestAccounts.PASSWORD, wrongPassword, newPassword, user.access(), user.refresh());

        assertThat(output.getAll()).doesNotContainPattern("eyJ[\\w-]{10,}\\.eyJ");
    }
}
