package dev.matcher.blocking;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Splits index ranges over the fork/join pool the caller runs in (the common pool unless the caller submitted the
 * work to its own {@link ForkJoinPool}, which is how users bound parallelism). Results come back per chunk, in chunk
 * order, so output never depends on thread timing.
 */
final class Parallel {
    private Parallel() {
    }

    /** A range worker: fills and returns its result for rows {@code [from, to)}. */
    @FunctionalInterface
    interface RangeTask<T> {
        T run(int from, int to);
    }

    static int parallelism() {
        ForkJoinPool pool = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
        return Math.max(1, pool.getParallelism());
    }

    /** Runs the task over {@code [0, n)} in chunks of at least {@code minChunk}; results in chunk order. */
    static <T> T[] map(int n, int minChunk, IntFunction<T[]> array, RangeTask<T> task) {
        int chunks = Math.max(1, Math.min(parallelism() * 4, (n + minChunk - 1) / Math.max(1, minChunk)));
        T[] out = array.apply(chunks);
        if (chunks == 1) {
            out[0] = task.run(0, n);
            return out;
        }
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            out[c] = task.run(from, to);
        });
        return out;
    }

    /** Runs {@code body} over {@code [0, n)} in parallel chunks. */
    static void forRange(int n, int minChunk, RangeTask<Void> body) {
        map(n, minChunk, Void[]::new, body);
    }

    /** Reusable scratch objects (dense per-node arrays), at most one per concurrently running chunk. */
    static final class Scratch<T> {
        private final ConcurrentLinkedQueue<T> free = new ConcurrentLinkedQueue<>();
        private final java.util.function.Supplier<T> factory;

        Scratch(java.util.function.Supplier<T> factory) {
            this.factory = factory;
        }

        T take() {
            T t = free.poll();
            return t != null ? t : factory.get();
        }

        void give(T t) {
            free.add(t);
        }
    }
}
