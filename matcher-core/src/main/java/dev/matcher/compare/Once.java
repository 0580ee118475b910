package dev.matcher.compare;

import java.util.function.Supplier;

/** A value computed by its supplier when first asked, then kept; thread-safe (double-checked). */
final class Once<T> implements Supplier<T> {
    private final Supplier<T> source;
    private volatile T value;

    Once(Supplier<T> source) {
        this.source = source;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = source.get();
                    value = v;
                }
            }
        }
        return v;
    }
}
