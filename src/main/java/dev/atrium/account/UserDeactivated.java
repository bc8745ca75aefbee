package dev.atrium.account;

/**
 * A user was deactivated: they can no longer sign in and their sessions have ended. Published inside the transaction
 * that deactivates them, so that what other modules do about it (AR revokes the app tokens of the user's projects)
 * commits or rolls back with it.
 */
public record UserDeactivated(long userId) {}
