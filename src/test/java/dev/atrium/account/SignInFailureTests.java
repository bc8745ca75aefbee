package dev.atrium.account;

import static dev.atrium.TestAccounts.freshAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;

import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import dev.atrium.TestAccounts.TestUser;
import dev.atrium.account.internal.SessionRegistry;
import dev.atrium.account.internal.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** A sign-in that fails half way leaves nothing behind: no open session, no session row. */
@AtriumTest
class SignInFailureTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SessionRegistry sessions;

    @MockitoSpyBean
    UserRepository users;

    @Test
    void when_the_login_time_cannot_be_recorded_no_session_stays_open() {
        TestUser user = accounts.user();
        doThrow(new DataAccessResourceFailureException("The disk is full"))
                .when(users)
                .recordLogin(eq(user.id()), any());

        MvcTestResult result = mvc.post()
                .uri("/api/auth")
                .with(freshAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + user.email() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}")
                .exchange();

        assertThat(result).hasStatus5xxServerError();
        assertThat(sessions.openSessionsOf(user.id())).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM user_sessions WHERE user_id = ?")
                        .param(user.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
