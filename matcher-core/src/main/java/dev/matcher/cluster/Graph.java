package dev.matcher.cluster;

import java.util.Arrays;

/**
 * The edges of scored pairs at or above a threshold, as primitive arrays: endpoints, scores, an adjacency list in
 * compressed rows, and the edge order by descending score. Self-pairs are dropped; a pair listed twice is two edges.
 */
final class Graph {
    final int n;
    final int[] a;
    final int[] b;
    final double[] w;
    private int[] offsets;
    private int[] neighbour;
    private int[] edgeAt;

    private Graph(int n, int[] a, int[] b, double[] w) {
        this.n = n;
        this.a = a;
        this.b = b;
        this.w = w;
    }

    static Graph of(int recordCount, ScoredPairs pairs, double threshold) {
        int m = 0;
        for (int i = 0; i < pairs.size(); i++) {
            int l = pairs.left(i);
            int r = pairs.right(i);
            if (l >= recordCount || r >= recordCount) {
                throw new IllegalArgumentException("pair (" + l + ", " + r + ") names a record beyond the "
                        + recordCount + " records");
            }
            if (pairs.score(i) >= threshold && l != r) {
                m++;
            }
        }
        int[] a = new int[m];
        int[] b = new int[m];
        double[] w = new double[m];
        for (int i = 0, e = 0; i < pairs.size(); i++) {
            if (pairs.score(i) >= threshold && pairs.left(i) != pairs.right(i)) {
                a[e] = pairs.left(i);
                b[e] = pairs.right(i);
                w[e++] = pairs.score(i);
            }
        }
        return new Graph(recordCount, a, b, w);
    }

    int edges() {
        return a.length;
    }

    /** Edge indices by descending score; ties (closer than float precision) by input order. */
    int[] byDescendingScore() {
        long[] keys = new long[a.length];
        for (int e = 0; e < keys.length; e++) {
            // non-negative floats order like their bits; invert so that higher scores come first
            int bits = Float.floatToIntBits((float) w[e]);
            keys[e] = ((long) (Integer.MAX_VALUE - bits) << 32) | e;
        }
        Arrays.sort(keys);
        int[] order = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    private void buildAdjacency() {
        if (offsets != null) {
            return;
        }
        int[] off = new int[n + 1];
        for (int e = 0; e < a.length; e++) {
            off[a[e] + 1]++;
            off[b[e] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            off[v + 1] += off[v];
        }
        int[] nb = new int[2 * a.length];
        int[] ed = new int[2 * a.length];
        int[] fill = Arrays.copyOf(off, n);
        for (int e = 0; e < a.length; e++) {
            nb[fill[a[e]]] = b[e];
            ed[fill[a[e]]++] = e;
            nb[fill[b[e]]] = a[e];
            ed[fill[b[e]]++] = e;
        }
        offsets = off;
        neighbour = nb;
        edgeAt = ed;
    }

    int degreeStart(int v) {
        buildAdjacency();
        return offsets[v];
    }

    int degreeEnd(int v) {
        buildAdjacency();
        return offsets[v + 1];
    }

    int neighbourAt(int k) {
        return neighbour[k];
    }

    int edgeAt(int k) {
        return edgeAt[k];
    }

    /** Connected components of these edges as a union-find. */
    UnionFind components() {
        UnionFind uf = new UnionFind(n);
        for (int e = 0; e < a.length; e++) {
            uf.union(a[e], b[e]);
        }
        return uf;
    }

    /** The records of each component with more than one record, as CSR: {@code [offsets, members]}. */
    int[][] componentMembers(UnionFind uf) {
        int[] labels = uf.labels();
        int count = 0;
        for (int l : labels) {
            count = Math.max(count, l + 1);
        }
        int[] off = new int[count + 1];
        for (int l : labels) {
            off[l + 1]++;
        }
        for (int c = 0; c < count; c++) {
            off[c + 1] += off[c];
        }
        int[] mem = new int[n];
        int[] fill = Arrays.copyOf(off, count);
        for (int r = 0; r < n; r++) {
            mem[fill[labels[r]]++] = r;
        }
        return new int[][] {off, mem, labels};
    }
}
