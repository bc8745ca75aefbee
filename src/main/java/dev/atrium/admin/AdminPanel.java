package dev.atrium.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** What every module's admin pages share besides their lists ({@link AdminList}): times, returns and htmx requests. */
public final class AdminPanel {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private static final Pattern ADMIN_PAGE = Pattern.compile("/admin/[A-Za-z0-9/_.~%+=&?-]*");

    private AdminPanel() {}

    /** A time as the admin panel shows it: to the minute, in UTC. */
    public static String when(@Nullable Instant instant) {
        return instant == null ? "" : WHEN.format(instant) + " UTC";
    }

    /**
     * Where an action returns to: the admin page it was posted from (a path with its query, as the page wrote it),
     * never anywhere else.
     */
    public static String back(@Nullable String back, String fallback) {
        return back != null && ADMIN_PAGE.matcher(back).matches() ? back : fallback;
    }

    /** Whether a request comes from htmx for a part of the page (a history restore wants the whole page). */
    public static boolean fragmentWanted(@Nullable String hxRequest, @Nullable String historyRestore) {
        return "true".equals(hxRequest) && !"true".equals(historyRestore);
    }
}
