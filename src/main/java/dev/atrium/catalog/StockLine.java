package dev.atrium.catalog;

/** A quantity of one product in one shop, to take from its stock or to put back. */
public record StockLine(long shopId, long productId, int quantity) {

    public StockKey key() {
        return new StockKey(shopId, productId);
    }
}
