package dev.atrium.shared.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and how many items the whole list has: what a service answers for a {@link PageQuery}, for the
 * API's {@link PageResponse} and the admin panel's lists alike, so that neither leaks into the services.
 *
 * @param countIsEstimate true when {@code count} is an estimate rather than an exact count: a list too large to count
 *     on every page (the product lists with search or filters) says so rather than pretend
 */
public record Page<T>(List<T> items, long count, boolean countIsEstimate) {

    /** A page of a list counted exactly. */
    public Page(List<T> items, long count) {
        this(items, count, false);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), count, countIsEstimate);
    }
}
