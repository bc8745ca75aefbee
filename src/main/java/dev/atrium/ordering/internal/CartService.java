package dev.atrium.ordering.internal;

import dev.atrium.catalog.CatalogApi;
import dev.atrium.catalog.ProductDeleted;
import dev.atrium.catalog.ProductInShop;
import dev.atrium.catalog.ShopSummary;
import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.problem.ProblemException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The basket: a user's cart, for one shop, kept in PostgreSQL until it is checked out as one order (by the same
 * rules as {@code POST /api/order}) or emptied. Stock is not reserved by a cart: it is taken when the order is placed.
 */
@Service
public class CartService {

    private final CartRepository carts;
    private final CatalogApi catalog;
    private final OrderPlacement placement;
    private final OfferRepository offers;
    private final Clock clock;

    CartService(
            CartRepository carts, CatalogApi catalog, OrderPlacement placement, OfferRepository offers, Clock clock) {
        this.carts = carts;
        this.catalog = catalog;
        this.placement = placement;
        this.offers = offers;
        this.clock = clock;
    }

    /** An item as a request gives it; no shop means the cart's shop, or else the default shop. */
    public record ItemRequest(
            long product, int quantity, @Nullable Long shop) {}

    /** The cart as the API shows it: each item priced as its shop sells it now, and what checking out would cost. */
    public record CartView(
            @Nullable Long shop,
            @Nullable String shopName,
            List<Item> items,
            BigDecimal subtotal,
            BigDecimal discount,
            BigDecimal total,
            OrderView.@Nullable OrderOffer orderOffer) {

        public record Item(
                long product,
                String productName,
                int quantity,
                long shop,
                boolean inAssortment,
                int available,
                @Nullable BigDecimal unitPrice,
                @Nullable BigDecimal discount,
                @Nullable BigDecimal lineTotal,
                Pricing.@Nullable AppliedOffer offer) {}
    }

    public CartView view(long userId) {
        return carts.find(userId).map(this::view).orElseGet(CartService::empty);
    }

    /** Makes the cart hold exactly these items; an empty list empties it. */
    @Transactional
    public CartView replace(long userId, List<ItemRequest> items) {
        carts.lock(userId);
        if (items.isEmpty()) {
            carts.replace(userId, 0, List.of(), clock.instant());
            return empty();
        }
        Long shopId = items.getFirst().shop();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 1; i < items.size(); i++) {
            Long shop = items.get(i).shop();
            if (shop != null && !shop.equals(shopId) || shop == null && shopId != null) {
                errors.add(new FieldError(
                        "items[" + i + "].shop", "every item of a cart must be from the same shop as items[0]"));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidRequest.of(errors);
        }
        ShopSummary shop = shopOf(shopId);
        placement.check(shop, parts(items), false);
        Instant now = clock.instant();
        carts.replace(
                userId,
                shop.id(),
                items.stream()
                        .map(item -> new CartRepository.Item(item.product(), item.quantity(), now))
                        .toList(),
                now);
        return view(userId);
    }

    /** Adds a quantity of a product (to what the cart already has of it). */
    @Transactional
    public CartView add(long userId, ItemRequest item) {
        Optional<CartRepository.Cart> cart = carts.lock(userId);
        Long shopId = item.shop();
        if (cart.isPresent()) {
            if (shopId != null && shopId != cart.get().shopId()) {
                throw ProblemException.conflict(
                                "cart-shop-mismatch",
                                "Cart is for another shop",
                                "The cart holds items of shop " + cart.get().shopId() + "; check it out or empty it "
                                        + "before filling it from shop " + shopId)
                        .with("cart_shop", cart.get().shopId());
            }
            shopId = cart.get().shopId();
        }
        boolean newItem = cart.map(
                        c -> c.items().stream().noneMatch(existing -> existing.productId() == item.product()))
                .orElse(true);
        if (newItem && cart.map(c -> c.items().size()).orElse(0) >= OrderPlacement.MAX_PARTS) {
            throw InvalidRequest.field(
                    "product", "the cart already holds " + OrderPlacement.MAX_PARTS + " products, as many as an order");
        }
        int already = cart.map(c -> c.items().stream()
                        .filter(existing -> existing.productId() == item.product())
                        .mapToInt(CartRepository.Item::quantity)
                        .sum())
                .orElse(0);
        if (item.quantity() < 1) {
            throw InvalidRequest.field("quantity", "must be at least 1");
        }
        long quantity = (long) already + item.quantity();
        if (quantity > OrderPlacement.MAX_QUANTITY) {
            throw InvalidRequest.field(
                    "quantity", "the cart would hold " + quantity + "; at most " + OrderPlacement.MAX_QUANTITY);
        }
        ShopSummary shop = shopOf(shopId);
        placement.check(shop, List.of(new OrderPlacement.RequestedPart(item.product(), (int) quantity)), false);
        carts.put(userId, shop.id(), item.product(), (int) quantity, clock.instant());
        return view(userId);
    }

    /** Takes a product out of the cart. */
    @Transactional
    public CartView remove(long userId, long productId) {
        carts.lock(userId);
        if (carts.remove(userId, List.of(productId)) == 0) {
            throw ProblemException.notFound("Product " + productId + " in the cart");
        }
        return view(userId);
    }

    /** Places the cart as one order, by the rules of {@code POST /api/order}; the items ordered leave the cart. */
    public OrderPlacement.Answer checkout(long userId, @Nullable String idempotencyKey) {
        return placement.checkout(userId, idempotencyKey);
    }

    @EventListener
    void productDeleted(ProductDeleted event) {
        carts.removeProductEverywhere(event.productId());
    }

    private CartView view(CartRepository.Cart cart) {
        Optional<ShopSummary> shop = catalog.findShop(cart.shopId());
        Map<Long, ProductInShop> found = catalog.inShop(
                cart.shopId(),
                cart.items().stream().map(CartRepository.Item::productId).toList());
        List<Pricing.LineInput> lines = new ArrayList<>();
        for (CartRepository.Item item : cart.items()) {
            ProductInShop product = found.get(item.productId());
            if (product != null && product.sold() && product.price() != null) {
                lines.add(new Pricing.LineInput(item.productId(), product.name(), item.quantity(), product.price()));
            }
        }
        Instant now = clock.instant();
        Pricing.PricedOrder priced = Pricing.price(
                lines,
                offers.inForce(
                        now, lines.stream().map(Pricing.LineInput::productId).toList()),
                now);
        List<CartView.Item> items = new ArrayList<>();
        for (CartRepository.Item item : cart.items()) {
            ProductInShop product = found.get(item.productId());
            Pricing.PricedLine line = priced.lines().stream()
                    .filter(l -> l.productId() == item.productId())
                    .findFirst()
                    .orElse(null);
            items.add(new CartView.Item(
                    item.productId(),
                    product == null ? "product " + item.productId() : product.name(),
                    item.quantity(),
                    cart.shopId(),
                    product != null && product.sold(),
                    product == null ? 0 : product.quantity(),
                    line == null ? null : line.unitPrice(),
                    line == null ? null : line.discount(),
                    line == null ? null : line.lineTotal(),
                    line == null ? null : line.offer()));
        }
        return new CartView(
                cart.shopId(),
                shop.map(ShopSummary::name).orElse(null),
                items,
                priced.subtotal(),
                priced.discount(),
                priced.total(),
                priced.orderOffer() == null
                        ? null
                        : new OrderView.OrderOffer(
                                priced.orderOffer().id(), priced.orderOffer().name(), priced.orderDiscount()));
    }

    private ShopSummary shopOf(@Nullable Long shopId) {
        return placement.shop(shopId);
    }

    private static List<OrderPlacement.RequestedPart> parts(List<ItemRequest> items) {
        return items.stream()
                .map(item -> new OrderPlacement.RequestedPart(item.product(), item.quantity()))
                .toList();
    }

    private static CartView empty() {
        BigDecimal zero = Pricing.cents(BigDecimal.ZERO);
        return new CartView(null, null, List.of(), zero, zero, zero, null);
    }
}
