package dev.atrium.ordering.internal;

import dev.atrium.catalog.CatalogApi;
import dev.atrium.catalog.ProductInShop;
import dev.atrium.catalog.ShopSummary;
import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.problem.ProblemException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Places orders ({@code POST /api/order} and cart checkouts) and prices them without placing them ({@code POST
 * /api/order/quote}). Everything that can be checked without locks is checked here, so that a doomed order is refused
 * at once; the rest is decided under the stock rows' locks by {@link OrderBatchWriter}.
 */
@Service
public class OrderPlacement {

    public static final int MAX_PARTS = 100;
    public static final int MAX_QUANTITY = 1_000_000;

    private static final Logger log = LoggerFactory.getLogger(OrderPlacement.class);

    private final CatalogApi catalog;
    private final OrderDesk desk;
    private final OfferRepository offers;
    private final IdempotencyKeyRepository keys;
    private final CartRepository carts;
    private final Clock clock;

    OrderPlacement(
            CatalogApi catalog,
            OrderDesk desk,
            OfferRepository offers,
            IdempotencyKeyRepository keys,
            CartRepository carts,
            Clock clock) {
        this.catalog = catalog;
        this.desk = desk;
        this.offers = offers;
        this.keys = keys;
        this.carts = carts;
        this.clock = clock;
    }

    /** A part of an order as the request gives it. */
    public record RequestedPart(long product, int quantity) {}

    /**
     * What placing answered: a new order, or the first answer of an Idempotency-Key (the stored JSON).
     *
     * @param order the order placed now; null for a replay
     * @param replayed the stored answer being replayed; null for a new order
     */
    public record Answer(@Nullable Order order, @Nullable String replayed) {}

    /**
     * Places an order, all of it or nothing.
     *
     * @param shopId the shop named by the request; null for the default shop
     * @param idempotencyKey the request's Idempotency-Key, if it sent one
     */
    public Answer place(
            long userId, @Nullable Long shopId, List<RequestedPart> parts, @Nullable String idempotencyKey) {
        return logged(userId, () -> {
            IdempotencyKeyRepository.Key key = keys.of(userId, idempotencyKey, fingerprint(shopId, parts));
            Optional<String> answered = keys.answered(key, clock.instant());
            if (answered.isPresent()) {
                return new Answer(null, answered.get());
            }
            return place(userId, shopId, parts, key, null);
        });
    }

    /** Places the user's cart as one order, by the same rules; the items ordered leave the cart. */
    Answer checkout(long userId, @Nullable String idempotencyKey) {
        return logged(userId, () -> {
            IdempotencyKeyRepository.Key key = keys.of(userId, idempotencyKey, CHECKOUT);
            // The cart may be empty because this very key checked it out: then the first answer is the answer.
            Optional<String> answered = keys.answered(key, clock.instant());
            if (answered.isPresent()) {
                return new Answer(null, answered.get());
            }
            CartRepository.Cart cart =
                    carts.find(userId).orElseThrow(() -> InvalidRequest.field("items", "the cart is empty"));
            List<RequestedPart> parts = cart.items().stream()
                    .map(item -> new RequestedPart(item.productId(), item.quantity()))
                    .toList();
            return place(userId, cart.shopId(), parts, key, cart);
        });
    }

    /**
     * Checks what can be checked without locks, then queues the order at the desk. A key answered since it was looked
     * up is still replayed, under the key's lock, by {@link OrderBatchWriter}.
     */
    private Answer place(
            long userId,
            @Nullable Long shopId,
            List<RequestedPart> parts,
            IdempotencyKeyRepository.@Nullable Key key,
            CartRepository.@Nullable Cart cart) {
        ShopSummary shop = shop(shopId);
        check(shop, parts, true);
        PendingOrder order = new PendingOrder(userId, shop.id(), shop.name(), positioned(parts), key, cart);
        return switch (desk.place(order)) {
            case PendingOrder.Outcome.Placed placed -> new Answer(placed.order(), null);
            case PendingOrder.Outcome.Replayed replayed -> new Answer(null, replayed.response());
            case PendingOrder.Outcome.Refused refused -> throw refused.problem();
            case PendingOrder.Outcome.Failed failed -> throw failed.error();
        };
    }

    /** Logs what became of an order, the one place where placed and refused orders (checkouts too) are logged. */
    private static Answer logged(long userId, Supplier<Answer> placing) {
        Answer answer;
        try {
            answer = placing.get();
        } catch (ProblemException refusal) {
            // The reason in a word: the problem's type, e.g. not-enough-stock.
            String type = String.valueOf(refusal.getBody().getType());
            String reason = type.substring(type.lastIndexOf('/') + 1);
            log.atInfo()
                    .addKeyValue("event", "order-refused")
                    .addKeyValue("user_id", userId)
                    .addKeyValue("reason", reason)
                    .log("Order refused: " + reason + " user=" + userId);
            throw refusal;
        }
        Order order = answer.order();
        if (order != null) {
            log.atInfo()
                    .addKeyValue("event", "order-placed")
                    .addKeyValue("order_id", order.id())
                    .addKeyValue("user_id", order.userId())
                    .addKeyValue("lines", order.lines().size())
                    .log("Order placed: order=" + order.id() + " user=" + order.userId() + " lines="
                            + order.lines().size());
        }
        return answer;
    }

    /** What the order would cost if it were placed now, by the same rules, changing nothing. */
    public QuoteView quote(@Nullable Long shopId, List<RequestedPart> parts) {
        ShopSummary shop = shop(shopId);
        Map<Long, ProductInShop> found = check(shop, parts, true);
        List<Pricing.LineInput> lines = new ArrayList<>();
        for (RequestedPart part : parts) {
            ProductInShop product = found.get(part.product());
            if (product != null && product.sold() && product.price() != null) {
                lines.add(new Pricing.LineInput(part.product(), product.name(), part.quantity(), product.price()));
            }
        }
        var now = clock.instant();
        List<Offer> inForce = offers.inForce(
                now, lines.stream().map(Pricing.LineInput::productId).toList());
        return QuoteView.of(shop.id(), shop.name(), Pricing.price(lines, inForce, now));
    }

    /** The shop the order is for: the one named (which must exist), or the default shop. */
    ShopSummary shop(@Nullable Long shopId) {
        if (shopId != null) {
            return catalog.findShop(shopId)
                    .orElseThrow(() -> InvalidRequest.field("shop", "no shop has the id " + shopId));
        }
        return catalog.defaultShop()
                .orElseThrow(() -> InvalidRequest.field("shop", "there is no shop to order from yet"));
    }

    /**
     * Checks the parts against the rules and the catalogue as it is now: every part names a product that exists and
     * that the shop sells, no product twice, and (when strict) enough stock for each, as far as can be seen without a
     * lock. Every broken rule is reported at once, each naming its part.
     */
    Map<Long, ProductInShop> check(ShopSummary shop, List<RequestedPart> parts, boolean strict) {
        if (parts.isEmpty()) {
            throw PartsRefused.of(new PartsRefused.Reason.NoParts());
        }
        if (parts.size() > MAX_PARTS) {
            throw PartsRefused.of(new PartsRefused.Reason.TooManyParts(MAX_PARTS));
        }
        List<PartsRefused.Reason> broken = new ArrayList<>();
        Map<Long, Integer> firstPosition = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            RequestedPart part = parts.get(i);
            Integer first = firstPosition.putIfAbsent(part.product(), i);
            if (first != null) {
                broken.add(new PartsRefused.Reason.Repeated(i, part.product(), first));
            }
            if (part.quantity() < 1 || part.quantity() > MAX_QUANTITY) {
                broken.add(new PartsRefused.Reason.QuantityOutOfRange(i, part.product(), MAX_QUANTITY));
            }
        }
        if (!broken.isEmpty()) {
            throw PartsRefused.of(broken);
        }
        Map<Long, ProductInShop> found = catalog.inShop(shop.id(), firstPosition.keySet());
        for (int i = 0; i < parts.size(); i++) {
            ProductInShop product = found.get(parts.get(i).product());
            if (product == null) {
                broken.add(
                        new PartsRefused.Reason.UnknownProduct(i, parts.get(i).product()));
            } else if (!product.sold()) {
                broken.add(new PartsRefused.Reason.NotSold(i, parts.get(i).product(), shop.name()));
            }
        }
        if (!broken.isEmpty()) {
            throw PartsRefused.of(broken);
        }
        if (strict) {
            PartsRefused shortOfStock = StockCheck.refusal(shop.id(), positioned(parts), part -> {
                ProductInShop product = found.get(part.productId());
                return new StockCheck.Stock(product.name(), product.quantity());
            });
            if (shortOfStock != null) {
                throw shortOfStock;
            }
        }
        return found;
    }

    /** The parts, each with its position in the request. */
    private static List<PendingOrder.Part> positioned(List<RequestedPart> parts) {
        List<PendingOrder.Part> positioned = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            positioned.add(
                    new PendingOrder.Part(parts.get(i).product(), parts.get(i).quantity(), i));
        }
        return positioned;
    }

    static final String CHECKOUT = "POST /api/cart/checkout";

    /** What identifies an order for its Idempotency-Key: the endpoint, the shop asked for and the parts in order. */
    static String fingerprint(@Nullable Long shopId, List<RequestedPart> parts) {
        StringBuilder text =
                new StringBuilder("POST /api/order").append("\nshop=").append(shopId);
        parts.forEach(
                part -> text.append('\n').append(part.product()).append('x').append(part.quantity()));
        return text.toString();
    }
}
