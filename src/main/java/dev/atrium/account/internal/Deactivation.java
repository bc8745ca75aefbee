package dev.atrium.account.internal;

import dev.atrium.shared.security.CurrentUser;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An account is deactivated, by its owner or an administrator: it can no longer sign in, and every one of its sessions
 * ends at once. Its data stays, so that an administrator can bring it back ({@link ProfileUpdate}, active true).
 */
@Service
public class Deactivation {

    private final UserService accounts;
    private final UserRepository users;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Deactivation(
            UserService accounts, UserRepository users, PlatformTransactionManager transactionManager, Clock clock) {
        this.accounts = accounts;
        this.users = users;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Deactivates the account; an account already deactivated stays as it is. */
    public void deactivate(CurrentUser actor, long id) {
        accounts.manageable(actor, id);
        transactions.executeWithoutResult(status -> {
            User current = accounts.lock(id);
            if (!current.active()) {
                return;
            }
            if (current.isAdmin()) {
                accounts.requireAnotherAdministrator(id, "deactivated");
            }
            users.update(current.withActive(false), clock.instant());
            accounts.deactivated(id);
        });
    }
}
