package dev.atrium.catalog.internal;

import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.InvalidRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** What makes a product acceptable. Every field is checked, and every broken rule reported at once. */
final class ProductRules {

    static final BigDecimal MAX_PRICE = new BigDecimal("1000000.00");
    static final int MAX_ATTRIBUTES = 50;
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private ProductRules() {}

    static ProductFields check(ProductDraft draft, Clock clock) {
        List<FieldError> errors = new ArrayList<>();
        String name = text(draft.name());
        if (name == null) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        String description =
                draft.description() == null ? "" : draft.description().strip();
        if (description.length() > 5000) {
            errors.add(new FieldError("description", "must be at most 5000 characters"));
        }
        BigDecimal price = price(draft.price(), "price", errors);
        if (draft.price() == null) {
            errors.add(new FieldError("price", "is required"));
        }
        String sku = text(draft.sku());
        if (sku != null && !SKU.matcher(sku).matches()) {
            errors.add(new FieldError("sku", "must be 1 to 64 letters, digits, dots, dashes or underscores"));
        }
        String author = limited(draft.author(), "author", 200, errors);
        String publisher = limited(draft.publisher(), "publisher", 200, errors);
        String isbn = null;
        if (text(draft.isbn()) != null) {
            isbn = Isbn.normalize(draft.isbn()).orElse(null);
            if (isbn == null) {
                errors.add(new FieldError("isbn", "is not a valid ISBN-10 or ISBN-13 (check the digits)"));
            }
        }
        Integer year = draft.year();
        int latest = Year.now(clock).getValue() + 1;
        if (year != null && (year < 1450 || year > latest)) {
            errors.add(new FieldError("year", "must be between 1450 and " + latest));
        }
        Map<String, Object> attributes = attributes(draft.attributes(), errors);
        if (!errors.isEmpty()) {
            throw InvalidRequest.of(errors);
        }
        return new ProductFields(sku, name, description, price, attributes, author, isbn, publisher, year);
    }

    /** A price of at most two decimals between 0 and one million, with two decimals. */
    static BigDecimal price(@Nullable BigDecimal value, String field, List<FieldError> errors) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative"));
        } else if (value.compareTo(MAX_PRICE) > 0) {
            errors.add(new FieldError(field, "must be at most " + MAX_PRICE.toPlainString()));
        } else if (value.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(field, "must have at most two decimals"));
        } else {
            return value.setScale(2, RoundingMode.UNNECESSARY);
        }
        return BigDecimal.ZERO;
    }

    private static @Nullable String text(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static @Nullable String limited(@Nullable String value, String field, int max, List<FieldError> errors) {
        String text = text(value);
        if (text != null && text.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        return text;
    }

    private static Map<String, Object> attributes(@Nullable Map<String, Object> given, List<FieldError> errors) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (given == null) {
            return attributes;
        }
        if (given.size() > MAX_ATTRIBUTES) {
            errors.add(new FieldError("attributes", "must have at most " + MAX_ATTRIBUTES + " entries"));
            return attributes;
        }
        for (Map.Entry<String, Object> entry : given.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.isBlank() || key.length() > 64) {
                errors.add(new FieldError("attributes", "names must be 1 to 64 characters"));
            } else if (value instanceof String text && text.length() > 500) {
                errors.add(new FieldError("attributes." + key, "must be at most 500 characters"));
            } else if (value != null
                    && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                errors.add(new FieldError("attributes." + key, "must be a string, a number or true/false"));
            } else if (value != null) {
                attributes.put(key, value);
            }
        }
        return attributes;
    }
}
