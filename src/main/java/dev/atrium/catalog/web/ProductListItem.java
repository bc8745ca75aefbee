package dev.atrium.catalog.web;

import dev.atrium.catalog.internal.ListedProduct;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A product in a list, priced and counted as the shop asked about sells it. */
record ProductListItem(
        @Schema(description = "The product's id", example = "42")
        long id,

        @Schema(example = "The Quiet Harbour") String name,
        String description,

        @Schema(description = "The price in the shop asked about (its own price, or the list price)", example = "12.90")
        BigDecimal price,

        @Schema(description = "The product's list price", example = "12.90")
        BigDecimal listPrice,

        @Schema(description = "How many the shop asked about has (0 when it does not sell the product)", example = "7")
        int quantity,

        @Schema(description = "Whether the shop asked about sells the product")
        boolean inAssortment,

        @Schema(description = "The shop the price and quantity are about; null when there is no shop at all") @Nullable Long shop,

        @Nullable String author,

        @Schema(description = "ISBN-13 or ISBN-10, digits only", example = "9780306406157") @Nullable String isbn,

        @Nullable String publisher,
        @Nullable Integer year,

        @Schema(description = "Absolute URL of the photo, when the product has one") @Nullable String photoUrl) {

    static ProductListItem of(ListedProduct listed, String baseUrl) {
        return new ProductListItem(
                listed.id(),
                listed.name(),
                listed.description(),
                listed.price(),
                listed.listPrice(),
                listed.quantity(),
                listed.sold(),
                listed.shopId(),
                listed.author(),
                listed.isbn(),
                listed.publisher(),
                listed.year(),
                listed.photoKey() == null ? null : baseUrl + "/api/products/" + listed.id() + "/photo");
    }
}
