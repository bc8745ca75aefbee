package dev.atrium.catalog.web;

import dev.atrium.catalog.internal.ProductDraft;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A new product. Books carry author, ISBN, publisher and year. */
record ProductRequest(
        @Schema(
                description = "The shop's article number: letters, digits, dots, dashes, underscores",
                example = "BK-0042")
        @Nullable String sku,

        @Schema(
                description = "1 to 200 characters",
                example = "The Quiet Harbour",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable String name,

        @Schema(description = "At most 5000 characters", example = "A novel of a fishing town, one winter long")
        @Nullable String description,

        @Schema(
                description = "The list price: 0 to 1000000, at most two decimals",
                example = "12.90",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable BigDecimal price,

        @Schema(description = "Names to strings, numbers or booleans; at most 50", example = "{\"pages\": 320}")
        @Nullable Map<String, Object> attributes,

        @Schema(example = "Maria Lindqvist") @Nullable String author,

        @Schema(
                description = "ISBN-10 or ISBN-13, hyphens allowed; the check digit must be right",
                example = "978-0-306-40615-7")
        @Nullable String isbn,

        @Schema(example = "Northwind Press") @Nullable String publisher,
        @Schema(example = "2019") @Nullable Integer year) {

    ProductDraft draft() {
        return new ProductDraft(sku, name, description, price, attributes, author, isbn, publisher, year);
    }
}
