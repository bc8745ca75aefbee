package dev.atrium.catalog.internal;

import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A product as a client or the admin panel describes it, not yet checked. */
public record ProductDraft(
        @Nullable String sku,
        @Nullable String name,
        @Nullable String description,
        @Nullable BigDecimal price,
        @Nullable Map<String, Object> attributes,
        @Nullable String author,
        @Nullable String isbn,
        @Nullable String publisher,
        @Nullable Integer year) {

    /** The draft that leaves a product as it is. */
    public static ProductDraft of(Product product) {
        return new ProductDraft(
                product.sku(),
                product.name(),
                product.description(),
                product.price(),
                product.attributes(),
                product.author(),
                product.isbn(),
                product.publisher(),
                product.year());
    }
}
