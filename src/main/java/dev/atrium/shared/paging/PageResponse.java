package dev.atrium.shared.paging;

import dev.atrium.shared.problem.ProblemException;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of a list in the shape Django REST framework clients expect: the total {@code count}, absolute links to the
 * {@code next} and {@code previous} pages (keeping every other query parameter), and the {@code results}.
 */
public record PageResponse<T>(
        long count, @Nullable String next, @Nullable String previous, List<T> results) {

    /**
     * Builds the page for the request being served. A page past the end is a 404, as in DRF; the first page of an
     * empty list is an empty page.
     */
    public static <T> PageResponse<T> of(List<T> results, long count, PageQuery query) {
        int page = query.pageNumber();
        if (page > 1 && query.offset() >= count) {
            throw ProblemException.notFound("Page " + page)
                    .with("count", count)
                    .with("last_page", Math.max(1, (count + query.size() - 1) / query.size()));
        }
        String next = query.offset() + results.size() < count ? link(page + 1) : null;
        String previous = page > 1 ? link(page - 1) : null;
        return new PageResponse<>(count, next, previous, results);
    }

    /** Builds the page for the request being served from what a service answered; see {@link #of(List, long, PageQuery)}. */
    public static <T> PageResponse<T> of(Page<T> page, PageQuery query) {
        return of(page.items(), page.count(), query);
    }

    public <R> PageResponse<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResponse<>(
                count, next, previous, results.stream().<R>map(mapper).toList());
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
