package dev.atrium.ar.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * An app token of a project: a row of {@code app_tokens} and the signed JWT an application sends as
 * {@code Authorization: Bearer <token>}.
 */
public record AppToken(UUID id, long projectId, String token, Instant createdAt, Instant expiresAt) {}
