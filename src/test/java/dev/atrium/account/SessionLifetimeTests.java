package dev.atrium.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions kept alive by use for longer than the idle timeout, which is a few seconds here: ending all of a user's
 * sessions must still find them, however long ago they were opened.
 */
@AtriumTest
@TestPropertySource(properties = {"atrium.session.idle-timeout=3s", "atrium.session.touch-interval=0s"})
class SessionLifetimeTests {

    /** Well within the idle timeout, so that use keeps a session open; twice of it is well past it. */
    static final long PAUSE_MILLIS = 2000;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_session_used_past_the_idle_timeout_ends_when_its_user_is_deactivated() throws InterruptedException {
        SignedInUser user = accounts.signedInUser();
        for (int i = 0; i < 2; i++) {
            Thread.sleep(PAUSE_MILLIS);
            assertThat(me(user.bearer())).hasStatusOk();
        }
        deactivate(user);
        assertThat(me(user.bearer())).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_session_refreshed_past_the_idle_timeout_ends_when_its_user_is_deactivated() throws InterruptedException {
        SignedInUser user = accounts.signedInUser();
        String refresh = user.refresh();
        for (int i = 0; i < 2; i++) {
            Thread.sleep(PAUSE_MILLIS);
            MvcTestResult rotated = refresh(refresh);
            assertThat(rotated).hasStatusOk();
            refresh = json.readTree(rotated.getResponse().getContentAsByteArray())
                    .get("refresh")
                    .asString();
        }
        deactivate(user);
        assertThat(refresh(refresh)).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    private void deactivate(SignedInUser user) {
        SignedInUser admin = accounts.signedInAdmin();
        assertThat(mvc.delete()
                        .uri("/api/users/" + user.id())
                        .header("Authorization", admin.bearer())
                        .exchange())
                .hasStatus(HttpStatus.NO_CONTENT);
    }

    private MvcTestResult me(String authorization) {
        return mvc.get()
                .uri("/api/users/me")
                .header("Authorization", authorization)
                .exchange();
    }

    private MvcTestResult refresh(String token) {
        return mvc.post()
                .uri("/api/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"refresh\":\"" + token + "\"}")
                .exchange();
    }
}
