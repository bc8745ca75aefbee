package dev.atrium.admin;

import dev.atrium.shared.paging.PageQuery;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of an admin list: its rows, the total, and links to the pages around it that keep the search. A page past
 * the end shows the last page rather than an error, since a search typed in the box narrows the list under the pager.
 */
public record AdminList<T>(
        List<T> rows,
        long count,
        int page,
        int pages,
        @Nullable String previous,
        @Nullable String next) {

    public static int pageWithin(@Nullable Integer page, long count, int size) {
        int pages = (int) Math.max(1, (count + size - 1) / size);
        return Math.min(Math.max(1, page == null ? 1 : page), pages);
    }

    public static <T> AdminList<T> of(List<T> rows, long count, PageQuery query) {
        int pages = (int) Math.max(1, (count + query.size() - 1) / query.size());
        int page = query.pageNumber();
        return new AdminList<>(
                rows, count, page, pages, page > 1 ? link(page - 1) : null, page < pages ? link(page + 1) : null);
    }

    private static String link(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page", page)
                .build()
                .toUriString();
    }
}
