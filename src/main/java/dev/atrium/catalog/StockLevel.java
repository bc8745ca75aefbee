package dev.atrium.catalog;

import java.math.BigDecimal;

/**
 * A product as one shop sells it, at the time it was read.
 *
 * @param productName the product's name, which an order keeps even after the product is deleted
 * @param price the price in this shop: the shop's own price, or else the product's list price
 * @param quantity how many the shop has
 */
public record StockLevel(long shopId, long productId, String productName, BigDecimal price, int quantity) {

    public StockKey key() {
        return new StockKey(shopId, productId);
    }
}
