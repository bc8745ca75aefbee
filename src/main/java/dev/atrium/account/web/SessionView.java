package dev.atrium.account.web;

import java.time.Instant;

/** One of one's open sessions, as GET /api/sessions lists them. */
record SessionView(
        String id, Instant createdAt, Instant lastSeenAt, String clientAddress, String userAgent, boolean current) {}
