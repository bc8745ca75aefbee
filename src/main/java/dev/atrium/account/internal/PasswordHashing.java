package dev.atrium.account.internal;

import dev.atrium.shared.problem.ServiceUnavailable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with bcrypt (cost 10: about 75 ms on a 2-core machine; see docs/security.md), through
 * Spring Security's delegating encoder so that stored hashes name their algorithm ({@code {bcrypt}...}) and can be
 * moved to another one later.
 *
 * <p>Hashing is slow on purpose, so a flood of sign-ins could take every core. Only a bounded number of hashes run at
 * once (half the cores by default); the rest wait their turn, and give up with a 503 after a while, so that everything
 * else Atrium serves keeps its share of the machine.
 */
@Component
public class PasswordHashing {

    /** bcrypt reads at most 72 bytes of a password; a longer one is refused rather than silently cut short. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final PasswordEncoder encoder =
            new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(10)));
    private final Semaphore slots;
    private final Duration maxWait;
    private final String dummyHash;

    PasswordHashing(
            @Value("${atrium.passwords.concurrent-hashes:0}") int concurrentHashes,
            @Value("${atrium.passwords.max-wait:5s}") Duration maxWait) {
        int permits = concurrentHashes > 0
                ? concurrentHashes
                : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        this.slots = new Semaphore(permits, true);
        this.maxWait = maxWait;
        this.dummyHash = encoder.encode("a password nobody has");
    }

    public String hash(String password) {
        return limited(() -> encoder.encode(password));
    }

    /** Whether the password matches the hash. A password longer than bcrypt reads never matches. */
    public boolean matches(String password, String hash) {
        if (tooLong(password)) {
            matchNothing();
            return false;
        }
        return limited(() -> encoder.matches(password, hash));
    }

    /** Spends the time a real check takes, so that an unknown email cannot be told apart from a wrong password. */
    public void matchNothing() {
        limited(() -> encoder.matches("not the password", dummyHash));
    }

    public static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }

    private <T> T limited(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw ServiceUnavailable.busy("Interrupted while waiting to check a password");
        }
        if (!acquired) {
            throw ServiceUnavailable.busy("Too many sign-ins at once; try again in a few seconds");
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
