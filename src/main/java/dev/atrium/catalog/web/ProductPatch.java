package dev.atrium.catalog.web;

import dev.atrium.catalog.internal.Product;
import dev.atrium.catalog.internal.ProductDraft;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A change to a product: the fields sent are changed, the others kept; {@code null} clears an optional field. (A class
 * with setters rather than a record, because a record cannot tell a field left out from a field sent as null.)
 */
@Schema(description = "Any of the fields of a product; those left out are kept, null clears an optional one")
final class ProductPatch {

    private final Set<String> sent = new HashSet<>();
    private @Nullable String sku;
    private @Nullable String name;
    private @Nullable String description;
    private @Nullable BigDecimal price;
    private @Nullable Map<String, Object> attributes;
    private @Nullable String author;
    private @Nullable String isbn;
    private @Nullable String publisher;
    private @Nullable Integer year;

    public void setSku(@Nullable String sku) {
        this.sku = sku;
        sent.add("sku");
    }

    public void setName(@Nullable String name) {
        this.name = name;
        sent.add("name");
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
        sent.add("description");
    }

    public void setPrice(@Nullable BigDecimal price) {
        this.price = price;
        sent.add("price");
    }

    public void setAttributes(@Nullable Map<String, Object> attributes) {
        this.attributes = attributes;
        sent.add("attributes");
    }

    public void setAuthor(@Nullable String author) {
        this.author = author;
        sent.add("author");
    }

    public void setIsbn(@Nullable String isbn) {
        this.isbn = isbn;
        sent.add("isbn");
    }

    public void setPublisher(@Nullable String publisher) {
        this.publisher = publisher;
        sent.add("publisher");
    }

    public void setYear(@Nullable Integer year) {
        this.year = year;
        sent.add("year");
    }

    ProductDraft applyTo(Product product) {
        ProductDraft current = ProductDraft.of(product);
        return new ProductDraft(
                sent.contains("sku") ? sku : current.sku(),
                sent.contains("name") ? name : current.name(),
                sent.contains("description") ? description : current.description(),
                sent.contains("price") ? price : current.price(),
                sent.contains("attributes") ? attributes : current.attributes(),
                sent.contains("author") ? author : current.author(),
                sent.contains("isbn") ? isbn : current.isbn(),
                sent.contains("publisher") ? publisher : current.publisher(),
                sent.contains("year") ? year : current.year());
    }
}
