package dev.atrium.ar.internal;

import java.util.List;
import java.util.function.Function;

/** One page of a list and how many items the whole list has. */
public record Slice<T>(List<T> items, long count) {

    public <R> Slice<R> map(Function<? super T, ? extends R> mapper) {
        return new Slice<>(items.stream().<R>map(mapper).toList(), count);
    }
}
