/**
 * The shop catalogue: products (books among them), shops, and the stock each shop holds of each product, with
 * search and filters. Other modules use {@link dev.atrium.catalog.CatalogApi}; ordering takes stock through it inside
 * its own transactions.
 */
@ApplicationModule(displayName = "Catalogue")
@NullMarked
package dev.atrium.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
