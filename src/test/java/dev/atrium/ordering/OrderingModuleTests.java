package dev.atrium.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.atrium.ModuleTestUsers;
import dev.atrium.catalog.CatalogApi;
import dev.atrium.catalog.CatalogFixtures;
import dev.atrium.catalog.ProductInShop;
import dev.atrium.ordering.internal.Order;
import dev.atrium.ordering.internal.OrderPlacement;
import dev.atrium.ordering.internal.OrderPlacement.RequestedPart;
import dev.atrium.ordering.internal.OrderService;
import dev.atrium.ordering.internal.PartsRefused;
import dev.atrium.shared.security.CurrentUser;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.ActiveProfiles;

/**
 * The ordering module's own rule, with the module and what it depends on (the catalogue among them) and nothing else:
 * an order is all or nothing. A refused order takes no stock from any of its parts and leaves no order behind; a placed
 * one takes exactly its quantities.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "storage")
@ActiveProfiles("test")
class OrderingModuleTests {

    @Autowired
    OrderPlacement placement;

    @Autowired
    OrderService orders;

    @Autowired
    CatalogApi catalog;

    @Autowired
    JdbcClient jdbc;

    CatalogFixtures fixtures;
    long shop;

    @BeforeEach
    void shop() {
        fixtures = new CatalogFixtures(jdbc);
        shop = fixtures.shop("Ordering rules");
    }

    @Test
    void an_order_short_of_one_part_is_refused_naming_it_and_takes_nothing_from_any_part() {
        CurrentUser buyer = ModuleTestUsers.user(jdbc);
        long pen = product("Pen", 10);
        long ink = product("Ink", 2);

        assertThatThrownBy(() -> place(buyer, new RequestedPart(pen, 4), new RequestedPart(ink, 3)))
                .isInstanceOfSatisfying(PartsRefused.class, refusal -> {
                    assertThat(refusal.forWantOfStock()).isTrue();
                    assertThat(refusal.reasons())
                            .singleElement()
                            .isInstanceOfSatisfying(PartsRefused.Reason.Short.class, part -> {
                                assertThat(part.position()).isEqualTo(1);
                                assertThat(part.shortage().productId()).isEqualTo(ink);
                                assertThat(part.shortage().requested()).isEqualTo(3);
                                assertThat(part.shortage().available()).isEqualTo(2);
                            });
                });

        assertThat(levels(pen, ink)).containsEntry(pen, 10).containsEntry(ink, 2);
        assertThat(orders.countMine(buyer)).isZero();
    }

    @Test
    void a_placed_order_takes_exactly_its_quantities() {
        CurrentUser buyer = ModuleTestUsers.user(jdbc);
        long pen = product("Pen", 10);
        long ink = product("Ink", 4);

        Order order = place(buyer, new RequestedPart(pen, 3), new RequestedPart(ink, 4));

        assertThat(order.shopId()).isEqualTo(shop);
        assertThat(order.lines())
                .extracting(Order.Line::productId, Order.Line::quantity)
                .containsExactly(tuple(pen, 3), tuple(ink, 4));
        assertThat(levels(pen, ink)).containsEntry(pen, 7).containsEntry(ink, 0);
        assertThat(orders.mine(buyer, 10, 0)).extracting(Order::id).containsExactly(order.id());
    }

    @Test
    void an_order_refused_for_an_unknown_product_takes_nothing_from_the_parts_in_stock() {
        CurrentUser buyer = ModuleTestUsers.user(jdbc);
        long pen = product("Pen", 10);
        long unknown = 987_654_321L;

        assertThatThrownBy(() -> place(buyer, new RequestedPart(pen, 1), new RequestedPart(unknown, 1)))
                .isInstanceOfSatisfying(
                        PartsRefused.class,
                        refusal -> assertThat(refusal.reasons())
                                .containsExactly(new PartsRefused.Reason.UnknownProduct(1, unknown)));

        assertThat(levels(pen)).containsEntry(pen, 10);
        assertThat(orders.countMine(buyer)).isZero();
    }

    /** Places the order as {@code POST /api/order} does, in the shop of the test, without an Idempotency-Key. */
    private Order place(CurrentUser buyer, RequestedPart... parts) {
        OrderPlacement.Answer answer = placement.place(buyer.id(), shop, List.of(parts), null);
        assertThat(answer.order()).as("a new order, not a replay").isNotNull();
        return answer.order();
    }

    private long product(String name, int quantity) {
        long id = fixtures.product(name + " " + CatalogFixtures.token(), "2.50");
        fixtures.stock(shop, id, quantity);
        return id;
    }

    /** How many of each product the shop has, as the catalogue tells the ordering module. */
    private Map<Long, Integer> levels(Long... products) {
        return catalog.inShop(shop, List.of(products)).values().stream()
                .collect(Collectors.toMap(ProductInShop::productId, ProductInShop::quantity));
    }
}
