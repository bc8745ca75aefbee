package dev.atrium.catalog;

/** One product in one shop: what a row of stock is about. Sorted by shop, then product: the order rows are locked in. */
public record StockKey(long shopId, long productId) implements Comparable<StockKey> {

    @Override
    public int compareTo(StockKey other) {
        int byShop = Long.compare(shopId, other.shopId);
        return byShop != 0 ? byShop : Long.compare(productId, other.productId);
    }
}
