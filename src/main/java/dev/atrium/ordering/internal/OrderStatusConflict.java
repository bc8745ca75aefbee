package dev.atrium.ordering.internal;

import dev.atrium.shared.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** An order cannot move from its status to the one asked: created → paid → shipped, and cancelled before shipping. */
public final class OrderStatusConflict extends ProblemException {

    private OrderStatusConflict(long id, String from, String to) {
        super(
                HttpStatus.CONFLICT,
                "order-status-conflict",
                "Order status conflict",
                "Order " + id + " is " + from + " and cannot become " + to);
        with("status", from);
        with("requested_status", to);
    }

    public static OrderStatusConflict of(long id, String from, String to) {
        return new OrderStatusConflict(id, from, to);
    }
}
