package dev.atrium;

import static dev.atrium.TestAccounts.freshAddress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.TestAccounts.TestUser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** {@code java -jar atrium.jar unlock EMAIL}: ends a sign-in lockout from the command line, with only Redis at hand. */
@AtriumTest
class UnlockCommandTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Environment environment;

    @Test
    void unlock_lets_a_locked_out_account_sign_in_at_once_even_with_the_database_out_of_reach() {
        TestUser user = accounts.user();
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(user, "wrong password")).hasStatus(HttpStatus.UNAUTHORIZED);
        }
        assertThat(signIn(user, TestAccounts.PASSWORD)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);

        PrintStream out = System.out;
        var captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        int exitCode;
        try {
            exitCode = AtriumApplication.run(
                    "unlock",
                    // The email as the user typed it: the lockout is the same whatever its case.
                    user.email().toUpperCase(),
                    // Nothing listens there: the command must not need the database.
                    "--atrium.database.url=jdbc:postgresql://127.0.0.1:1/nowhere",
                    "--atrium.redis.url=" + environment.getRequiredProperty("spring.data.redis.url"),
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=warn");
        } finally {
            System.setOut(out);
        }

        assertThat(exitCode).as(captured.toString()).isZero();
        assertThat(captured.toString())
                .contains("Unlocked sign-in for " + user.email().toUpperCase());
        assertThat(signIn(user, TestAccounts.PASSWORD)).hasStatusOk();
    }

    @Test
    void unlock_needs_only_redis_named_and_no_database_at_all() {
        TestUser user = accounts.user();
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(user, "wrong password")).hasStatus(HttpStatus.UNAUTHORIZED);
        }
        assertThat(signIn(user, TestAccounts.PASSWORD)).hasStatus(HttpStatus.TOO_MANY_REQUESTS);

        int exitCode = AtriumApplication.run(
                "unlock",
                user.email(),
                "--atrium.redis.url=" + environment.getRequiredProperty("spring.data.redis.url"),
                "--spring.main.banner-mode=off",
                "--logging.level.root=warn");

        assertThat(exitCode).isZero();
        assertThat(signIn(user, TestAccounts.PASSWORD)).hasStatusOk();
    }

    @Test
    void unlock_without_an_email_prints_the_usage_and_exits_with_2() {
        PrintStream err = System.err;
        var captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            assertThat(AtriumApplication.run("unlock", "--spring.main.banner-mode=off"))
                    .isEqualTo(2);
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString()).contains("unlock needs the email", "unlock EMAIL");
    }

    private MvcTestResult signIn(TestUser user, String password) {
        return mvc.post()
                .uri("/api/auth")
                .with(freshAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + user.email() + "\",\"password\":\"" + password + "\"}")
                .exchange();
    }
}
