package dev.atrium.account.internal;

import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * An administrator ends a lockout from the admin panel: the account's failed sign-ins are forgotten, so its owner may
 * sign in at once (attempts from an address that failed too often stay refused).
 */
@Service
public class SignInUnlock {

    private final UserService accounts;
    private final SignInThrottle throttle;

    SignInUnlock(UserService accounts, SignInThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    public void unlock(CurrentUser actor, long id) {
        if (!actor.isAdmin()) {
            throw ProblemException.forbidden("Only administrators may unlock someone's sign-in");
        }
        throttle.unlock(accounts.existing(id).email());
    }
}
