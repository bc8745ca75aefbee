package dev.atrium.ordering.internal;

import dev.atrium.shared.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No order with this id that the caller may see: someone else's order is not found either. */
public final class OrderNotFound extends ProblemException {

    private OrderNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", "Order " + id + " does not exist");
        with("order", id);
    }

    public static OrderNotFound byId(long id) {
        return new OrderNotFound(id);
    }
}
