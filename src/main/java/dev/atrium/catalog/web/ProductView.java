package dev.atrium.catalog.web;

import dev.atrium.catalog.internal.Product;
import dev.atrium.catalog.internal.ShopStock;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A product with its availability in every shop. */
record ProductView(
        long id,

        @Schema(description = "The shop's article number") @Nullable String sku,

        String name,
        String description,

        @Schema(description = "The list price; shops may sell for their own price", example = "12.90")
        BigDecimal price,

        @Nullable String author,

        @Schema(description = "ISBN-13 or ISBN-10, digits only") @Nullable String isbn,

        @Nullable String publisher,
        @Nullable Integer year,

        @Schema(description = "Free-form attributes: names to strings, numbers or booleans")
        Map<String, Object> attributes,

        @Nullable String photoUrl,
        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "Every shop, and whether, at what price and how many it sells")
        List<Availability> availability) {

    record Availability(
            long shop,
            String shopName,
            boolean inAssortment,

            @Schema(description = "The price in this shop; null when it does not sell the product") @Nullable BigDecimal price,

            int quantity) {}

    static ProductView of(Product product, List<ShopStock> shops, String baseUrl) {
        return new ProductView(
                product.id(),
                product.sku(),
                product.name(),
                product.description(),
                product.price(),
                product.author(),
                product.isbn(),
                product.publisher(),
                product.year(),
                product.attributes(),
                product.photoKey() == null ? null : baseUrl + "/api/products/" + product.id() + "/photo",
                product.createdAt(),
                product.updatedAt(),
                shops.stream()
                        .map(shop -> new Availability(
                                shop.shopId(), shop.shopName(), shop.sold(), shop.price(), shop.quantity()))
                        .toList());
    }
}
