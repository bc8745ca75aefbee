package dev.atrium.admin;

import dev.atrium.shared.paging.Page;
import dev.atrium.shared.paging.PageQuery;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of an admin list, in every module: its rows, the total, and links to the pages around it that keep the
 * search. A page past the end shows the last page rather than an error or an empty table, since a search typed in the
 * box narrows the list under the pager. The templates render it with {@code admin/pager :: pager}.
 */
public record AdminList<T>(
        List<T> rows,
        long count,
        int page,
        int pages,
        @Nullable String previous,
        @Nullable String next) {

    /** How many rows an admin list shows on a page. */
    public static final int PAGE_SIZE = 25;

    /**
     * The page of the list a service answers, asked for by number: when that is past the end, the service is asked
     * again for the last page.
     */
    public static <T> AdminList<T> of(@Nullable Integer page, Function<PageQuery, Page<T>> fetch) {
        PageQuery asked = query(page);
        Page<T> found = fetch.apply(asked);
        PageQuery shown = pageWithin(page, found.count());
        if (shown.pageNumber() != asked.pageNumber()) {
            found = fetch.apply(shown);
        }
        return of(found.items(), found.count(), shown);
    }

    /** The page asked for, as a query, moved back to the last page of a list of {@code count} rows if past it. */
    private static PageQuery pageWithin(@Nullable Integer page, long count) {
        int pages = pages(count);
        return query(Math.min(query(page).pageNumber(), pages));
    }

    /** Rows already fetched for {@code query}, which is within the list (see {@link #pageWithin}). */
    private static <T> AdminList<T> of(List<T> rows, long count, PageQuery query) {
        int pages = pages(count);
        int page = query.pageNumber();
        return new AdminList<>(
                rows, count, page, pages, page > 1 ? link(page - 1) : null, page < pages ? link(page + 1) : null);
    }

    /** A page number from the query string; anything that is not one is the first page. */
    public static int pageNumber(@Nullable String page) {
        try {
            return page == null ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException ex) {
            return 1;
        }
    }

    public <R> AdminList<R> map(Function<? super T, ? extends R> mapper) {
        return new AdminList<>(rows.stream().<R>map(mapper).toList(), count, page, pages, previous, next);
    }

    private static PageQuery query(@Nullable Integer page) {
        return new PageQuery(page == null || page < 1 ? 1 : page, PAGE_SIZE);
    }

    private static int pages(long count) {
        return (int) Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    private static String link(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page", page)
                .build()
                .toUriString();
    }
}
