package dev.atrium.account;

import dev.atrium.account.internal.User;

/**
 * Proof that an email and password were just checked, from {@link AccountApi#verifyPassword}; only the account module
 * can make one, so a session is never opened for an unchecked user.
 */
public final class VerifiedCredentials {

    private final User user;

    VerifiedCredentials(User user) {
        this.user = user;
    }

    public long userId() {
        return user.id();
    }

    public String email() {
        return user.email();
    }

    User user() {
        return user;
    }
}
