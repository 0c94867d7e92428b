package dev.atrium.workspace.application.port.in;

import java.util.List;
import java.util.function.Function;

/** One page of a listing; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> data, String nextCursor) {

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(data.stream().map(f).toList(), nextCursor);
    }
}
