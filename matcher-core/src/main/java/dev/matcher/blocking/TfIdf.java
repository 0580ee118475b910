package dev.matcher.blocking;

import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.text.TermWeighting;
import dev.matcher.util.Parallel;

import java.util.Arrays;

/**
 * Sparse TF-IDF vectors of records (one per node, built once, in parallel) and inverted indexes over them, for exact
 * cosine nearest neighbours, canopies and ranking. Terms are the keys of a {@link KeyFunction}, weighted by the
 * library's one TF-IDF ({@link TermWeighting#BINARY}: binary term frequency, {@code ln(N / df)} over both tables)
 * and L2-normalised.
 */
final class TfIdf {
    final int leftSize;
    final int nodes;
    final int[][] terms;      // per node, ascending term ids
    final float[][] weights;  // per node, aligned with terms
    final int termCount;

    private TfIdf(int leftSize, int nodes, int[][] terms, float[][] weights, int termCount) {
        this.leftSize = leftSize;
        this.nodes = nodes;
        this.terms = terms;
        this.weights = weights;
        this.termCount = termCount;
    }

    static TfIdf build(Task task, KeyFunction termsOf) {
        Table left = task.left();
        Table right = task.right();
        boolean dedup = task.isDeduplication();
        KeyFunction.RowKeys l = termsOf.bind(left);
        KeyFunction.RowKeys r = dedup ? l : termsOf.bind(right);
        int nl = left.size();
        int nodes = dedup ? nl : nl + right.size();
        long[][] hashes = new long[nodes][];
        Parallel.forRange(nodes, 1024, (from, to) -> {
            for (int u = from; u < to; u++) {
                String[] keys = u < nl ? l.keys(u) : r.keys(u - nl);
                long[] h = new long[keys.length];
                for (int i = 0; i < keys.length; i++) {
                    h[i] = KeyHash.of(keys[i], 0);
                }
                hashes[u] = LongBuffer.sortedUnique(h);
            }
            return null;
        });
        long total = 0;
        for (long[] h : hashes) {
            total += h.length;
        }
        long[] all = new long[Math.toIntExact(total)];
        int n = 0;
        for (long[] h : hashes) {
            System.arraycopy(h, 0, all, n, h.length);
            n += h.length;
        }
        long[] dictionary = LongBuffer.sortedUnique(all);
        int[] df = new int[dictionary.length];
        int[][] terms = new int[nodes][];
        for (int u = 0; u < nodes; u++) {
            int[] t = new int[hashes[u].length];
            for (int i = 0; i < t.length; i++) {
                t[i] = Arrays.binarySearch(dictionary, hashes[u][i]);
                df[t[i]]++;
            }
            Arrays.sort(t);
            terms[u] = t;
            hashes[u] = null;
        }
        float[] idf = new float[dictionary.length];
        for (int t = 0; t < idf.length; t++) {
            idf[t] = TermWeighting.BINARY.idf(nodes, df[t]);
        }
        float[][] weights = new float[nodes][];
        Parallel.forRange(nodes, 1024, (from, to) -> {
            for (int u = from; u < to; u++) {
                weights[u] = TermWeighting.BINARY.unitWeights(terms[u], null, idf);
            }
            return null;
        });
        return new TfIdf(nl, nodes, terms, weights, dictionary.length);
    }

    /** Cosine of two nodes' vectors. */
    double cosine(int u, int v) {
        int[] a = terms[u], b = terms[v];
        float[] wa = weights[u], wb = weights[v];
        double s = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                s += (double) wa[i++] * wb[j++];
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return s;
    }

    /** An inverted index (term -> nodes with weights) over the nodes {@code [from, to)}. */
    Index index(int from, int to) {
        return index(from, to, Integer.MAX_VALUE);
    }

    /**
     * An inverted index over the nodes {@code [from, to)} that leaves out terms with more than {@code maxPostings}
     * postings there: such terms carry little weight and would make every query touch most records.
     */
    Index index(int from, int to, int maxPostings) {
        int[] start = new int[termCount + 1];
        for (int u = from; u < to; u++) {
            for (int t : terms[u]) {
                start[t + 1]++;
            }
        }
        for (int t = 0; t < termCount; t++) {
            if (start[t + 1] > maxPostings) {
                start[t + 1] = 0;
            }
        }
        for (int t = 0; t < termCount; t++) {
            start[t + 1] += start[t];
        }
        int[] fill = Arrays.copyOf(start, termCount);
        int[] node = new int[start[termCount]];
        float[] weight = new float[node.length];
        for (int u = from; u < to; u++) {
            for (int i = 0; i < terms[u].length; i++) {
                int t = terms[u][i];
                if (start[t + 1] > start[t]) {
                    int k = fill[t]++;
                    node[k] = u;
                    weight[k] = weights[u][i];
                }
            }
        }
        return new Index(start, node, weight);
    }

    /** Postings per term, nodes ascending. */
    record Index(int[] start, int[] node, float[] weight) {
    }

    /** Dense per-query accumulator, reused across queries of one chunk. */
    static final class Accumulator {
        final double[] score;
        final IntBuffer touched = new IntBuffer(256);

        Accumulator(int nodes) {
            score = new double[nodes];
        }

        /** Adds the query node's dot products with every indexed node (touched lists the non-zero ones). */
        void query(TfIdf tfidf, Index index, int u) {
            clear();
            int[] t = tfidf.terms[u];
            float[] w = tfidf.weights[u];
            for (int i = 0; i < t.length; i++) {
                float wu = w[i];
                for (int k = index.start[t[i]]; k < index.start[t[i] + 1]; k++) {
                    int v = index.node[k];
                    if (score[v] == 0) {
                        touched.add(v);
                    }
                    score[v] += wu * index.weight[k];
                }
            }
        }

        void clear() {
            for (int i = 0; i < touched.size; i++) {
                score[touched.data[i]] = 0;
            }
            touched.size = 0;
        }

        /**
         * The {@code k} touched nodes with the highest score (ties: lower node first), skipping {@code exclude};
         * returns how many were found, written to {@code best}.
         */
        int top(int k, int exclude, int[] best, double[] bestScore) {
            int n = 0;
            for (int i = 0; i < touched.size; i++) {
                int v = touched.data[i];
                double s = score[v];
                if (v == exclude || s <= 0) {
                    continue;
                }
                if (n == k && !better(s, v, bestScore[n - 1], best[n - 1])) {
                    continue;
                }
                int p = n < k ? n++ : n - 1;
                while (p > 0 && better(s, v, bestScore[p - 1], best[p - 1])) {
                    best[p] = best[p - 1];
                    bestScore[p] = bestScore[p - 1];
                    p--;
                }
                best[p] = v;
                bestScore[p] = s;
            }
            return n;
        }

        private static boolean better(double s, int v, double s2, int v2) {
            return s > s2 || (s == s2 && v < v2);
        }
    }
}
