package dev.atrium.ordering.internal;

import dev.atrium.catalog.NotEnoughStock;
import dev.atrium.shared.problem.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The parts of an order (or of a cart) break the order rules, or the shop has too few of some. Each reason names its
 * part by its position in the request (or the cart) and its product; the web layer, which knows how the request
 * wrote its parts, turns them into field names ({@code parts[1].quantity_in_order}) before anyone sees them.
 */
public final class PartsRefused extends ProblemException {

    /** One broken rule. A position counts the parts from 0, as the request or the cart lists them. */
    public sealed interface Reason {

        /** No parts at all. */
        record NoParts() implements Reason {}

        record TooManyParts(int max) implements Reason {}

        /** The product was already asked for at {@code firstPosition}. */
        record Repeated(int position, long productId, int firstPosition) implements Reason {}

        record QuantityOutOfRange(int position, long productId, int max) implements Reason {}

        record UnknownProduct(int position, long productId) implements Reason {}

        record NotSold(int position, long productId, String shopName) implements Reason {}

        /** The shop has fewer than asked. */
        record Short(int position, NotEnoughStock.Shortage shortage) implements Reason {}
    }

    private final List<Reason> reasons;

    private PartsRefused(String type, String title, List<Reason> reasons) {
        super(HttpStatus.BAD_REQUEST, type, title, reasons.size() + " parts refused");
        this.reasons = List.copyOf(reasons);
    }

    /** Refused for the reasons given, all of them shortages or none. */
    public static PartsRefused of(List<? extends Reason> reasons) {
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("A refusal for no reason");
        }
        return reasons.getFirst() instanceof Reason.Short
                ? new PartsRefused("not-enough-stock", "Not enough stock", List.copyOf(reasons))
                : new PartsRefused("invalid-request", "Invalid request", List.copyOf(reasons));
    }

    public static PartsRefused of(Reason reason) {
        return of(List.of(reason));
    }

    public List<Reason> reasons() {
        return reasons;
    }

    /** Whether the refusal is for want of stock (every reason a {@link Reason.Short}). */
    public boolean forWantOfStock() {
        return reasons.getFirst() instanceof Reason.Short;
    }
}
