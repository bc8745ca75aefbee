package dev.atrium.catalog.internal;

import dev.atrium.catalog.ProductNotFound;
import dev.atrium.catalog.ShopNotFound;
import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.InvalidRequest;
import dev.atrium.shared.problem.ProblemException;
import dev.atrium.shared.security.CurrentUser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stock levels and shop prices set by hand (administrators only), each change recorded with its reason. */
@Service
public class StockService {

    public static final int MAX_QUANTITY = 1_000_000_000;

    private final StockRepository stock;
    private final ShopRepository shops;
    private final ProductRepository products;

    StockService(StockRepository stock, ShopRepository shops, ProductRepository products) {
        this.stock = stock;
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
    public StockRepository.Entry set(
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
        return stock.set(shopId, productId, quantity, shopPrice, why, actor.id(), actor.email());
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
    }
}
