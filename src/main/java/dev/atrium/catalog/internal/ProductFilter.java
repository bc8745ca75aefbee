package dev.atrium.catalog.internal;

import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.InvalidRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which products a list shows and in what order.
 *
 * @param q text to find (any case) in the name, description or author; null for no search
 * @param minPrice the lowest price in the shop asked about, inclusive
 * @param maxPrice the highest price in the shop asked about, inclusive
 * @param inStock true for products the shop has at least one of, false for those it has none of
 */
public record ProductFilter(
        @Nullable String q,
        @Nullable BigDecimal minPrice,
        @Nullable BigDecimal maxPrice,
        @Nullable Boolean inStock,
        ProductOrdering ordering) {

    public static final int MAX_QUERY_LENGTH = 200;

    public static final ProductFilter NONE = new ProductFilter(null, null, null, null, ProductOrdering.ID);

    /** Checks the parameters as the caller sent them and returns the filter, or refuses them all at once. */
    public static ProductFilter of(
            @Nullable String q,
            @Nullable BigDecimal minPrice,
            @Nullable BigDecimal maxPrice,
            @Nullable Boolean inStock,
            @Nullable String ordering) {
        List<FieldError> errors = new ArrayList<>();
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > MAX_QUERY_LENGTH) {
            errors.add(new FieldError("q", "must be at most " + MAX_QUERY_LENGTH + " characters"));
        }
        if (minPrice != null && minPrice.signum() < 0) {
            errors.add(new FieldError("min_price", "must not be negative"));
        }
        if (maxPrice != null && maxPrice.signum() < 0) {
            errors.add(new FieldError("max_price", "must not be negative"));
        }
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            errors.add(new FieldError("min_price", "must not be greater than max_price"));
        }
        ProductOrdering order = ProductOrdering.ID;
        try {
            order = ProductOrdering.parse(ordering);
        } catch (InvalidRequest ex) {
            errors.add(new FieldError("ordering", ex.getBody().getDetail().substring("ordering: ".length())));
        }
        if (!errors.isEmpty()) {
            throw InvalidRequest.of(errors);
        }
        return new ProductFilter(text, minPrice, maxPrice, inStock, order);
    }
}
