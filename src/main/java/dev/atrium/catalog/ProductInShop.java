package dev.atrium.catalog;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A product that exists, and whether and how a given shop sells it.
 *
 * @param sold whether the product is in the shop's assortment
 * @param price the price in that shop (its own, or the list price); null when the shop does not sell it
 * @param quantity how many the shop has (0 when it does not sell it)
 */
public record ProductInShop(
        long productId, String name, boolean sold, @Nullable BigDecimal price, int quantity) {}
