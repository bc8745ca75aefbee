package dev.atrium.catalog.internal;

import dev.atrium.shared.problem.InvalidRequest;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The orders a product list can be sorted in, named as the {@code ordering} parameter names them. */
public enum ProductOrdering {
    ID("id", "p.id", "(p.id + 0)"),
    ID_DESC("-id", "p.id DESC", "(p.id + 0) DESC"),
    PRICE("price", "coalesce(s.price, p.price), p.id", "coalesce(s.price, p.price), (p.id + 0)"),
    PRICE_DESC("-price", "coalesce(s.price, p.price) DESC, p.id", "coalesce(s.price, p.price) DESC, (p.id + 0)"),
    NAME("name", "p.name, p.id", "(p.name || ''), (p.id + 0)"),
    NAME_DESC("-name", "p.name DESC, p.id", "(p.name || '') DESC, (p.id + 0)");

    private final String parameter;
    private final String sql;
    private final String sortSql;

    ProductOrdering(String parameter, String sql, String sortSql) {
        this.parameter = parameter;
        this.sql = sql;
        this.sortSql = sortSql;
    }

    public String parameter() {
        return parameter;
    }

    /** The ORDER BY of the ordering, which the index of its columns (primary key, name) serves when there is one. */
    String sql() {
        return sql;
    }

    /**
     * The same order, written so that no index serves it: for sorting a few matches found through other indexes. The
     * values are the same ({@code p.id + 0} is the id, {@code p.name || ''} the name in the same collation), so the
     * order is too, ties included; only the planner can no longer choose to walk the ordering's index and test every
     * product on the way, which the generic plan of a prepared statement (blind to how few match) otherwise may.
     */
    String sortSql() {
        return sortSql;
    }

    /** The ordering a parameter names; absent or blank is by id. */
    public static ProductOrdering parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return ID;
        }
        for (ProductOrdering ordering : values()) {
            if (ordering.parameter.equals(value.strip())) {
                return ordering;
            }
        }
        throw InvalidRequest.field(
                "ordering",
                "must be one of "
                        + Arrays.stream(values()).map(o -> o.parameter).collect(Collectors.joining(", ")));
    }
}
