package dev.atrium.shared.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.atrium.shared.problem.ProblemException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of a list in the shape Django REST framework clients expect: the total {@code count}, absolute links to the
 * {@code next} and {@code previous} pages (keeping every other query parameter), and the {@code results}; and
 * {@code count_is_estimate: true} when {@code count} is an estimate, a field DRF does not have and a page counted
 * exactly leaves out.
 */
public record PageResponse<T>(
        @Schema(description = COUNT) long count,
        // Only there when true, so that an exactly counted page keeps DRF's four fields.
        @Schema(description = COUNT_IS_ESTIMATE, requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        boolean countIsEstimate,

        @Nullable String next,
        @Nullable String previous,
        List<T> results) {

    static final String COUNT = "How many items the whole list has. Exact, unless count_is_estimate is true: a product "
            + "list with search or filters counts its matches up to 10,000 (or up to the page asked for, when deeper), "
            + "and beyond that answers PostgreSQL's estimate of how many match. A page past the end is always answered "
            + "with the exact count.";
    static final String COUNT_IS_ESTIMATE = "Present, and true, only when count is an estimate (more than 10,000 "
            + "products match the search or filters); absent when count is exact, as it always is for an unfiltered "
            + "list and for every list but the product lists. While it is true there are more pages than this one; the "
            + "last page may come sooner or later than count says.";

    /**
     * Builds the page for the request being served. A page past the end is a 404, as in DRF; the first page of an
     * empty list is an empty page.
     */
    public static <T> PageResponse<T> of(List<T> results, long count, PageQuery query) {
        return of(results, count, false, query);
    }

    /** As {@link #of(List, long, PageQuery)}, for a count that may be an estimate. */
    public static <T> PageResponse<T> of(List<T> results, long count, boolean countIsEstimate, PageQuery query) {
        int page = query.pageNumber();
        if (page > 1 && query.offset() >= count) {
            throw ProblemException.notFound("Page " + page)
                    .with("count", count)
                    .with("last_page", Math.max(1, (count + query.size() - 1) / query.size()));
        }
        String next = query.offset() + results.size() < count ? link(page + 1) : null;
        String previous = page > 1 ? link(page - 1) : null;
        return new PageResponse<>(count, countIsEstimate, next, previous, results);
    }

    /** Builds the page for the request being served from what a service answered; see {@link #of(List, long, PageQuery)}. */
    public static <T> PageResponse<T> of(Page<T> page, PageQuery query) {
        return of(page.items(), page.count(), page.countIsEstimate(), query);
    }

    public <R> PageResponse<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResponse<>(
                count,
                countIsEstimate,
                next,
                previous,
                results.stream().<R>map(mapper).toList());
    }

    /**
     * Built from the request as the edge presents it: its origin is the configured public base URL or a trusted
     * proxy's, never the client's own {@code Host} (see {@code dev.atrium.web.RequestOrigin}).
     */
    private static String link(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page", page)
                .build()
                .toUriString();
    }
}
