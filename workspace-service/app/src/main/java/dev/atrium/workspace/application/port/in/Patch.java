package dev.atrium.workspace.application.port.in;

/** A field of a partial update: absent (keep the current value) or present, possibly null (clear it). */
public record Patch<T>(boolean present, T value) {

    private static final Patch<?> KEEP = new Patch<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> Patch<T> keep() {
        return (Patch<T>) KEEP;
    }

    public static <T> Patch<T> of(T value) {
        return new Patch<>(true, value);
    }

    public T orElse(T current) {
        return present ? value : current;
    }
}
