package dev.atrium.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atrium.Api;
import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.SignedInUser;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
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
@TestPropertySource(properties = {"atrium.session.idle-timeout=4s", "atrium.session.touch-interval=0s"})
class SessionLifetimeTests {

    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(4);
    /**
     * How often the session is used while the test waits for it to outlive the idle timeout: a small fraction of the
     * timeout, so that even a request slowed down by a busy machine keeps it open. A failed use fails at once.
     */
    static final Duration USE_EVERY = Duration.ofMillis(200);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Api api;

    @Autowired
    TestAccounts accounts;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_session_used_past_the_idle_timeout_ends_when_its_user_is_deactivated() {
        SignedInUser user = accounts.signedInUser();
        long opened = System.nanoTime();
        await("the session outlives the idle timeout while in use")
                .atMost(IDLE_TIMEOUT.multipliedBy(15))
                .pollInterval(USE_EVERY)
                .until(() -> {
                    assertThat(me(user.access())).hasStatusOk();
                    return outlived(opened);
                });
        deactivate(user);
        assertThat(me(user.access())).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_session_refreshed_past_the_idle_timeout_ends_when_its_user_is_deactivated() {
        SignedInUser user = accounts.signedInUser();
        AtomicReference<String> refresh = new AtomicReference<>(user.refresh());
        long opened = System.nanoTime();
        await("the session outlives the idle timeout while refreshed")
                .atMost(IDLE_TIMEOUT.multipliedBy(15))
                .pollInterval(USE_EVERY)
                .until(() -> {
                    MvcTestResult rotated = refresh(refresh.get());
                    assertThat(rotated).hasStatusOk();
                    refresh.set(json.readTree(rotated.getResponse().getContentAsByteArray())
                            .get("refresh")
                            .asString());
                    return outlived(opened);
                });
        deactivate(user);
        assertThat(refresh(refresh.get())).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    /** Whether a session opened before {@code opened} has lived twice the idle timeout. */
    private static boolean outlived(long opened) {
        return Duration.ofNanos(System.nanoTime() - opened).compareTo(IDLE_TIMEOUT.multipliedBy(2)) > 0;
    }

    private void deactivate(SignedInUser user) {
        SignedInUser admin = accounts.signedInAdmin();
        assertThat(api.as(admin).delete("/api/users/" + user.id())).hasStatus(HttpStatus.NO_CONTENT);
    }

    private MvcTestResult me(String token) {
        return api.as(token).get("/api/users/me");
    }

    private MvcTestResult refresh(String token) {
        return mvc.post()
                .uri("/api/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"refresh\":\"" + token + "\"}")
                .exchange();
    }
}
