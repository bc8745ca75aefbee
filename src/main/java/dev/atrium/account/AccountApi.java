package dev.atrium.account;

import dev.atrium.account.internal.ClientInfo;
import dev.atrium.account.internal.SignIn;
import dev.atrium.account.internal.User;
import dev.atrium.account.internal.UserService;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** What other modules may ask of accounts. */
@Service
public class AccountApi {

    private final UserService users;
    private final SignIn signIn;

    AccountApi(UserService users, SignIn signIn) {
        this.users = users;
        this.signIn = signIn;
    }

    public Optional<UserSummary> findUser(long id) {
        return users.find(id).map(AccountApi::summary);
    }

    /** The user with this email (in its normal form: case, width and composition do not matter), if there is one. */
    public Optional<UserSummary> findUserByEmail(String email) {
        return users.findByEmail(email.strip()).map(AccountApi::summary);
    }

    /** The users with the given ids that exist, by id. */
    public Map<Long, UserSummary> findUsers(Collection<Long> ids) {
        Map<Long, UserSummary> found = new LinkedHashMap<>();
        for (User user : users.findAmong(ids)) {
            found.put(user.id(), summary(user));
        }
        return found;
    }

    /** The active users among the given ids, by id: deactivated users are not shown as members of anything. */
    public Map<Long, UserSummary> findActiveUsers(Collection<Long> ids) {
        return users.activeSummaries(ids);
    }

    /**
     * The slow half of a sign-in: the throttle and the password check, done before the caller opens a transaction so
     * that no database connection waits on bcrypt. The result opens a session with {@link #openSession}.
     *
     * @throws BadCredentials for an unknown email, a wrong password or a deactivated account
     * @throws TooManySignInAttempts when the account or the address has failed too often lately
     */
    public VerifiedCredentials verifyPassword(
            String email, String password, @Nullable String clientAddress, @Nullable String userAgent) {
        User user = signIn.verify(email, password, ClientInfo.of(clientAddress, userAgent));
        return new VerifiedCredentials(user);
    }

    /**
     * The fast half of a sign-in: opens the session and writes its {@code user_sessions} row, in the caller's
     * transaction if there is one (a rollback closes the session again).
     */
    public SignedIn openSession(
            VerifiedCredentials credentials, @Nullable String clientAddress, @Nullable String userAgent) {
        return signIn.openSession(credentials.user(), ClientInfo.of(clientAddress, userAgent));
    }

    private static UserSummary summary(User user) {
        return new UserSummary(user.id(), user.email(), user.firstName(), user.lastName());
    }
}
