package dev.atrium.ar.internal;

import dev.atrium.account.UserDeactivated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A deactivated user's projects stay (an administrator may bring the user back), but their app tokens stop working:
 * an application must not keep acting for someone who no longer may. Runs in the deactivation's own transaction.
 */
@Component
class OwnerDeactivation {

    private final AppTokenRepository tokens;

    OwnerDeactivation(AppTokenRepository tokens) {
        this.tokens = tokens;
    }

    @EventListener
    void revokeAppTokens(UserDeactivated event) {
        tokens.deleteAllOfOwner(event.userId());
    }
}
