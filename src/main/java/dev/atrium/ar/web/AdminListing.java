package dev.atrium.ar.web;

import dev.atrium.shared.paging.Page;
import dev.atrium.shared.paging.PageQuery;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One page of an admin list, with what the pager needs. Admin lists are never a 404: a page past the end shows an empty
 * table and a way back.
 */
record AdminListing<T>(List<T> rows, long count, int page, int size) {

    static final int PAGE_SIZE = 25;

    static PageQuery query(@Nullable Integer page) {
        return new PageQuery(page == null || page < 1 ? 1 : page, PAGE_SIZE);
    }

    static <T> AdminListing<T> of(Page<T> slice, PageQuery query) {
        return new AdminListing<>(slice.items(), slice.count(), query.pageNumber(), query.size());
    }

    public long lastPage() {
        return Math.max(1, (count + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < lastPage();
    }

    public long first() {
        return rows.isEmpty() ? 0 : (long) (page - 1) * size + 1;
    }

    public long last() {
        return (long) (page - 1) * size + rows.size();
    }

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** A time as the admin panel shows it: to the minute, in UTC. */
    static String when(@Nullable Instant instant) {
        return instant == null ? "" : WHEN.format(instant) + " UTC";
    }

    private static final Pattern ADMIN_PAGE = Pattern.compile("/admin/[A-Za-z0-9/_.~%+=&?-]*");

    /**
     * Where an action returns to: the admin page it was posted from (a path with its query, as the page wrote it),
     * never anywhere else.
     */
    static String back(@Nullable String back, String fallback) {
        return back != null && ADMIN_PAGE.matcher(back).matches() ? back : fallback;
    }

    /** Whether a request comes from htmx for a part of the page (a history restore wants the whole page). */
    static boolean fragmentWanted(@Nullable String hxRequest, @Nullable String historyRestore) {
        return "true".equals(hxRequest) && !"true".equals(historyRestore);
    }
}
