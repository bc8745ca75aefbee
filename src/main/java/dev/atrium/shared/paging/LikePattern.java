package dev.atrium.shared.paging;

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
}
