package dev.atrium.ordering.internal;

import dev.atrium.shared.problem.InvalidRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Where an order is: created → paid → shipped, or cancelled before it ships (which returns its stock). */
public enum OrderStatus {
    CREATED,
    PAID,
    SHIPPED,
    CANCELLED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean mayBecome(OrderStatus next) {
        return switch (this) {
            case CREATED -> Set.of(PAID, CANCELLED).contains(next);
            case PAID -> Set.of(SHIPPED, CANCELLED).contains(next);
            case SHIPPED, CANCELLED -> false;
        };
    }

    public static OrderStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The status a parameter or body names, or a 400 naming the field. */
    public static OrderStatus parse(@Nullable String value, String field) {
        if (value != null) {
            for (OrderStatus status : values()) {
                if (status.value().equals(value.strip())) {
                    return status;
                }
            }
        }
        throw InvalidRequest.field(
                field,
                "must be one of "
                        + Arrays.stream(values()).map(OrderStatus::value).collect(Collectors.joining(", ")));
    }
}
