package dev.matcher.util;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The library's one executor rule: parallel work runs in the {@link ForkJoinPool} the caller runs in, the common
 * pool unless the caller submitted the work to a pool of its own. Only the front door ({@code Resolver}, with its
 * thread count) makes a pool, through {@link #inPool}; to bound the threads of any other call, call from your own:
 *
 * <pre>{@code
 * double[] p = new ForkJoinPool(2).submit(() -> matcher.score(left, right, candidates)).join();
 * }</pre>
 *
 * Work is split into index ranges whose results land in fixed slots (or come back in range order), so no output
 * depends on the pool size or on thread timing. Internal support for the library's packages, not an API of its own.
 */
public final class Parallel {
    private Parallel() {
    }

    /** A range worker: fills and returns its result for rows {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeTask<T> {
        T run(int from, int to);
    }

    /** The pool the caller runs in: its own fork/join pool, else the common pool. */
    public static ForkJoinPool pool() {
        return ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
    }

    /**
     * Runs {@code work} in a new pool of {@code threads} threads, so that every parallel step inside it uses at most
     * those, and shuts the pool down. The work's own exception comes out, not fork/join's copy of it.
     *
     * <pre>{@code
     * double[] p = Parallel.inPool(2, () -> matcher.score(left, right, candidates));
     * }</pre>
     *
     * @throws IllegalArgumentException when {@code threads < 1}
     */
    public static <T> T inPool(int threads, Supplier<T> work) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(work::get).get();
        } catch (ExecutionException e) {
            // the worker's own exception, not fork/join's copy of it (whose message starts with the class name)
            Throwable cause = e.getCause();
            if (cause.getCause() != null && cause.getCause().getClass() == cause.getClass()) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdown();
        }
    }

    /** The parallelism of {@link #pool()}, at least 1. */
    public static int parallelism() {
        return Math.max(1, pool().getParallelism());
    }

    /**
     * Runs {@code body} for every index of {@code [0, n)}, in parallel in {@link #pool()}; the body writes its result
     * to a slot of its own. (A parallel stream forks into the pool of the thread that starts it: the caller's.)
     */
    public static void forEach(int n, IntConsumer body) {
        IntStream.range(0, n).parallel().forEach(body);
    }

    /** Runs the task over {@code [0, n)} in chunks of at least {@code minChunk}; results in chunk order. */
    public static <T> T[] map(int n, int minChunk, IntFunction<T[]> array, RangeTask<T> task) {
        int chunks = Math.max(1, Math.min(parallelism() * 4, (n + minChunk - 1) / Math.max(1, minChunk)));
        T[] out = array.apply(chunks);
        if (chunks == 1) {
            out[0] = task.run(0, n);
            return out;
        }
        forEach(chunks, c -> {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            out[c] = task.run(from, to);
        });
        return out;
    }

    /** Runs {@code body} over {@code [0, n)} in parallel chunks. */
    public static void forRange(int n, int minChunk, RangeTask<Void> body) {
        map(n, minChunk, Void[]::new, body);
    }

    /** Reusable scratch objects (dense per-node arrays), at most one per concurrently running chunk. */
    public static final class Scratch<T> {
        private final ConcurrentLinkedQueue<T> free = new ConcurrentLinkedQueue<>();
        private final Supplier<T> factory;

        public Scratch(Supplier<T> factory) {
            this.factory = factory;
        }

        public T take() {
            T t = free.poll();
            return t != null ? t : factory.get();
        }

        public void give(T t) {
            free.add(t);
        }
    }
}
