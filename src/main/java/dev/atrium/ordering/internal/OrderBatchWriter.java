package dev.atrium.ordering.internal;

import dev.atrium.catalog.CatalogApi;
import dev.atrium.catalog.StockKey;
import dev.atrium.catalog.StockLevel;
import dev.atrium.catalog.StockLine;
import dev.atrium.shared.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides and writes a batch of orders in one transaction: each order is placed whole or refused whole, and the
 * answers go out only after the commit. It calls only what is below it: the catalogue, the repositories and
 * {@link IdempotencyKeyRepository}.
 *
 * <p>Locks are always taken in the same order, so that batches (of any lane, on any replica) and single orders can
 * never deadlock: Idempotency-Keys by (user, key), then carts by user, then stock rows by (shop, product) through
 * {@link CatalogApi#lockStock}. Each step only waits for locks of its own kind, taken in its own order.
 */
@Component
class OrderBatchWriter {

    private static final Log log = LogFactory.getLog(OrderBatchWriter.class);

    private final TransactionTemplate transactions;
    private final CatalogApi catalog;
    private final OrderRepository orders;
    private final OfferRepository offers;
    private final IdempotencyKeyRepository keys;
    private final CartRepository carts;
    private final Clock clock;

    OrderBatchWriter(
            PlatformTransactionManager transactionManager,
            CatalogApi catalog,
            OrderRepository orders,
            OfferRepository offers,
            IdempotencyKeyRepository keys,
            CartRepository carts,
            Clock clock) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.catalog = catalog;
        this.orders = orders;
        this.offers = offers;
        this.keys = keys;
        this.carts = carts;
        this.clock = clock;
    }

    /** What a batch decided for one of its orders, before the commit made it so. */
    private sealed interface Decision {
        record Place(Order order, @Nullable String answer) implements Decision {}

        record Refuse(ProblemException problem) implements Decision {}

        /** Another transaction, now committed, holds the order's Idempotency-Key: its stored answer decides. */
        record Replay() implements Decision {}

        /** An earlier order of the same batch has the same Idempotency-Key: its outcome decides. */
        record Follow(int leader) implements Decision {}
    }

    /**
     * A batch being decided: its orders and, in the same places, what has been decided for each so far (null for an
     * order still open).
     */
    private record Batch(
            List<PendingOrder> orders, @Nullable Decision[] decisions, Instant now) {

        Batch(List<PendingOrder> orders, Instant now) {
            this(orders, new Decision[orders.size()], now);
        }

        /** The places of the orders nothing has been decided for yet. */
        List<Integer> open() {
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < orders.size(); i++) {
                if (decisions[i] == null) {
                    open.add(i);
                }
            }
            return open;
        }
    }

    /** Places or refuses every order of the batch and completes each one; never throws. */
    void write(List<PendingOrder> orders) {
        Batch batch = new Batch(orders, clock.instant().truncatedTo(ChronoUnit.MICROS));
        boolean[] decided = {false};
        try {
            transactions.executeWithoutResult(status -> {
                decide(batch);
                decided[0] = true;
            });
        } catch (RuntimeException ex) {
            if (orders.size() > 1 && !decided[0]) {
                // Nothing was written: one bad order must not sink the others, so each is tried again on its own.
                log.warn("A batch of " + orders.size() + " orders failed (" + ex + "); placing them one by one");
                orders.forEach(order -> write(List.of(order)));
            } else {
                // A commit that failed may still have committed: trying again could place the orders twice, so the
                // callers learn that the outcome is unknown (an Idempotency-Key makes their retry safe).
                orders.forEach(order -> order.complete(new PendingOrder.Outcome.Failed(ex)));
            }
            return;
        }
        complete(batch);
    }

    /**
     * Decides every order of the batch, in one transaction. Each step takes only locks of its own kind, in its own
     * order: Idempotency-Keys by (user, key), then carts by user, then stock rows by (shop, product).
     */
    private void decide(Batch batch) {
        IdempotencyKeyRepository.Claims claims = claimKeys(batch);
        refuseChangedCarts(batch);
        List<Pricing.PricedOrder> priced = allotStock(batch);
        writePlaced(batch, priced);
        keys.release(claims, refusedKeys(batch));
    }

    /** The first order of the batch with a key claims it, the others follow it; a key taken already is replayed. */
    private IdempotencyKeyRepository.Claims claimKeys(Batch batch) {
        List<IdempotencyKeyRepository.@Nullable Key> wanted =
                batch.orders().stream().map(order -> order.key).toList();
        IdempotencyKeyRepository.Claims claims = keys.claim(wanted, batch.now());
        for (int i = 0; i < wanted.size(); i++) {
            Integer leader = claims.leader(i);
            IdempotencyKeyRepository.Key key = wanted.get(i);
            if (leader != null) {
                batch.decisions()[i] = new Decision.Follow(leader);
            } else if (key != null && !claims.claimed(key)) {
                batch.decisions()[i] = new Decision.Replay();
            }
        }
        return claims;
    }

    /** A checkout's cart must still hold what was read, or another checkout got there first. */
    private void refuseChangedCarts(Batch batch) {
        List<Integer> checkouts = new ArrayList<>();
        for (int i : batch.open()) {
            if (batch.orders().get(i).cart != null) {
                checkouts.add(i);
            }
        }
        checkouts.sort(Comparator.comparingLong(i -> batch.orders().get(i).userId));
        for (int i : checkouts) {
            PendingOrder order = batch.orders().get(i);
            Optional<CartRepository.Cart> current = carts.lock(order.userId);
            if (current.isEmpty() || !sameItems(current.get(), order.cart)) {
                batch.decisions()[i] = new Decision.Refuse(CartChanged.create());
            }
        }
    }

    /**
     * Locks every stock row the batch needs, then gives each order in turn what is left, refusing those it cannot
     * supply.
     *
     * @return the prices of the orders supplied, in the batch's order
     */
    private List<Pricing.PricedOrder> allotStock(Batch batch) {
        Set<StockKey> wanted = new LinkedHashSet<>();
        Set<Long> products = new LinkedHashSet<>();
        for (int i : batch.open()) {
            PendingOrder order = batch.orders().get(i);
            for (PendingOrder.Part part : order.parts) {
                wanted.add(new StockKey(order.shopId, part.productId()));
                products.add(part.productId());
            }
        }
        SortedMap<StockKey, StockLevel> levels = wanted.isEmpty() ? new TreeMap<>() : catalog.lockStock(wanted);
        List<Offer> inForce = products.isEmpty() ? List.of() : offers.inForce(batch.now(), products);
        Map<StockKey, Integer> left = new HashMap<>();
        levels.forEach((key, level) -> left.put(key, level.quantity()));
        List<Pricing.PricedOrder> priced = new ArrayList<>();
        for (int i : batch.open()) {
            PendingOrder order = batch.orders().get(i);
            PartsRefused refusal = check(order, levels, left);
            if (refusal != null) {
                batch.decisions()[i] = new Decision.Refuse(refusal);
                continue;
            }
            List<Pricing.LineInput> lines = new ArrayList<>();
            for (PendingOrder.Part part : order.parts) {
                StockKey key = new StockKey(order.shopId, part.productId());
                left.merge(key, -part.quantity(), Integer::sum);
                StockLevel level = levels.get(key);
                lines.add(new Pricing.LineInput(part.productId(), level.productName(), part.quantity(), level.price()));
            }
            priced.add(Pricing.price(lines, inForce, batch.now()));
        }
        return priced;
    }

    /**
     * Writes the orders still open, which the stock supplied: the stock decrement, the orders, their keys' answers,
     * the emptied carts.
     */
    private void writePlaced(Batch batch, List<Pricing.PricedOrder> priced) {
        List<Integer> accepted = batch.open();
        if (accepted.isEmpty()) {
            return;
        }
        SortedMap<StockKey, Integer> taken = new TreeMap<>();
        for (int i : accepted) {
            PendingOrder order = batch.orders().get(i);
            order.parts.forEach(
                    part -> taken.merge(new StockKey(order.shopId, part.productId()), part.quantity(), Integer::sum));
        }
        List<StockLine> lines = new ArrayList<>();
        taken.forEach((key, quantity) -> lines.add(new StockLine(key.shopId(), key.productId(), quantity)));
        catalog.takeStock(lines);
        List<Long> ids = orders.allocateIds(accepted.size());
        List<Order> placed = new ArrayList<>();
        List<IdempotencyKeyRepository.Key> answeredKeys = new ArrayList<>();
        List<Order> answeredOrders = new ArrayList<>();
        for (int a = 0; a < accepted.size(); a++) {
            PendingOrder pending = batch.orders().get(accepted.get(a));
            Order order = Order.placed(
                    ids.get(a), pending.userId, pending.shopId, pending.shopName, priced.get(a), batch.now());
            placed.add(order);
            if (pending.key != null) {
                answeredKeys.add(pending.key);
                answeredOrders.add(order);
            }
        }
        orders.insert(placed);
        List<String> answers = answeredKeys.isEmpty() ? List.of() : keys.complete(answeredKeys, answeredOrders);
        int answer = 0;
        for (int a = 0; a < accepted.size(); a++) {
            int i = accepted.get(a);
            PendingOrder pending = batch.orders().get(i);
            batch.decisions()[i] =
                    new Decision.Place(placed.get(a), pending.key == null ? null : answers.get(answer++));
            if (pending.cart != null) {
                carts.remove(
                        pending.userId,
                        pending.parts.stream().map(PendingOrder.Part::productId).toList());
            }
        }
    }

    /** The keys of the orders refused. */
    private static List<IdempotencyKeyRepository.Key> refusedKeys(Batch batch) {
        List<IdempotencyKeyRepository.Key> refused = new ArrayList<>();
        for (int i = 0; i < batch.orders().size(); i++) {
            IdempotencyKeyRepository.Key key = batch.orders().get(i).key;
            if (batch.decisions()[i] instanceof Decision.Refuse && key != null) {
                refused.add(key);
            }
        }
        return refused;
    }

    /** Tells each order of the committed batch what became of it; an order following another learns after it. */
    private void complete(Batch batch) {
        PendingOrder.Outcome[] outcomes =
                new PendingOrder.Outcome[batch.orders().size()];
        for (int i = 0; i < outcomes.length; i++) {
            PendingOrder order = batch.orders().get(i);
            outcomes[i] = switch (batch.decisions()[i]) {
                case Decision.Place place -> new PendingOrder.Outcome.Placed(place.order(), place.answer());
                case Decision.Refuse refuse -> new PendingOrder.Outcome.Refused(refuse.problem());
                case Decision.Replay replay -> keys.replay(order.key, clock.instant());
                case Decision.Follow follow ->
                    keys.follow(order.key, batch.orders().get(follow.leader()).key, outcomes[follow.leader()]);
                case null -> throw new IllegalStateException("An order of the batch was left undecided");
            };
            order.complete(outcomes[i]);
        }
    }

    /** Why the order cannot be placed with what is left of the locked stock, or null when it can. */
    private static @Nullable PartsRefused check(
            PendingOrder order, Map<StockKey, StockLevel> levels, Map<StockKey, Integer> left) {
        List<PartsRefused.Reason> notSold = new ArrayList<>();
        for (PendingOrder.Part part : order.parts) {
            if (!levels.containsKey(new StockKey(order.shopId, part.productId()))) {
                notSold.add(new PartsRefused.Reason.NotSold(part.position(), part.productId(), order.shopName));
            }
        }
        if (!notSold.isEmpty()) {
            return PartsRefused.of(notSold);
        }
        return StockCheck.refusal(order.shopId, order.parts, part -> {
            StockKey key = new StockKey(order.shopId, part.productId());
            return new StockCheck.Stock(levels.get(key).productName(), left.getOrDefault(key, 0));
        });
    }

    private static boolean sameItems(CartRepository.Cart now, CartRepository.Cart read) {
        if (now.shopId() != read.shopId() || now.items().size() != read.items().size()) {
            return false;
        }
        Map<Long, Integer> quantities = new HashMap<>();
        now.items().forEach(item -> quantities.put(item.productId(), item.quantity()));
        return read.items().stream()
                .allMatch(item -> Integer.valueOf(item.quantity()).equals(quantities.get(item.productId())));
    }
}
