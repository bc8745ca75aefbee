package dev.atrium.catalog.internal;

import dev.atrium.shared.problem.InvalidRequest;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The orders a product list can be sorted in, named as the {@code ordering} parameter names them. */
public enum ProductOrdering {
    ID("id", "p.id"),
    ID_DESC("-id", "p.id DESC"),
    PRICE("price", "coalesce(s.price, p.price), p.id"),
    PRICE_DESC("-price", "coalesce(s.price, p.price) DESC, p.id"),
    NAME("name", "p.name, p.id"),
    NAME_DESC("-name", "p.name DESC, p.id");

    private final String parameter;
    private final String sql;

    ProductOrdering(String parameter, String sql) {
        this.parameter = parameter;
        this.sql = sql;
    }

    public String parameter() {
        return parameter;
    }

    String sql() {
        return sql;
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
