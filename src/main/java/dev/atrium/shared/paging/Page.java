package dev.atrium.shared.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and how many items the whole list has: what a service answers for a {@link PageQuery}, for the
 * API's {@link PageResponse} and the admin panel's lists alike, so that neither leaks into the services.
 */
public record Page<T>(List<T> items, long count) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), count);
    }
}
