/**
 * Carts, orders and special offers. Orders never oversell: stock is taken through
 * {@link dev.atrium.catalog.CatalogApi} inside the order's own transaction, and orders for the same products are
 * combined into one transaction per batch. Nothing here is used by other modules.
 */
@ApplicationModule(displayName = "Ordering")
@NullMarked
package dev.atrium.ordering;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
