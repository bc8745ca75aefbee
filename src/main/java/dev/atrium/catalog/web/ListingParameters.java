package dev.atrium.catalog.web;

import dev.atrium.catalog.internal.ListedProduct;
import dev.atrium.catalog.internal.ProductFilter;
import dev.atrium.catalog.internal.ProductOrdering;
import dev.atrium.shared.paging.Page;
import dev.atrium.shared.paging.PageQuery;
import dev.atrium.shared.paging.PageResponse;
import dev.atrium.shared.problem.FieldError;
import dev.atrium.shared.problem.InvalidRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The query parameters of the product lists ({@code page, limit, q, min_price, max_price, in_stock, shop, ordering,
 * after}), read in one pass. {@code search} is taken for {@code q} when {@code q} is absent: it is what Django REST framework's
 * search filter calls it, and clients written for such APIs send it.
 *
 * <p>The product list is the catalogue's hot path: Spring MVC's per-parameter resolution (placeholders, conversion,
 * binding and validation of a {@link PageQuery}) cost about a sixth of each request. The rules and the 400 answers
 * are the same: every bad parameter is named at once.
 */
record ListingParameters(
        PageQuery page,
        ProductFilter filter,
        @Nullable Long shop,
        @Nullable Long after) {

    static ListingParameters read(HttpServletRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Long after = id(request, "after", errors);
        Integer page = whole(request, "page", errors);
        Integer limit = whole(request, "limit", errors);
        BigDecimal minPrice = number(request, "min_price", errors);
        BigDecimal maxPrice = number(request, "max_price", errors);
        Boolean inStock = bool(request, "in_stock", errors);
        Long shop = id(request, "shop", errors);
        ProductFilter filter = null;
        try {
            filter = ProductFilter.of(text(request), minPrice, maxPrice, inStock, request.getParameter("ordering"));
        } catch (InvalidRequest refused) {
            if (refused.getBody().getProperties() != null
                    && refused.getBody().getProperties().get("errors") instanceof List<?> list) {
                list.forEach(error -> errors.add((FieldError) error));
            }
        }
        if (after != null) {
            if (after < 1) {
                errors.add(new FieldError("after", "must be greater than or equal to 1"));
            }
            if (page != null) {
                errors.add(new FieldError("after", "cannot be sent with page: the products after it are the page"));
            }
            if (filter != null
                    && filter.ordering() != ProductOrdering.ID
                    && filter.ordering() != ProductOrdering.ID_DESC) {
                errors.add(new FieldError("after", "follows the order by id only: ordering id or -id"));
            }
        }
        if (!errors.isEmpty() || filter == null) {
            throw InvalidRequest.of(errors);
        }
        return new ListingParameters(new PageQuery(page, limit), filter, shop, after);
    }

    /**
     * The answer for a page the listing found with these parameters. A numbered page is every list's; a keyset page
     * has no previous link (it only goes on), and its next link is this request's with {@code after} set to the last
     * product's id, there while the page is full (so the last product may be followed by an empty page).
     */
    PageResponse<ListedProduct> answer(Page<ListedProduct> found) {
        if (after == null) {
            return PageResponse.of(found, page);
        }
        List<ListedProduct> items = found.items();
        String next = items.size() < page.size()
                ? null
                : ServletUriComponentsBuilder.fromCurrentRequest()
                        .replaceQueryParam("after", items.getLast().id())
                        .build()
                        .toUriString();
        return new PageResponse<>(found.count(), found.countIsEstimate(), next, null, items);
    }

    /** {@code q}, or its alias {@code search} when {@code q} is absent or empty. */
    static @Nullable String text(HttpServletRequest request) {
        String q = request.getParameter("q");
        return q == null || q.isEmpty() ? request.getParameter("search") : q;
    }

    private static @Nullable Integer whole(HttpServletRequest request, String name, List<FieldError> errors) {
        String value = request.getParameter(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < 1) {
                errors.add(new FieldError(name, "must be greater than or equal to 1"));
            }
            return number;
        } catch (NumberFormatException ex) {
            errors.add(new FieldError(name, "must be a whole number"));
            return null;
        }
    }

    private static @Nullable Long id(HttpServletRequest request, String name, List<FieldError> errors) {
        String value = request.getParameter(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException ex) {
            errors.add(new FieldError(name, "must be a whole number"));
            return null;
        }
    }

    private static @Nullable BigDecimal number(HttpServletRequest request, String name, List<FieldError> errors) {
        String value = request.getParameter(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.strip());
            if (number.abs().compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
                errors.add(new FieldError(name, "must be at most 1000000000"));
                return null;
            }
            return number;
        } catch (NumberFormatException ex) {
            errors.add(new FieldError(name, "must be a number"));
            return null;
        }
    }

    /** true or false, and the other spellings Spring accepts for a boolean parameter (1/0, yes/no, on/off). */
    private static @Nullable Boolean bool(HttpServletRequest request, String name, List<FieldError> errors) {
        String value = request.getParameter(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> {
                errors.add(new FieldError(name, "must be true or false"));
                yield null;
            }
        };
    }
}
