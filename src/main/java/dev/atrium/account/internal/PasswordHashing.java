package dev.atrium.account.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with bcrypt (cost 10: tens of milliseconds of one core; docs/security.md has the figures),
 * through Spring Security's delegating encoder so that stored hashes name their algorithm ({@code {bcrypt}...}) and can
 * be moved to another one later.
 *
 * <p>Hashing is slow on purpose, so it never runs on the request's own thread. Requests run on virtual threads, whose
 * carriers are as many platform threads as there are cores: two hashes on them would take both carriers of a 2-core
 * machine, and every other request would wait for a hash to end. A hash runs instead on a thread of {@link HashingPool},
 * while the request's virtual thread waits for it without holding a carrier. Those threads run at the lowest priority
 * (nice 19, with the JVM options {@value HashingPool#JVM_OPTIONS}), so sign-ins use every core the rest of Atrium leaves
 * idle and yield it the moment a request needs it; there is one per core then. Without the options, or off Linux, they
 * would compete with requests as equals, so there are half as many (at least one) and the other half serves the rest;
 * the start checks which it is and says so in the log. {@code atrium.passwords.concurrent-hashes} above 0 sets another
 * number. Hashes take their turn in arrival order and give up with a 503 after {@code atrium.passwords.max-wait}.
 */
@Component
public class PasswordHashing {

    /** bcrypt reads at most 72 bytes of a password; a longer one is refused rather than silently cut short. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final PasswordEncoder encoder =
            new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(10)));
    private final HashingPool pool;
    private final Timer waits;
    private final Timer hashes;
    private final String dummyHash;

    PasswordHashing(
            @Value("${atrium.passwords.concurrent-hashes:0}") int concurrentHashes,
            @Value("${atrium.passwords.max-wait:5s}") Duration maxWait,
            MeterRegistry meters) {
        this.pool = HashingPool.start(concurrentHashes, Runtime.getRuntime().availableProcessors(), maxWait);
        // What a sign-in spends outside its hash is its time less these two (bench/sign-ins-and-reads.sh).
        this.waits = Timer.builder("atrium.passwords.wait")
                .description("Time a password check or hash waited for its turn")
                .register(meters);
        this.hashes = Timer.builder("atrium.passwords.hash")
                .description("Time a password check or hash computed bcrypt, once its turn came")
                .register(meters);
        this.dummyHash = encoder.encode("a password nobody has");
    }

    @PreDestroy
    void stop() {
        pool.stop();
    }

    public String hash(String password) {
        return onHashingThread(() -> encoder.encode(password));
    }

    /** Whether the password matches the hash. A password longer than bcrypt reads never matches. */
    public boolean matches(String password, String hash) {
        if (tooLong(password)) {
            matchNothing();
            return false;
        }
        return onHashingThread(() -> encoder.matches(password, hash));
    }

    /** Spends the time a real check takes, so that an unknown email cannot be told apart from a wrong password. */
    public void matchNothing() {
        onHashingThread(() -> encoder.matches("not the password", dummyHash));
    }

    public static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }

    private <T> T onHashingThread(Supplier<T> work) {
        long queued = System.nanoTime();
        return pool.run(() -> {
            long started = System.nanoTime();
            waits.record(started - queued, TimeUnit.NANOSECONDS);
            try {
                return work.get();
            } finally {
                hashes.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        });
    }
}
