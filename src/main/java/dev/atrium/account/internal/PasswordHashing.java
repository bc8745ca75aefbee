package dev.atrium.account.internal;

import dev.atrium.shared.web.RequestsInFlight;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
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
 * <p>Hashing is slow on purpose, so a flood of sign-ins could take every core. By default half the cores (at least one)
 * hash at once, so that whatever else Atrium serves keeps the other half; the rest wait their turn, in arrival order,
 * and give up with a 503 after {@code atrium.passwords.max-wait}. {@code atrium.passwords.concurrent-hashes} above 0
 * sets another number.
 *
 * <p>{@code atrium.passwords.adaptive=true} lets hashing take the other half too while no other request is in flight
 * ({@link HashingLimit}, counting at the web edge, {@link RequestsInFlight}). It is off by default because measured
 * side by side it cost more than it gave ({@code bench/sign-ins-and-reads.sh 15 60}, docs/performance.md): sign-ins
 * alone rose from 44 % to 62 % of the ceiling, but catalogue reads during a flood went from 1.5 to 4.1 times their
 * idle p99. Requests run on virtual threads, and two hashes occupy both carrier threads, so a read that arrives then
 * is not even counted until a hash ends, and the limit takes the idle-looking machine for its own.
 */
@Component
public class PasswordHashing {

    /** bcrypt reads at most 72 bytes of a password; a longer one is refused rather than silently cut short. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final PasswordEncoder encoder =
            new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(10)));
    private final HashingLimit limit;
    private final Timer waits;
    private final Timer hashes;
    private final String dummyHash;

    PasswordHashing(
            @Value("${atrium.passwords.concurrent-hashes:0}") int concurrentHashes,
            @Value("${atrium.passwords.max-wait:5s}") Duration maxWait,
            @Value("${atrium.passwords.adaptive:false}") boolean adaptive,
            ObjectProvider<RequestsInFlight> requests,
            MeterRegistry meters) {
        int cores = Runtime.getRuntime().availableProcessors();
        int fixed = concurrentHashes > 0 ? concurrentHashes : adaptive ? 0 : Math.max(1, cores / 2);
        // Counted only where the adaptive limit reads it; and without the web edge (a command, a module test) there
        // are no requests to count.
        RequestsInFlight inFlight = requests.getIfAvailable(() -> () -> 0);
        this.limit = HashingLimit.of(fixed, cores, inFlight::count, maxWait);
        // What a sign-in spends outside its hash is its time less these two (bench/sign-ins-and-reads.sh).
        this.waits = Timer.builder("atrium.passwords.wait")
                .description("Time a password check or hash waited for its turn")
                .register(meters);
        this.hashes = Timer.builder("atrium.passwords.hash")
                .description("Time a password check or hash computed bcrypt, once its turn came")
                .register(meters);
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

    /**
     * Runs a sign-in's work around its hash (the throttle, reading the account, opening the session) as part of
     * hashing's own callers, so that sign-ins busy with it do not count as other requests that keep hashing from the
     * idle cores.
     */
    public <T> T forSignIn(Supplier<T> signIn) {
        return limit.onBehalfOf(signIn);
    }

    public static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }

    private <T> T limited(Supplier<T> work) {
        long queued = System.nanoTime();
        return limit.run(() -> {
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
