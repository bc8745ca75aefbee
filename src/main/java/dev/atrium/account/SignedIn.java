package dev.atrium.account;

import java.time.Instant;

/**
 * A successful sign-in: the session it opened (also recorded in {@code user_sessions}) and the tokens naming it.
 */
public record SignedIn(long userId, String email, String sessionId, Instant openedAt, TokenPair tokens) {}
