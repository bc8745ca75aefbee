package dev.atrium.account.internal;

import dev.atrium.account.BadCredentials;
import dev.atrium.account.SignedIn;
import dev.atrium.account.TokenPair;
import dev.atrium.account.TooManySignInAttempts;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way in, for every client: the API, the sign-in page and the admin panel. It takes a place in the throttle,
 * then checks the password (spending the same time on an unknown email), opens a session and records it.
 */
@Service
public class SignIn {

    // Who signed in or failed, and why, for whoever watches the console; never the email typed (a password is
    // sometimes typed there), the password or a token.
    private static final Logger log = LoggerFactory.getLogger(SignIn.class);

    private final UserRepository users;
    private final PasswordHashing passwords;
    private final SignInThrottle throttle;
    private final SessionRegistry sessions;
    private final TokenPairIssuer tokens;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SignIn(
            UserRepository users,
            PasswordHashing passwords,
            SignInThrottle throttle,
            SessionRegistry sessions,
            TokenPairIssuer tokens,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessions = sessions;
        this.tokens = tokens;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Signs a user in with email and password.
     *
     * @throws BadCredentials for an unknown email, a wrong password or a deactivated account, alike
     * @throws TooManySignInAttempts when this account or address has failed too often lately
     */
    public SignedIn signIn(String email, String password, ClientInfo client) {
        return openSession(verify(email, password, client), client);
    }

    /**
     * Opens a session for a user whose password was just verified, and records it: all of it or nothing, in the
     * caller's transaction when there is one (the sign-in record then commits or rolls back with the caller's work).
     */
    public SignedIn openSession(User user, ClientInfo client) {
        String refreshId = TokenPairIssuer.newRefreshId();
        SignedIn signedIn = inTransaction(() -> {
            Session session = open(user, client, refreshId);
            TokenPair pair = tokens.issue(user.id(), session.id(), refreshId);
            return new SignedIn(user.id(), user.email(), session.id(), session.createdAt(), pair);
        });
        signedIn(user, "tokens");
        return signedIn;
    }

    /** Signs a browser in: the session is the same kind, but its cookie stands in for tokens. */
    public Session signInBrowser(String email, String password, ClientInfo client) {
        User user = verify(email, password, client);
        Session session = inTransaction(() -> open(user, client, TokenPairIssuer.newRefreshId()));
        signedIn(user, "browser");
        return session;
    }

    /**
     * Checks the throttle and the password, without opening a session: slow on purpose (bcrypt), so callers do it
     * before they open a transaction.
     *
     * @throws BadCredentials for an unknown email, a wrong password or a deactivated account, alike
     * @throws TooManySignInAttempts when this account or address has failed too often lately
     */
    public User verify(String email, String password, ClientInfo client) {
        // The attempt is counted before the password is checked, in one step in Redis: attempts racing on any number of
        // replicas cannot all slip in under the limit.
        PasswordCheck checked;
        try {
            checked = throttle.check(
                    email, client.address(), () -> checkPassword(email, password), PasswordCheck::passed);
        } catch (TooManySignInAttempts ex) {
            failed(null, "throttled");
            throw ex;
        }
        User user = checked.user();
        if (user == null || !checked.passed()) {
            // Already counted: a failure keeps its place in the throttle.
            failed(
                    user == null ? null : user.id(),
                    user == null ? "unknown-email" : user.active() ? "wrong-password" : "deactivated");
            throw BadCredentials.create();
        }
        return user;
    }

    /** The user the email names, if any, and whether the password is theirs and their account active. */
    private record PasswordCheck(@Nullable User user, boolean passed) {}

    private PasswordCheck checkPassword(String email, String password) {
        Optional<User> found = users.findByEmail(email.trim());
        if (found.isEmpty()) {
            passwords.matchNothing();
            return new PasswordCheck(null, false);
        }
        User user = found.get();
        return new PasswordCheck(user, passwords.matches(password, user.passwordHash()) && user.active());
    }

    private static void signedIn(User user, String kind) {
        log.atInfo()
                .addKeyValue("event", "sign-in")
                .addKeyValue("user_id", user.id())
                .addKeyValue("session_kind", kind)
                .log("Signed in: user=" + user.id() + " session=" + kind);
    }

    private static void failed(@Nullable Long userId, String reason) {
        log.atInfo()
                .addKeyValue("event", "sign-in-failed")
                .addKeyValue("user_id", userId)
                .addKeyValue("reason", reason)
                .log("Sign-in failed: " + reason + (userId == null ? "" : " user=" + userId));
    }

    /** Called inside {@link #inTransaction}, whose rollback closes the session again. */
    private Session open(User user, ClientInfo client, String refreshId) {
        Session session = sessions.open(user, client, refreshId);
        users.recordSignIn(user.id(), clock.instant());
        return session;
    }

    /**
     * The session, its sign-in record and the user's last sign-in time are written together, in the caller's transaction if there is
     * one: a failure in any of them must not leave an open session behind a sign-in that answered with an error.
     */
    private <T> T inTransaction(Supplier<T> work) {
        return Objects.requireNonNull(transactions.execute(status -> work.get()));
    }
}
