package dev.atrium.ordering.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A change of an order's status, as recorded: from and to which status, by whom, when. */
public record OrderStatusChange(
        String from, String to, @Nullable Long changedBy, Instant changedAt) {}
