package dev.atrium.account.internal;

import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A password is replaced: changed by its owner, who proves it with the current one ({@link PasswordChange}), or reset
 * by an administrator for someone who forgot theirs. Either way the sessions opened with the old password end. The new
 * password is hashed before the transaction begins: bcrypt takes tens of milliseconds, and a pooled connection should
 * not wait on it.
 */
@Service
public class PasswordReplacement {

    private final UserService accounts;
    private final UserRepository users;
    private final PasswordHashing passwords;
    private final PasswordPolicy policy;
    private final SignInThrottle throttle;
    private final SessionRegistry sessions;
    private final Validator validator;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PasswordReplacement(
            UserService accounts,
            UserRepository users,
            PasswordHashing passwords,
            PasswordPolicy policy,
            SignInThrottle throttle,
            SessionRegistry sessions,
            Validator validator,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.accounts = accounts;
        this.users = users;
        this.passwords = passwords;
        this.policy = policy;
        this.throttle = throttle;
        this.sessions = sessions;
        this.validator = validator;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * A user changes their own password, proving it with the current one. Their other sessions end (whoever else
     * knew the old password is signed out); the one making the change stays. Wrong current passwords count as failed
     * sign-ins, so that a stolen token cannot be used to guess the password.
     *
     * @throws InvalidRequest when the current password is wrong or the new one is weak
     */
    public void change(CurrentUser actor, PasswordChange change, ClientInfo client) {
        User user = accounts.existing(actor.id());
        List<FieldError> errors = new ArrayList<>(InvalidRequest.fieldErrors(validator.validate(change)));
        if (!errors.isEmpty()) {
            throw InvalidRequest.of(errors);
        }
        String oldPassword = Objects.requireNonNull(change.oldPassword());
        String newPassword = Objects.requireNonNull(change.newPassword());
        boolean current = throttle.check(
                user.email(),
                client.address(),
                () -> passwords.matches(oldPassword, user.passwordHash()),
                right -> right);
        if (!current) {
            throw InvalidRequest.field("old_password", "is not the current password");
        }
        policy.weakness(newPassword, user.email()).ifPresent(reason -> {
            throw InvalidRequest.field("new_password", reason);
        });
        if (newPassword.equals(oldPassword)) {
            throw InvalidRequest.field("new_password", "must differ from the current password");
        }
        replace(user.id(), passwords.hash(newPassword), actor.sessionId());
    }

    /**
     * An administrator sets a new password for someone (who forgot theirs): every session of that user ends, since
     * the password they were opened with is no longer theirs.
     */
    public void reset(CurrentUser actor, long id, @Nullable String newPassword) {
        if (!actor.isAdmin()) {
            throw ProblemException.forbidden("Only administrators may reset someone's password");
        }
        User user = accounts.existing(id);
        if (newPassword == null || newPassword.isEmpty()) {
            throw InvalidRequest.field("new_password", "must not be blank");
        }
        policy.weakness(newPassword, user.email()).ifPresent(reason -> {
            throw InvalidRequest.field("new_password", reason);
        });
        replace(id, passwords.hash(newPassword), null);
    }

    /** Stores the hash and ends the user's sessions but {@code keepSession}, now and once more after the commit. */
    private void replace(long userId, String hash, @Nullable String keepSession) {
        transactions.executeWithoutResult(status -> {
            users.setPasswordHash(userId, hash, clock.instant());
            sessions.endAll(userId, keepSession);
            UserService.afterCommit(() -> sessions.endAll(userId, keepSession));
        });
    }
}
