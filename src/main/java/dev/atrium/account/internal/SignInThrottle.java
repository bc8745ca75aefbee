package dev.atrium.account.internal;

import dev.atrium.account.TooManySignInAttempts;
import dev.atrium.shared.ratelimit.RateLimit;
import dev.atrium.shared.ratelimit.RateLimits;
import java.time.Duration;
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
     * Takes a place for one password check, or refuses it. An attempt that passes counts as a failure unless it
     * ends in {@link #succeeded} or {@link #notChecked}.
     *
     * @throws TooManySignInAttempts when the account or the address has used up its failures
     */
    public void attempt(String email, String address) {
        perAddress.take(address).ifPresent(wait -> {
            throw TooManySignInAttempts.retryAfter(wait);
        });
        perAccount.take(accountKey(email)).ifPresent(wait -> {
            // The address's place is given back: only attempts whose password was checked count against it.
            perAddress.giveBack(address);
            throw TooManySignInAttempts.retryAfter(wait);
        });
    }

    /** The password was right: the account's failures are forgotten, and the address's place is given back. */
    public void succeeded(String email, String address) {
        perAccount.reset(accountKey(email));
        perAddress.giveBack(address);
    }

    /** The attempt's password could not be checked (a store is away, the hashing pool is full): it does not count. */
    public void notChecked(String email, String address) {
        perAccount.giveBack(accountKey(email));
        perAddress.giveBack(address);
    }

    /** Forgets the account's failures, so that it may sign in at once: an administrator's way to end a lockout. */
    public void unlock(String email) {
        perAccount.reset(accountKey(email));
    }

    /** The account's e-mail in the form it is stored in, so that look-alike spellings of it share one count. */
    private static String accountKey(String email) {
        return EmailAddresses.normalise(email);
    }
}
