package dev.atrium.ordering.internal;

import dev.atrium.catalog.CatalogApi;
import dev.atrium.catalog.StockLine;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading orders (one's own; administrators any) and moving them along: created → paid → shipped, or cancelled. */
@Service
public class OrderService {

    private final OrderRepository orders;
    private final CatalogApi catalog;
    private final Clock clock;

    OrderService(OrderRepository orders, CatalogApi catalog, Clock clock) {
        this.orders = orders;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** An order its owner or an administrator may see; for anyone else it does not exist. */
    public Order get(CurrentUser user, long id) {
        return orders.find(id)
                .filter(order -> user.mayManage(order.userId()))
                .orElseThrow(() -> OrderNotFound.byId(id));
    }

    /** One's own orders, newest first. */
    public List<Order> mine(CurrentUser user, int limit, long offset) {
        return orders.byUser(user.id(), limit, offset);
    }

    public long countMine(CurrentUser user) {
        return orders.countByUser(user.id());
    }

    /** Every order (administrators only), newest first. */
    public List<Order> list(CurrentUser admin, OrderFilter filter, PageQuery page) {
        requireAdmin(admin);
        return orders.list(filter, page);
    }

    public long count(CurrentUser admin, OrderFilter filter) {
        requireAdmin(admin);
        return orders.count(filter);
    }

    /** How many orders were placed since that moment, for the admin dashboard. */
    public long countPlacedSince(Instant since) {
        return orders.countSince(since);
    }

    /** How many orders have that status, for the admin dashboard. */
    public long countWithStatus(OrderStatus status) {
        return orders.count(new OrderFilter(status, null, null));
    }

    public List<OrderStatusChange> history(CurrentUser admin, long id) {
        requireAdmin(admin);
        return orders.history(id);
    }

    /**
     * Moves an order to a new status (administrators only). Cancelling puts the order's quantities back into the
     * shop's stock, in the same transaction. Asking for the status the order already has changes nothing.
     *
     * @throws OrderStatusConflict for a move the order's status does not allow (a shipped order cannot be cancelled)
     */
    @Transactional
    public Order changeStatus(CurrentUser admin, long id, OrderStatus to) {
        requireAdmin(admin);
        Order order = orders.lock(id).orElseThrow(() -> OrderNotFound.byId(id));
        OrderStatus from = order.status();
        if (from == to) {
            return order;
        }
        if (!from.mayBecome(to)) {
            throw OrderStatusConflict.of(id, from.value(), to.value());
        }
        if (to == OrderStatus.CANCELLED) {
            catalog.returnStock(order.lines().stream()
                    .map(line -> new StockLine(order.shopId(), line.productId(), line.quantity()))
                    .toList());
        }
        orders.setStatus(id, from, to, admin.id(), clock.instant());
        return orders.find(id).orElseThrow();
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.isAdmin()) {
            throw ProblemException.forbidden("Only administrators may see every order or change an order's status");
        }
    }
}
