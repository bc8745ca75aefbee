package dev.atrium.catalog;

import dev.atrium.catalog.internal.Product;
import dev.atrium.catalog.internal.ProductService;
import dev.atrium.catalog.internal.ShopService;
import dev.atrium.catalog.internal.StockService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask of the catalogue: shops, how products stand in a shop, and taking stock.
 *
 * <p>Stock is taken inside the caller's transaction ({@link Propagation#MANDATORY}): an order's rows and its stock
 * decrement commit together or not at all. Rows are locked in (shop, product) order, whoever locks them, so that two
 * transactions taking stock can never deadlock; a transaction that locked rows with {@link #lockStock} may take from
 * them with {@link #takeStock} without waiting again.
 */
@Service
public class CatalogApi {

    private final ShopService shops;
    private final StockService stock;
    private final ProductService products;

    CatalogApi(ShopService shops, StockService stock, ProductService products) {
        this.shops = shops;
        this.stock = stock;
        this.products = products;
    }

    public Optional<ShopSummary> findShop(long id) {
        return shops.summary(id);
    }

    /** The shop that stands for every request naming none; empty when there is no shop at all. */
    public Optional<ShopSummary> defaultShop() {
        return shops.defaultSummary();
    }

    /** The names of the products of the list that exist, by id. */
    public Map<Long, String> productNames(Collection<Long> productIds) {
        Map<Long, String> names = new java.util.LinkedHashMap<>();
        for (Long id : new java.util.LinkedHashSet<>(productIds)) {
            products.find(id).ifPresent(product -> names.put(id, product.name()));
        }
        return names;
    }

    /** How each of the products stands in the shop, by product id; products that do not exist are left out. */
    public Map<Long, ProductInShop> inShop(long shopId, Collection<Long> productIds) {
        return stock.inShop(shopId, productIds);
    }

    /**
     * Locks the stock rows until the caller's transaction ends and returns them as they are now, by key. A key the
     * shop does not sell (or whose product or shop no longer exists) is left out.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SortedMap<StockKey, StockLevel> lockStock(Collection<StockKey> keys) {
        return stock.lock(keys);
    }

    /**
     * Takes the quantities from stock in the caller's transaction, all of them or none: lines for the same product and
     * shop add up.
     *
     * @throws NotEnoughStock naming every product short, the quantity asked and the quantity available (0 for a
     *     product the shop does not sell); the caller's transaction must then roll back, as it will when the exception
     *     leaves it
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void takeStock(Collection<StockLine> lines) {
        SortedMap<StockKey, Integer> wanted = new TreeMap<>();
        for (StockLine line : lines) {
            if (line.quantity() < 1) {
                throw new IllegalArgumentException("A quantity to take must be positive: " + line);
            }
            wanted.merge(line.key(), line.quantity(), Math::addExact);
        }
        SortedMap<StockKey, StockLevel> levels = stock.lock(wanted.keySet());
        List<NotEnoughStock.Shortage> shortages = new ArrayList<>();
        List<StockLine> taken = new ArrayList<>();
        wanted.forEach((key, quantity) -> {
            StockLevel level = levels.get(key);
            int available = level == null ? 0 : level.quantity();
            if (available < quantity) {
                String name = level != null
                        ? level.productName()
                        : products.find(key.productId()).map(Product::name).orElse("product " + key.productId());
                shortages.add(new NotEnoughStock.Shortage(key.shopId(), key.productId(), name, quantity, available));
            } else {
                taken.add(new StockLine(key.shopId(), key.productId(), quantity));
            }
        });
        if (!shortages.isEmpty()) {
            throw NotEnoughStock.of(shortages);
        }
        stock.decrement(taken);
    }

    /**
     * Puts quantities back in the caller's transaction (a cancelled order). A product the shop has stopped selling is
     * back in its assortment; a product or shop deleted since takes nothing back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void returnStock(Collection<StockLine> lines) {
        SortedMap<StockKey, Integer> returned = new TreeMap<>();
        lines.forEach(line -> returned.merge(line.key(), line.quantity(), Math::addExact));
        List<StockLine> merged = new ArrayList<>();
        returned.forEach((key, quantity) -> merged.add(new StockLine(key.shopId(), key.productId(), quantity)));
        stock.increment(merged);
    }
}
