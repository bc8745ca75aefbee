package dev.atrium.account.internal;

import dev.atrium.account.TooManySignInAttempts;
import dev.atrium.ratelimit.RateLimit;
import dev.atrium.ratelimit.RateLimits;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts password checks per account and per client address in Redis, so that the limit holds across replicas: after
 * {@code per-account} failures (5) for one email, or {@code per-address} failures (20) from one address, within a
 * window of 15 minutes counted from the first failure, sign-ins are refused with 429 until the window ends.
 *
 * <p>An attempt takes its place in both counts atomically <em>before</em> its password is checked, and a success gives
 * it back (clearing the account's count): so however many attempts race on however many replicas, no more passwords
 * are checked than the limit allows, and what the counts hold between attempts is the failures.
 */
@Component
public class SignInThrottle {

    private final RateLimit perAccount;
    private final RateLimit perAddress;

    SignInThrottle(
            RateLimits limits,
            @Value("${atrium.sign-in.failures-per-account:5}") int failuresPerAccount,
            @Value("${atrium.sign-in.failures-per-address:20}") int failuresPerAddress,
            @Value("${atrium.sign-in.failure-window:15m}") Duration window) {
        this.perAccount = limits.fixedWindow("sign-in-failures:account", failuresPerAccount, window);
        this.perAddress = limits.fixedWindow("sign-in-failures:address", failuresPerAddress, window);
    }

    /**
     * Runs one password check within the limits: takes a place per account and per address, runs the check, and
     * settles the places by what it said. A check that passes gives both places back (the account's failures are
     * forgotten); one that fails keeps them (it is a failure); one that throws (a store is away, the hashing pool is
     * full) gives them back, since no password was checked. A give-back that fails is attached to the failure that
     * caused it, which propagates.
     *
     * @param check the password check, which may read what it needs (the user, the hash) first
     * @param passed whether what the check returned is a right password
     * @return what the check returned
     * @throws TooManySignInAttempts when the account or the address has used up its failures: the check did not run
     */
    public <T> T check(String email, String address, Supplier<T> check, Predicate<? super T> passed) {
        String account = accountKey(email);
        take(account, address);
        T result;
        try {
            result = check.get();
        } catch (RuntimeException notChecked) {
            perAccount.giveBackAfter(account, notChecked);
            perAddress.giveBackAfter(address, notChecked);
            throw notChecked;
        }
        if (passed.test(result)) {
            succeeded(account, address);
        }
        return result;
    }

    /** Takes a place in both counts, or neither: a refusal or a failure of the second take gives back the first. */
    private void take(String account, String address) {
        perAddress.take(address).ifPresent(wait -> {
            throw TooManySignInAttempts.retryAfter(wait);
        });
        Optional<Duration> accountWait;
        try {
            accountWait = perAccount.take(account);
        } catch (RuntimeException failed) {
            perAddress.giveBackAfter(address, failed);
            throw failed;
        }
        if (accountWait.isPresent()) {
            // Only attempts whose password was checked count against the address.
            TooManySignInAttempts refused = TooManySignInAttempts.retryAfter(accountWait.get());
            perAddress.giveBackAfter(address, refused);
            throw refused;
        }
    }

    /** The password was right: the account's failures are forgotten, and the address's place is given back. */
    private void succeeded(String account, String address) {
        try {
            perAccount.reset(account);
        } catch (RuntimeException failed) {
            perAddress.giveBackAfter(address, failed);
            throw failed;
        }
        perAddress.giveBack(address);
    }

    /** Forgets the account's failures, so that it may sign in at once: an administrator's way to end a lockout. */
    public void unlock(String email) {
        perAccount.reset(accountKey(email));
    }

    /**
     * The SHA-256 (hex) of the account's e-mail in the form it is stored in: look-alike spellings of it share one
     * count, and no e-mail address is ever a Redis key.
     */
    static String accountKey(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(EmailAddresses.normalise(email).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
