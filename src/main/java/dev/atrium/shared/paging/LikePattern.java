package dev.atrium.shared.paging;

import org.jspecify.annotations.Nullable;

/** What a list's search box becomes in SQL: a LIKE pattern in which the user's text is taken literally. */
public final class LikePattern {

    private LikePattern() {}

    /**
     * A pattern matching any text that contains {@code text}: its {@code %}, {@code _} and {@code \} are escaped, so a
     * search for "50%" finds "50%" and not everything starting with "50". Use with {@code ESCAPE '\'} (PostgreSQL's
     * default escape character).
     */
    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * What a list's optional search text becomes: null (no filter) when there is none or it is blank, else the
     * {@linkplain #containing pattern} of the text without its surrounding spaces.
     */
    public static @Nullable String searchOrNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : containing(text.strip());
    }
}
