package dev.atrium.ordering.web;

import dev.atrium.catalog.NotEnoughStock;
import dev.atrium.ordering.internal.PartsRefused;
import dev.atrium.ordering.internal.PartsRefused.Reason;
import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.problem.ProblemException;
import java.util.List;
import java.util.function.Supplier;

/**
 * How a request writes its parts, so that a refusal names the fields the caller sent: {@code
 * parts[i].quantity_in_order} for an order, {@code items[i].quantity} for a cart, {@code quantity} alone for one item.
 */
enum PartNames {
    ORDER("parts", "quantity_in_order"),
    CART("items", "quantity"),
    SINGLE("", "quantity");

    private final String list;
    private final String quantity;

    PartNames(String list, String quantity) {
        this.list = list;
        this.quantity = quantity;
    }

    /** What the call answers; its refusal of parts, if it refuses them, with the fields named as this request does. */
    <T> T naming(Supplier<T> call) {
        try {
            return call.get();
        } catch (PartsRefused refused) {
            throw named(refused);
        }
    }

    ProblemException named(PartsRefused refused) {
        List<FieldError> errors = refused.reasons().stream().map(this::error).toList();
        if (refused.forWantOfStock()) {
            return NotEnoughStock.of(refused.reasons().stream()
                            .map(reason -> ((Reason.Short) reason).shortage())
                            .toList())
                    .with("errors", errors);
        }
        return InvalidRequest.of(errors);
    }

    private FieldError error(Reason reason) {
        return switch (reason) {
            case Reason.NoParts none -> new FieldError(list, "must not be empty");
            case Reason.TooManyParts many -> new FieldError(list, "must have at most " + many.max() + " entries");
            case Reason.Repeated repeated ->
                new FieldError(
                        product(repeated.position()),
                        "product " + repeated.productId() + " is already in " + list + "[" + repeated.firstPosition()
                                + "]; order it once with the whole quantity");
            case Reason.QuantityOutOfRange range ->
                new FieldError(quantity(range.position()), "must be between 1 and " + range.max());
            case Reason.UnknownProduct unknown ->
                new FieldError(product(unknown.position()), "no product has the id " + unknown.productId());
            case Reason.NotSold notSold ->
                new FieldError(
                        product(notSold.position()),
                        "product " + notSold.productId() + " is not sold by " + notSold.shopName());
            case Reason.Short shortage ->
                new FieldError(
                        quantity(shortage.position()),
                        shortage.shortage().requested() + " of "
                                + shortage.shortage().productName() + " (product "
                                + shortage.shortage().productId() + ") asked, "
                                + shortage.shortage().available() + " available");
        };
    }

    private String product(int position) {
        return list.isEmpty() ? "product" : list + "[" + position + "].product";
    }

    private String quantity(int position) {
        return list.isEmpty() ? quantity : list + "[" + position + "]." + quantity;
    }
}
