package dev.matcher.blocking;

import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.util.Parallel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Standard blocking on key functions: records sharing a key share a block. Several key functions are several passes
 * in one block collection (a pair is a candidate when any function gives both records a common key). Token, q-gram,
 * extended q-gram and suffix blocking are this with multi-key functions. A size guard drops (and logs) blocks larger
 * than {@code maxBlockSize}.
 */
final class KeyBlocking implements BlockBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(KeyBlocking.class);
    /** Default size guard: a key shared by more records than this is too common to separate anything. */
    static final int DEFAULT_MAX_BLOCK_SIZE = 1000;

    private final String name;
    private final List<KeyFunction> functions;
    private final int maxBlockSize;
    private final boolean quiet;

    KeyBlocking(String name, List<KeyFunction> functions, int maxBlockSize) {
        this(name, functions, maxBlockSize, false);
    }

    private KeyBlocking(String name, List<KeyFunction> functions, int maxBlockSize, boolean quiet) {
        if (functions.isEmpty()) {
            throw new IllegalArgumentException("at least one key function is needed");
        }
        if (maxBlockSize < 2) {
            throw new IllegalArgumentException("maxBlockSize must be at least 2, got " + maxBlockSize);
        }
        this.name = name;
        this.functions = List.copyOf(functions);
        this.maxBlockSize = maxBlockSize;
        this.quiet = quiet;
    }

    /** The same blocker without the guard's log message (for callers that try many rules). */
    KeyBlocking quiet() {
        return new KeyBlocking(name, functions, maxBlockSize, true);
    }

    List<KeyFunction> functions() {
        return functions;
    }

    /** Sets the size guard (it can also be raised above the default). */
    @Override
    public KeyBlocking maxBlockSize(int size) {
        return new KeyBlocking(name, functions, size, quiet);
    }

    @Override
    public Blocks blocks(Task task) {
        Table left = task.left();
        Table right = task.right();
        boolean dedup = task.isDeduplication();
        KeyFunction.RowKeys[] l = bind(left);
        KeyFunction.RowKeys[] r = dedup ? l : bind(right);
        int nl = left.size();
        int nodes = dedup ? nl : nl + right.size();
        long[][] keys = new long[nodes][];
        long t0 = System.nanoTime();
        Parallel.forRange(nodes, 2048, (from, to) -> {
            for (int u = from; u < to; u++) {
                keys[u] = u < nl ? hashes(l, u) : hashes(r, u - nl);
            }
            return null;
        });
        long t1 = System.nanoTime();
        Blocks blocks = Blocks.fromKeyHashes(keys, nl, dedup ? 0 : right.size(), dedup, maxBlockSize);
        LOG.debug("{}: keys of {} records in {} ms, {} blocks in {} ms", this, nodes, (t1 - t0) / 1_000_000,
                blocks.size(), (System.nanoTime() - t1) / 1_000_000);
        Blocks.GuardCut cut = blocks.guard;
        if (cut.dropped() > 0 && !quiet) {
            int u = cut.largestMember();
            String key = u < 0 ? "" : keyOf(u < nl ? l : r, u < nl ? u : u - nl, cut.largestHash());
            blocks = blocks.withCut(new Candidates.Cut("size guard of " + this, cut.dropped(), maxBlockSize,
                    cut.largestSize(), key));
        }
        return blocks;
    }

    private KeyFunction.RowKeys[] bind(Table table) {
        return functions.stream().map(f -> f.bind(table)).toArray(KeyFunction.RowKeys[]::new);
    }

    private static long[] hashes(KeyFunction.RowKeys[] bound, int row) {
        if (bound.length == 1 && !(bound[0] instanceof KeyFunctions.HashedRowKeys)) {
            String[] k = bound[0].keys(row);
            long[] h = new long[k.length];
            for (int i = 0; i < k.length; i++) {
                h[i] = KeyHash.of(k[i], 0);
            }
            return distinctSorted(h);
        }
        LongBuffer out = new LongBuffer(16);
        for (int f = 0; f < bound.length; f++) {
            int seed = bound.length == 1 ? 0 : f;
            if (bound[f] instanceof KeyFunctions.HashedRowKeys hashed) {
                hashed.hashes(row, seed, out);
            } else {
                for (String k : bound[f].keys(row)) {
                    out.add(KeyHash.of(k, seed));
                }
            }
        }
        return distinctSorted(out.toArray());
    }

    private static long[] distinctSorted(long[] h) {
        if (h.length < 2) {
            return h;
        }
        Arrays.sort(h);
        int u = 1;
        for (int i = 1; i < h.length; i++) {
            if (h[i] != h[u - 1]) {
                h[u++] = h[i];
            }
        }
        return u == h.length ? h : Arrays.copyOf(h, u);
    }

    private static String keyOf(KeyFunction.RowKeys[] bound, int row, long hash) {
        for (int f = 0; f < bound.length; f++) {
            for (String k : bound[f].keys(row)) {
                if (KeyHash.of(k, bound.length == 1 ? 0 : f) == hash) {
                    return k.replace('\u001f', '+');
                }
            }
        }
        return "?";
    }

    @Override
    public String toString() {
        String fs = functions.stream().map(Object::toString).collect(Collectors.joining(" OR "));
        String guard = maxBlockSize == DEFAULT_MAX_BLOCK_SIZE ? "" : ", maxBlockSize " + maxBlockSize;
        return name.isEmpty() ? (guard.isEmpty() ? fs : fs + ".maxBlockSize(" + maxBlockSize + ")") : name + "(" + fs + guard + ")";
    }
}
