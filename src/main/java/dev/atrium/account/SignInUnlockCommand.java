package dev.atrium.account;

import dev.atrium.account.internal.SignInThrottle;
import dev.atrium.ratelimit.RateLimits;
import java.io.PrintStream;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The {@code unlock EMAIL} command, and the whole of the small application it runs in: a Redis connection and the
 * sign-in throttle, nothing else (no database, no web server, none of Atrium's other components, so it is no component
 * itself). It forgets the failed sign-ins of the accounts named, so that they may sign in at once.
 */
@ImportAutoConfiguration(DataRedisAutoConfiguration.class)
@Import({RateLimits.class, SignInThrottle.class})
public class SignInUnlockCommand implements ApplicationRunner {

    private final SignInThrottle throttle;
    private final String mode;
    private final PrintStream out = System.out;

    SignInUnlockCommand(SignInThrottle throttle, @Value("${atrium.mode:external}") String mode) {
        this.throttle = throttle;
        this.mode = mode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (mode.equals("embedded")) {
            // Embedded mode's Redis lives inside the serving Atrium, on a port of its own choosing.
            throw new IllegalStateException("unlock works on the Redis of a deployment: set ATRIUM_REDIS_URL as the "
                    + "servers have it. In embedded mode, an administrator unlocks the account on its page in the "
                    + "admin panel (/admin/users), or the lockout ends with its window.");
        }
        List<String> emails = args.getNonOptionArgs();
        if (emails.isEmpty()) {
            throw new IllegalArgumentException("unlock needs the email of the account to unlock");
        }
        for (String email : emails) {
            throttle.unlock(email);
            out.println("Unlocked sign-in for " + email.trim());
        }
    }
}
