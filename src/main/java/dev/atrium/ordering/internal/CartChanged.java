package dev.atrium.ordering.internal;

import dev.atrium.shared.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The cart changed (or was checked out) while it was being checked out; nothing was ordered this time. */
public final class CartChanged extends ProblemException {

    private CartChanged() {
        super(
                HttpStatus.CONFLICT,
                "cart-changed",
                "Cart changed",
                "The cart changed while it was being checked out, perhaps by another checkout; nothing was ordered. "
                        + "Look at the cart and check out again");
    }

    public static CartChanged create() {
        return new CartChanged();
    }
}
