package dev.matcher.blocking;

import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.util.Parallel;
import dev.matcher.util.Sorted;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Sorted neighbourhood (Hernández and Stolfo): sort all records by a key and pair each with the next
 * {@code window - 1} records in that order; several sort keys are several passes (union). In linkage both tables are
 * sorted together and only cross-table pairs count. Records without a key take no part.
 *
 * <p>Adaptive variant: the window starts at {@code window} and grows, up to {@code maxWindow}, while the next key is
 * still similar (bigram Dice at least {@code similarity}) to the key of the record the window started from, so runs
 * of near-identical keys are covered whole while sparse regions stay cheap.
 */
final class SortedNeighbourhood implements Blocker {
    private final List<KeyFunction> sortKeys;
    private final int window;
    private final int maxWindow;
    private final double similarity;

    SortedNeighbourhood(List<KeyFunction> sortKeys, int window, int maxWindow, double similarity) {
        if (window < 2) {
            throw new IllegalArgumentException("window must be at least 2, got " + window);
        }
        if (maxWindow < window) {
            throw new IllegalArgumentException("maxWindow " + maxWindow + " is below window " + window);
        }
        if (sortKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one sort key is needed");
        }
        this.sortKeys = List.copyOf(sortKeys);
        this.window = window;
        this.maxWindow = maxWindow;
        this.similarity = similarity;
    }

    @Override
    public Pairs candidates(Task task) {
        Table left = task.left();
        Table right = task.right();
        boolean dedup = task.isDeduplication();
        int nl = left.size();
        int nodes = dedup ? nl : nl + right.size();
        LongBuffer out = new LongBuffer(nodes * 2);
        for (KeyFunction f : sortKeys) {
            KeyFunction.RowKeys l = f.bind(left);
            KeyFunction.RowKeys r = dedup ? l : f.bind(right);
            String[] key = new String[nodes];
            Parallel.forRange(nodes, 2048, (from, to) -> {
                for (int u = from; u < to; u++) {
                    String[] k = u < nl ? l.keys(u) : r.keys(u - nl);
                    key[u] = k.length == 0 ? null : k[0];
                }
                return null;
            });
            Integer[] order = new Integer[nodes];
            int n = 0;
            for (int u = 0; u < nodes; u++) {
                if (key[u] != null) {
                    order[n++] = u;
                }
            }
            Integer[] sorted = Arrays.copyOf(order, n);
            Arrays.parallelSort(sorted, Comparator.<Integer, String>comparing(u -> key[u]).thenComparingInt(u -> u));
            for (int p = 0; p < n; p++) {
                int u = sorted[p];
                int end = Math.min(n, p + window);
                while (end < n && end - p < maxWindow && dice(key[u], key[sorted[end]]) >= similarity) {
                    end++;
                }
                for (int q = p + 1; q < end; q++) {
                    int v = sorted[q];
                    if (dedup) {
                        out.add(Pairs.pack(Math.min(u, v), Math.max(u, v)));
                    } else if ((u < nl) != (v < nl)) {
                        out.add(u < nl ? Pairs.pack(u, v - nl) : Pairs.pack(v, u - nl));
                    }
                }
            }
        }
        return Pairs.fromPacked(LongBuffer.sortedUnique(out.toArray()));
    }

    /** Dice coefficient of the two strings' character bigrams (1 for equal strings). */
    static double dice(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        if (a.length() < 2 || b.length() < 2) {
            return 0;
        }
        int[] ga = bigrams(a), gb = bigrams(b);
        return 2.0 * Sorted.intersectionSize(ga, gb) / (ga.length + gb.length);
    }

    private static int[] bigrams(String s) {
        int[] g = new int[s.length() - 1];
        for (int i = 0; i < g.length; i++) {
            g[i] = (s.charAt(i) << 16) | s.charAt(i + 1);
        }
        Arrays.sort(g);
        return g;
    }

    @Override
    public String toString() {
        String keys = sortKeys.stream().map(Object::toString).collect(Collectors.joining(", "));
        return maxWindow == window ? "sortedNeighbourhood(" + keys + ", window " + window + ")"
                : "adaptiveSortedNeighbourhood(" + keys + ", window " + window + ".." + maxWindow + ", dice >= "
                + similarity + ")";
    }
}
