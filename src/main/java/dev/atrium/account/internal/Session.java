package dev.atrium.account.internal;

import java.time.Instant;
import java.util.Set;

/** An open session: what a signed-in client's tokens or cookie stand for. Kept in Redis, shared by every replica. */
public record Session(
        String id,
        long userId,
        String email,
        Set<String> roles,
        Instant createdAt,
        Instant lastSeenAt,
        String clientAddress,
        String userAgent) {}
