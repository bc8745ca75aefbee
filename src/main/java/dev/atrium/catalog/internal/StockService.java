package dev.atrium.catalog.internal;

import dev.atrium.catalog.ProductInShop;
import dev.atrium.catalog.StockKey;
import dev.atrium.catalog.StockLevel;
import dev.atrium.catalog.StockLine;
import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stock levels and shop prices set by hand (administrators only), each change recorded with its reason. */
@Service
public class StockService {

    public static final int MAX_QUANTITY = 1_000_000_000;

    private final StockRepository stock;
    private final OrderStock orderStock;
    private final ShopRepository shops;
    private final ProductRepository products;
    private final CataloguePages pages;

    StockService(
            StockRepository stock,
            OrderStock orderStock,
            ShopRepository shops,
            ProductRepository products,
            CataloguePages pages) {
        this.pages = pages;
        this.stock = stock;
        this.orderStock = orderStock;
        this.shops = shops;
        this.products = products;
    }

    /**
     * Sets how many of a product a shop has, and the shop's own price (null: the list price). A product the shop did
     * not sell is added to its assortment.
     *
     * @param reason why, kept with the change; the admin panel requires one
     */
    @Transactional
    public StockEntry set(
            CurrentUser actor,
            long shopId,
            long productId,
            @Nullable Integer quantity,
            @Nullable BigDecimal price,
            @Nullable String reason) {
        Admins.require(actor);
        List<FieldError> errors = new ArrayList<>();
        if (quantity == null) {
            errors.add(new FieldError("quantity", "is required"));
        } else if (quantity < 0) {
            errors.add(new FieldError("quantity", "must not be negative"));
        } else if (quantity > MAX_QUANTITY) {
            errors.add(new FieldError("quantity", "must be at most " + MAX_QUANTITY));
        }
        BigDecimal shopPrice = price == null ? null : ProductRules.price(price, "price", errors);
        String why = reason == null ? "" : reason.strip();
        if (why.length() > 500) {
            errors.add(new FieldError("reason", "must be at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw InvalidRequest.of(errors);
        }
        if (!shops.exists(shopId)) {
            throw ShopNotFound.byId(shopId);
        }
        if (products.findById(productId).isEmpty()) {
            throw ProductNotFound.byId(productId);
        }
        pages.changed();
        return stock.set(shopId, productId, quantity, shopPrice, why, actor.id(), actor.email());
    }

    /** How every shop stands with the product, by shop id; empty when the product does not exist. */
    public List<ShopStock> availability(long productId) {
        return stock.availability(productId);
    }

    /** The latest changes made by hand in a shop, newest first. */
    public List<StockAdjustment> adjustments(long shopId, int limit) {
        return stock.adjustments(shopId, limit);
    }

    /** How each existing product of the list stands in the shop; products that do not exist are left out. */
    public Map<Long, ProductInShop> inShop(long shopId, Collection<Long> productIds) {
        return orderStock.inShop(shopId, productIds);
    }

    /**
     * Locks the stock rows in (shop, product) order until the caller's transaction ends; see
     * {@link dev.atrium.catalog.CatalogApi}.
     */
    public SortedMap<StockKey, StockLevel> lock(Collection<StockKey> keys) {
        return orderStock.lock(keys);
    }

    /** Takes the quantities from rows the caller's transaction has locked. */
    public void decrement(Collection<StockLine> lines) {
        orderStock.decrement(lines);
    }

    /** Puts quantities back in the caller's transaction (a cancelled order). */
    public void increment(Collection<StockLine> lines) {
        orderStock.increment(lines);
    }

    /** Takes a product out of a shop's assortment; the shop no longer sells it. */
    @Transactional
    public void remove(CurrentUser actor, long shopId, long productId) {
        Admins.require(actor);
        if (!shops.exists(shopId)) {
            throw ShopNotFound.byId(shopId);
        }
        if (!stock.remove(shopId, productId)) {
            throw ProblemException.notFound("Product " + productId + " in the assortment of shop " + shopId);
        }
        pages.changed();
    }
}
