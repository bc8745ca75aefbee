package dev.atrium.goods.internal;

import dev.atrium.account.AccountApi;
import dev.atrium.account.BadCredentials;
import dev.atrium.account.SignedIn;
import dev.atrium.account.TooManySignInAttempts;
import dev.atrium.account.VerifiedCredentials;
import dev.atrium.ratelimit.RateLimit;
import dev.atrium.ratelimit.RateLimits;
import dev.atrium.ratelimit.TooManyRequests;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sign-in page's sign-in: a valid email and password open a session and, in one transaction with its
 * {@code user_sessions} row, append every record of the goods file to {@code goods}. A refused sign-in writes nothing.
 */
@Service
@ConditionalOnWebApplication
public class GoodsSignIn {

    /** What a successful sign-in did. */
    public record Outcome(SignedIn signedIn, int goodsImported) {}

    private final AccountApi accounts;
    private final GoodsImport goods;
    private final TransactionTemplate transactions;
    private final RateLimit perAccount;

    GoodsSignIn(
            AccountApi accounts,
            GoodsImport goods,
            TransactionTemplate transactions,
            RateLimits limits,
            @Value("${atrium.limits.seed-sign-ins-per-account:20}") int perAccount,
            @Value("${atrium.limits.seed-sign-ins-window:1h}") Duration window) {
        this.accounts = accounts;
        this.goods = goods;
        this.transactions = transactions;
        this.perAccount = limits.steady("seed-sign-ins:account", perAccount, window);
    }

    /**
     * @throws BadCredentials when no active user has this email and password
     * @throws TooManySignInAttempts when the account or the address has failed too often lately
     * @throws TooManyRequests when the account has signed in here too often lately (each sign-in appends the feed)
     */
    public Outcome signIn(String login, String password, @Nullable String clientAddress, @Nullable String userAgent) {
        // The password check is slow on purpose; it runs before the transaction so that no connection waits on it.
        VerifiedCredentials verified = accounts.verifyPassword(login, password, clientAddress, userAgent);
        // Counted only once the password is known to be right, so that a refusal tells nobody but the account's
        // owner how often it signed in here; the take is atomic, so racing sign-ins cannot pass together.
        String account = String.valueOf(verified.userId());
        perAccount.takeOrRefuse(account, "sign-ins on this page");
        try {
            Outcome outcome = transactions.execute(status -> {
                SignedIn signedIn = accounts.openSession(verified, clientAddress, userAgent);
                return new Outcome(signedIn, goods.appendAll());
            });
            if (outcome == null) {
                throw new IllegalStateException("The sign-in transaction returned nothing");
            }
            return outcome;
        } catch (RuntimeException ex) {
            perAccount.giveBackAfter(account, ex);
            throw ex;
        }
    }
}
