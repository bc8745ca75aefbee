package dev.atrium.ordering.internal;

import org.jspecify.annotations.Nullable;

/** Which orders an administrator's list shows; a null field keeps every order. */
public record OrderFilter(
        @Nullable OrderStatus status,
        @Nullable Long userId,
        @Nullable Long orderId) {}
