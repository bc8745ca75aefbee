package dev.atrium.ordering.internal;

import dev.atrium.account.AccountApi;
import dev.atrium.account.UserSummary;
import dev.atrium.catalog.CatalogApi;
import dev.atrium.catalog.ShopSummary;
import dev.atrium.shared.demo.DemoData;
import dev.atrium.shared.problem.ProblemException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A short order history for each demo customer (alice, bob and the demo user), so that {@code GET /api/my-orders}
 * shows something on a fresh system. The orders are placed as any order is, by {@link OrderPlacement}: the shop's
 * stock goes down by what they take and their lines carry the products' names and prices.
 *
 * <p>Placed once: a demo user who has any order already gets none (and when none needs any, nothing else is looked
 * at), and each demo order carries its own Idempotency-Key, so that two replicas seeding at the same moment place it
 * once.
 */
@Component
@Order(40)
class DemoOrders implements DemoData {

    /** A demo order: its user and, for each line, the index of a product among the candidates and a quantity. */
    record DemoOrder(String email, int[][] lines) {}

    static final List<DemoOrder> ORDERS = List.of(
            new DemoOrder("alice@atrium.dev", new int[][] {{0, 1}, {1, 2}}),
            new DemoOrder("alice@atrium.dev", new int[][] {{2, 1}}),
            new DemoOrder("bob@atrium.dev", new int[][] {{3, 1}, {4, 1}, {5, 1}}),
            new DemoOrder("bob@atrium.dev", new int[][] {{6, 2}}),
            new DemoOrder("demo@atrium.dev", new int[][] {{7, 1}}),
            new DemoOrder("demo@atrium.dev", new int[][] {{8, 1}, {9, 1}}));

    private static final int CANDIDATES = 10;

    private final OrderPlacement placement;
    private final OrderRepository orders;
    private final AccountApi accounts;
    private final CatalogApi catalog;
    private final JdbcClient jdbc;

    DemoOrders(
            OrderPlacement placement,
            OrderRepository orders,
            AccountApi accounts,
            CatalogApi catalog,
            JdbcClient jdbc) {
        this.placement = placement;
        this.orders = orders;
        this.accounts = accounts;
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    @Override
    public String load() {
        Map<String, Long> customers = customersWithoutOrders();
        if (customers.isEmpty()) {
            return "0 demo orders placed (the demo customers have orders already, or are not there)";
        }
        Optional<Long> shop = shop();
        List<Long> products = shop.map(this::candidates).orElse(List.of());
        if (shop.isEmpty() || products.size() < CANDIDATES) {
            return "0 demo orders placed (the demo catalogue is not there)";
        }
        int placed = 0;
        for (int i = 0; i < ORDERS.size(); i++) {
            DemoOrder order = ORDERS.get(i);
            Long user = customers.get(order.email());
            if (user == null) {
                continue;
            }
            List<OrderPlacement.RequestedPart> parts = new ArrayList<>();
            for (int[] line : order.lines()) {
                parts.add(new OrderPlacement.RequestedPart(products.get(line[0]), line[1]));
            }
            try {
                OrderPlacement.Answer answer = placement.place(user, shop.get(), parts, "demo-order-" + (i + 1));
                if (answer.order() != null) {
                    placed++;
                }
            } catch (ProblemException refused) {
                // Stock sold since (the refusal is logged): demo history is not worth failing a start for.
            }
        }
        return placed + " demo orders placed (" + ORDERS.size() + " in all)";
    }

    /** The demo customers who exist and have no order yet, by email: the ones demo orders are for. */
    private Map<String, Long> customersWithoutOrders() {
        Map<String, Long> customers = new HashMap<>();
        ORDERS.stream()
                .map(DemoOrder::email)
                .distinct()
                .forEach(email -> accounts.findUserByEmail(email)
                        .map(UserSummary::id)
                        .filter(id -> orders.countByUser(id) == 0)
                        .ifPresent(id -> customers.put(email, id)));
        return customers;
    }

    /**
     * The shop the demo orders come from: the default shop when it sells the demo catalogue (as on a fresh system),
     * else the oldest shop that does.
     */
    private Optional<Long> shop() {
        long preferred = catalog.defaultShop().map(ShopSummary::id).orElse(-1L);
        return jdbc.sql("""
                        SELECT s.shop_id FROM stock s JOIN products p ON p.id = s.product_id
                        WHERE p.sku LIKE 'DEMO-%' AND s.quantity >= 5
                        GROUP BY s.shop_id HAVING count(*) >= :candidates
                        ORDER BY s.shop_id = :preferred DESC, s.shop_id LIMIT 1""")
                .param("candidates", CANDIDATES)
                .param("preferred", preferred)
                .query(Long.class)
                .optional();
    }

    /**
     * The first demo products, by SKU, that the shop has a few of: always the same ones on a fresh system, away from
     * the products that carry the demo offers at the end of the catalogue.
     */
    private List<Long> candidates(long shop) {
        return jdbc.sql("""
                        SELECT p.id FROM products p JOIN stock s ON s.product_id = p.id
                        WHERE s.shop_id = :shop AND p.sku LIKE 'DEMO-%' AND s.quantity >= 5
                        ORDER BY p.sku LIMIT :limit""")
                .param("shop", shop)
                .param("limit", CANDIDATES)
                .query(Long.class)
                .list();
    }
}
