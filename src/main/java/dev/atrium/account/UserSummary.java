package dev.atrium.account;

/** What other modules may know of a user: enough to name them. */
public record UserSummary(long id, String email, String firstName, String lastName) {}
