package dev.atrium.ordering.internal;

import dev.atrium.catalog.CatalogApi;
import dev.atrium.catalog.StockKey;
import dev.atrium.catalog.StockLevel;
import dev.atrium.catalog.StockLine;
import dev.atrium.ordering.CartChanged;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a batch of orders in one transaction: each order is placed whole or refused whole, and the answers go out
 * only after the commit.
 *
 * <p>Locks are always taken in the same order, so that batches (of any lane, on any replica) and single orders can
 * never deadlock: Idempotency-Keys by (user, key), then carts by user, then stock rows by (shop, product) through
 * {@link CatalogApi#lockStock}. Each phase only waits for locks of its own kind, taken in its own order.
 */
@Component
class OrderBatchWriter {

    private static final Log log = LogFactory.getLog(OrderBatchWriter.class);

    private final TransactionTemplate transactions;
    private final CatalogApi catalog;
    private final OrderRepository orders;
    private final OfferRepository offers;
    private final IdempotencyKeys keys;
    private final CartRepository carts;
    private final JsonMapper json;
    private final Clock clock;

    OrderBatchWriter(
            PlatformTransactionManager transactionManager,
            CatalogApi catalog,
            OrderRepository orders,
            OfferRepository offers,
            IdempotencyKeys keys,
            CartRepository carts,
            JsonMapper json,
            Clock clock) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.catalog = catalog;
        this.orders = orders;
        this.offers = offers;
        this.keys = keys;
        this.carts = carts;
        this.json = json;
        this.clock = clock;
    }

    /** What a batch decided for one of its orders, before the commit made it so. */
    private sealed interface Decision {
        record Place(Order order, @Nullable String response) implements Decision {}

        record Refuse(ProblemException problem) implements Decision {}

        /** Another transaction, now committed, holds the order's Idempotency-Key: its stored answer decides. */
        record Replay() implements Decision {}

        /** An earlier order of the same batch has the same Idempotency-Key. */
        record Follow(int index) implements Decision {}
    }

    /** Places or refuses every order of the batch and completes each one; never throws. */
    void write(List<PendingOrder> batch) {
        Decision[] decisions;
        boolean[] decided = {false};
        try {
            decisions = transactions.execute(status -> {
                Decision[] made = decide(batch);
                decided[0] = true;
                return made;
            });
        } catch (RuntimeException ex) {
            if (batch.size() > 1 && !decided[0]) {
                // Nothing was written: one bad order must not sink the others, so each is tried again on its own.
                log.warn("A batch of " + batch.size() + " orders failed (" + ex + "); placing them one by one");
                batch.forEach(order -> write(List.of(order)));
            } else {
                // A commit that failed may still have committed: trying again could place the orders twice, so the
                // callers learn that the outcome is unknown (an Idempotency-Key makes their retry safe).
                batch.forEach(order -> order.complete(new PendingOrder.Outcome.Failed(ex)));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).complete(outcome(batch, decisions, i));
        }
    }

    private PendingOrder.Outcome outcome(List<PendingOrder> batch, Decision[] decisions, int i) {
        PendingOrder order = batch.get(i);
        return switch (decisions[i]) {
            case Decision.Place place -> new PendingOrder.Outcome.Placed(place.order());
            case Decision.Refuse refuse -> new PendingOrder.Outcome.Refused(refuse.problem());
            case Decision.Replay replay -> OrderPlacement.replay(keys, order, clock.instant());
            case Decision.Follow follow -> {
                PendingOrder first = batch.get(follow.index());
                if (!first.key.requestHash().equals(order.key.requestHash())) {
                    yield new PendingOrder.Outcome.Refused(
                            dev.atrium.ordering.IdempotencyKeyReused.key(order.key.key()));
                }
                yield switch (decisions[follow.index()]) {
                    case Decision.Place place -> new PendingOrder.Outcome.Replayed(place.response());
                    case Decision.Refuse refuse -> new PendingOrder.Outcome.Refused(refuse.problem());
                    default -> OrderPlacement.replay(keys, order, clock.instant());
                };
            }
        };
    }

    private Decision[] decide(List<PendingOrder> batch) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Decision[] decisions = new Decision[batch.size()];

        // 1. Idempotency-Keys: the first order of the batch with a key claims it, the others follow it.
        Map<String, Integer> firstWithKey = new HashMap<>();
        List<IdempotencyKeys.Key> toClaim = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            IdempotencyKeys.Key key = batch.get(i).key;
            if (key == null) {
                continue;
            }
            Integer first = firstWithKey.putIfAbsent(key.userId() + "\n" + key.key(), i);
            if (first != null) {
                decisions[i] = new Decision.Follow(first);
            } else {
                toClaim.add(key);
            }
        }
        Set<IdempotencyKeys.Key> claimed = toClaim.isEmpty() ? Set.of() : keys.claim(toClaim, now);
        for (int i = 0; i < batch.size(); i++) {
            IdempotencyKeys.Key key = batch.get(i).key;
            if (decisions[i] == null && key != null && !claimed.contains(key)) {
                decisions[i] = new Decision.Replay();
            }
        }

        // 2. Checkouts: the cart must still hold what was read, or another checkout got there first.
        List<Integer> checkouts = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (decisions[i] == null && batch.get(i).cart != null) {
                checkouts.add(i);
            }
        }
        checkouts.sort(Comparator.comparingLong(i -> batch.get(i).userId));
        for (int i : checkouts) {
            PendingOrder order = batch.get(i);
            Optional<CartRepository.Cart> current = carts.lock(order.userId);
            if (current.isEmpty() || !sameItems(current.get(), order.cart)) {
                decisions[i] = new Decision.Refuse(CartChanged.create());
            }
        }

        // 3. Stock: lock every row the batch needs, then give each order in turn what is left.
        Set<StockKey> wanted = new LinkedHashSet<>();
        Set<Long> products = new LinkedHashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            if (decisions[i] == null) {
                for (PendingOrder.Part part : batch.get(i).parts) {
                    wanted.add(new StockKey(batch.get(i).shopId, part.productId()));
                    products.add(part.productId());
                }
            }
        }
        SortedMap<StockKey, StockLevel> levels = wanted.isEmpty() ? new TreeMap<>() : catalog.lockStock(wanted);
        List<Offer> inForce = products.isEmpty() ? List.of() : offers.inForce(now, products);
        Map<StockKey, Integer> left = new HashMap<>();
        levels.forEach((key, level) -> left.put(key, level.quantity()));
        List<Integer> accepted = new ArrayList<>();
        List<Pricing.PricedOrder> priced = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (decisions[i] != null) {
                continue;
            }
            PendingOrder order = batch.get(i);
            PartsRefused refusal = check(order, levels, left);
            if (refusal != null) {
                decisions[i] = new Decision.Refuse(refusal);
                continue;
            }
            List<Pricing.LineInput> lines = new ArrayList<>();
            for (PendingOrder.Part part : order.parts) {
                StockKey key = new StockKey(order.shopId, part.productId());
                left.merge(key, -part.quantity(), Integer::sum);
                StockLevel level = levels.get(key);
                lines.add(new Pricing.LineInput(part.productId(), level.productName(), part.quantity(), level.price()));
            }
            accepted.add(i);
            priced.add(Pricing.price(lines, inForce, now));
        }

        // 4. Write what was accepted: the stock decrement, the orders, their keys' answers, the emptied carts.
        if (!accepted.isEmpty()) {
            SortedMap<StockKey, Integer> taken = new TreeMap<>();
            for (int i : accepted) {
                for (PendingOrder.Part part : batch.get(i).parts) {
                    taken.merge(new StockKey(batch.get(i).shopId, part.productId()), part.quantity(), Integer::sum);
                }
            }
            List<StockLine> lines = new ArrayList<>();
            taken.forEach((key, quantity) -> lines.add(new StockLine(key.shopId(), key.productId(), quantity)));
            catalog.takeStock(lines);
            List<Long> ids = orders.allocateIds(accepted.size());
            List<Order> placed = new ArrayList<>();
            List<IdempotencyKeys.Key> answered = new ArrayList<>();
            List<Long> answeredOrders = new ArrayList<>();
            List<String> responses = new ArrayList<>();
            for (int a = 0; a < accepted.size(); a++) {
                int i = accepted.get(a);
                PendingOrder order = batch.get(i);
                Order view = Order.placed(ids.get(a), order.userId, order.shopId, order.shopName, priced.get(a), now);
                placed.add(view);
                String response = null;
                if (order.key != null) {
                    response = json.writeValueAsString(OrderView.of(view));
                    answered.add(order.key);
                    answeredOrders.add(view.id());
                    responses.add(response);
                }
                decisions[i] = new Decision.Place(view, response);
            }
            orders.insert(placed);
            if (!answered.isEmpty()) {
                keys.complete(answered, answeredOrders, responses);
            }
            for (int i : accepted) {
                PendingOrder order = batch.get(i);
                if (order.cart != null) {
                    carts.remove(
                            order.userId,
                            order.parts.stream()
                                    .map(PendingOrder.Part::productId)
                                    .toList());
                }
            }
        }
        List<IdempotencyKeys.Key> released = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            IdempotencyKeys.Key key = batch.get(i).key;
            if (decisions[i] instanceof Decision.Refuse && key != null && claimed.contains(key)) {
                released.add(key);
            }
        }
        if (!released.isEmpty()) {
            keys.release(released);
        }
        return decisions;
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
