package dev.atrium.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.AtriumTest;
import dev.atrium.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

@AtriumTest
class SignInThrottleTests {

    @Autowired
    TestAccounts accounts;

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void signing_in_works_after_the_application_was_stopped_and_started_again() {
        assertThat(accounts.signedInUser().access()).isNotBlank();
        // What the test framework does to a cached context while other contexts run: the Redis connection factory
        // stops (closing every connection it made) and starts again with a new client.
        context.stop();
        context.start();
        assertThat(accounts.signedInUser().access()).isNotBlank();
    }
}
