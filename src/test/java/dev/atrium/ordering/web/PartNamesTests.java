package dev.atrium.ordering.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.catalog.NotEnoughStock;
import dev.atrium.ordering.internal.PartsRefused;
import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A refusal of parts names the fields as the request wrote them: an order's parts, a cart's items, one item. */
class PartNamesTests {

    static final PartsRefused.Reason.Short PEN_SHORT =
            new PartsRefused.Reason.Short(1, new NotEnoughStock.Shortage(7, 42, "Pen", 3, 2));

    @Test
    void an_order_short_of_stock_names_the_parts_quantity_in_order() {
        ProblemException problem = PartNames.ORDER.named(refusal(PEN_SHORT));

        assertThat(problem).isInstanceOf(NotEnoughStock.class);
        assertThat(problem.getBody().getProperties())
                .containsEntry("product", 42L)
                .containsEntry("requested", 3)
                .containsEntry("available", 2)
                .containsEntry(
                        "errors",
                        List.of(new FieldError(
                                "parts[1].quantity_in_order", "3 of Pen (product 42) asked, 2 available")));
    }

    @Test
    void a_checkout_short_of_stock_names_the_carts_item() {
        assertThat(PartNames.CART.named(refusal(PEN_SHORT)).getBody().getProperties())
                .containsEntry(
                        "errors",
                        List.of(new FieldError("items[1].quantity", "3 of Pen (product 42) asked, 2 available")));
    }

    @Test
    void a_product_asked_twice_names_where_it_was_first() {
        ProblemException problem = PartNames.ORDER.named(refusal(new PartsRefused.Reason.Repeated(2, 42, 0)));

        assertThat(problem.getBody().getProperties())
                .containsEntry(
                        "errors",
                        List.of(new FieldError(
                                "parts[2].product",
                                "product 42 is already in parts[0]; order it once with the whole quantity")));
    }

    @Test
    void one_item_on_its_own_is_named_without_a_list() {
        ProblemException problem = PartNames.SINGLE.named(refusal(new PartsRefused.Reason.NotSold(0, 42, "Harbour")));

        assertThat(problem.getBody().getProperties())
                .containsEntry("errors", List.of(new FieldError("product", "product 42 is not sold by Harbour")));
    }

    @Test
    void other_problems_pass_through_unchanged() {
        ProblemException other = ProblemException.notFound("Order 1");

        assertThatThrownBy(() -> PartNames.ORDER.naming(() -> {
                    throw other;
                }))
                .isSameAs(other);
    }

    private static PartsRefused refusal(PartsRefused.Reason reason) {
        return PartsRefused.of(reason);
    }
}
