package dev.matcher.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;

/**
 * Agglomerative clustering that merges the closest two clusters while their linkage score is at least the threshold
 * (distance {@code 1 - score} at most {@code 1 - threshold}).
 *
 * <p>Average linkage runs on the sparse graph of scored pairs: a cluster keeps the summed scores to its neighbour
 * clusters, so memory is linear in the pairs and no component size limit applies. Centroid and complete linkage use
 * a dense distance matrix per connected component at the threshold (the only records they can ever merge); a
 * component above {@code maxDenseComponent} records is first cut into connected components at a raised threshold,
 * as dedupe does, and logged.
 */
final class HierarchicalClustering implements Clusterer {
    private static final Logger LOG = LoggerFactory.getLogger(HierarchicalClustering.class);
    private static final double EPS = 1e-12;
    private final double threshold;
    private final Linkage linkage;
    private final int maxDenseComponent;
    private final boolean forceDense;
    private final boolean supported;

    HierarchicalClustering(double threshold, Linkage linkage, int maxDenseComponent, boolean forceDense) {
        this(threshold, linkage, maxDenseComponent, forceDense, false);
    }

    /**
     * @param supported average linkage only: two clusters merge only when no scored pair between them is below the
     *                  threshold (see {@link Clusterers#supportedAverage})
     */
    HierarchicalClustering(double threshold, Linkage linkage, int maxDenseComponent, boolean forceDense,
                           boolean supported) {
        this.threshold = Clusterers.checkThreshold(threshold);
        this.linkage = linkage;
        if (maxDenseComponent < 2) {
            throw new IllegalArgumentException("dense component limit must be at least 2, was " + maxDenseComponent);
        }
        this.maxDenseComponent = maxDenseComponent;
        this.forceDense = forceDense;
        if (supported && linkage != Linkage.AVERAGE) {
            throw new IllegalArgumentException("only average linkage checks that a merge is supported, not " + linkage);
        }
        this.supported = supported;
    }

    @Override
    public Clusters cluster(int recordCount, ScoredPairs pairs) {
        Graph all = Graph.of(recordCount, pairs, Double.NEGATIVE_INFINITY);
        UnionFind result = linkage == Linkage.AVERAGE && (!forceDense || supported) ? sparseAverage(all) : dense(all);
        return Clusters.of(result.labels(), pairs);
    }

    // ---- sparse average linkage ----

    private UnionFind sparseAverage(Graph g) {
        int n = g.n;
        UnionFind uf = new UnionFind(n);
        int[][] nb = new int[n][];
        double[][] sum = new double[n][];
        // per neighbour, the scored pairs below the threshold: kept only when merges must be supported
        int[][] weak = supported ? new int[n][] : null;
        int[] accWeak = supported ? new int[n] : null;
        int[] len = new int[n];
        int[] version = new int[n];
        double[] acc = new double[n];
        int[] touched = new int[n];
        boolean[] seen = new boolean[n];
        // a record's neighbours; a pair listed twice counts once, with its higher score
        for (int v = 0; v < n; v++) {
            int k = 0;
            for (int i = g.degreeStart(v); i < g.degreeEnd(v); i++) {
                int u = g.neighbourAt(i);
                double s = g.w[g.edgeAt(i)];
                if (!seen[u]) {
                    seen[u] = true;
                    acc[u] = s;
                    touched[k++] = u;
                } else {
                    acc[u] = Math.max(acc[u], s);
                }
            }
            nb[v] = Arrays.copyOf(touched, k);
            sum[v] = new double[k];
            for (int i = 0; i < k; i++) {
                sum[v][i] = acc[touched[i]];
                seen[touched[i]] = false;
            }
            if (supported) {
                weak[v] = new int[k];
                for (int i = 0; i < k; i++) {
                    weak[v][i] = sum[v][i] < threshold ? 1 : 0;
                }
            }
            len[v] = k;
        }
        MergeHeap heap = new MergeHeap();
        for (int v = 0; v < n; v++) {
            for (int i = 0; i < len[v]; i++) {
                int u = nb[v][i];
                if (v < u && sum[v][i] >= threshold) {
                    heap.push(sum[v][i], v, u, 0, 0);
                }
            }
        }
        while (!heap.isEmpty()) {
            int x = heap.topA();
            int y = heap.topB();
            boolean valid = uf.find(x) == x && uf.find(y) == y && version[x] == heap.topVersionA()
                    && version[y] == heap.topVersionB();
            heap.pop();
            if (!valid) {
                continue;
            }
            uf.union(x, y);
            int r = uf.find(x);
            version[r]++;
            // the merged cluster's neighbours: both lists, stale entries mapped to their current cluster, summed
            int k = 0;
            for (int side = 0; side < 2; side++) {
                int c = side == 0 ? x : y;
                for (int i = 0; i < len[c]; i++) {
                    int u = uf.find(nb[c][i]);
                    if (u == r) {
                        continue;
                    }
                    if (!seen[u]) {
                        seen[u] = true;
                        acc[u] = 0;
                        if (supported) {
                            accWeak[u] = 0;
                        }
                        touched[k++] = u;
                    }
                    acc[u] += sum[c][i];
                    if (supported) {
                        accWeak[u] += weak[c][i];
                    }
                }
            }
            int[] merged = Arrays.copyOf(touched, k);
            double[] mergedSum = new double[k];
            int[] mergedWeak = supported ? new int[k] : null;
            double sizeR = uf.size(r);
            for (int i = 0; i < k; i++) {
                int u = merged[i];
                mergedSum[i] = acc[u];
                if (supported) {
                    mergedWeak[i] = accWeak[u];
                }
                seen[u] = false;
                double score = acc[u] / (sizeR * uf.size(u));
                // a pair the matcher calls a non-match vetoes the merge: a high average must not outvote it
                if (score >= threshold && (!supported || accWeak[u] == 0)) {
                    heap.push(score, r, u, version[r], version[u]);
                }
            }
            int dead = r == x ? y : x;
            nb[dead] = null;
            sum[dead] = null;
            len[dead] = 0;
            nb[r] = merged;
            sum[r] = mergedSum;
            if (supported) {
                weak[dead] = null;
                weak[r] = mergedWeak;
            }
            len[r] = k;
        }
        return uf;
    }

    // ---- dense Lance-Williams per component ----

    private UnionFind dense(Graph all) {
        int n = all.n;
        UnionFind result = new UnionFind(n);
        Graph atThreshold = Graph.of(n, toPairs(all), threshold);
        int[][] comps = atThreshold.componentMembers(atThreshold.components());
        int[] off = comps[0];
        int[] mem = comps[1];
        int[] local = new int[n];
        Arrays.fill(local, -1);
        int[] cuts = new int[2];   // components cut, the largest of them
        for (int c = 0; c + 1 < off.length; c++) {
            if (off[c + 1] - off[c] > 1) {
                clusterComponent(all, Arrays.copyOfRange(mem, off[c], off[c + 1]), threshold, local, result, cuts);
            }
        }
        if (cuts[0] > 0) {
            LOG.warn("{} linkage at {}: {} components above {} records (largest {}) were first cut into connected "
                    + "components at raised thresholds", linkage, threshold, cuts[0], maxDenseComponent, cuts[1]);
        }
        return result;
    }

    private void clusterComponent(Graph all, int[] members, double level, int[] local, UnionFind result, int[] cuts) {
        if (members.length <= maxDenseComponent) {
            denseComponent(all, members, local, result);
            return;
        }
        double raised = (level + 1) / 2;
        if (raised >= 1 - 1e-9) {
            // every pair scores 1: nothing left to decide
            for (int r : members) {
                result.union(members[0], r);
            }
            return;
        }
        LOG.debug("{} linkage: component of {} records exceeds {}; cutting it at score {} first", linkage,
                members.length, maxDenseComponent, raised);
        cuts[0]++;
        cuts[1] = Math.max(cuts[1], members.length);
        UnionFind uf = new UnionFind(all.n);
        for (int r : members) {
            local[r] = 0;
        }
        for (int r : members) {
            for (int i = all.degreeStart(r); i < all.degreeEnd(r); i++) {
                int u = all.neighbourAt(i);
                if (local[u] == 0 && all.w[all.edgeAt(i)] >= raised) {
                    uf.union(r, u);
                }
            }
        }
        for (int r : members) {
            local[r] = -1;
        }
        // group the members by their new component
        long[] keyed = new long[members.length];
        for (int i = 0; i < members.length; i++) {
            keyed[i] = ((long) uf.find(members[i]) << 32) | members[i];
        }
        Arrays.sort(keyed);
        for (int i = 0; i < keyed.length; ) {
            int j = i;
            while (j < keyed.length && (keyed[j] >>> 32) == (keyed[i] >>> 32)) {
                j++;
            }
            if (j - i > 1) {
                int[] piece = new int[j - i];
                for (int k = i; k < j; k++) {
                    piece[k - i] = (int) keyed[k];
                }
                clusterComponent(all, piece, raised, local, result, cuts);
            }
            i = j;
        }
    }

    private void denseComponent(Graph all, int[] members, int[] local, UnionFind result) {
        int m = members.length;
        for (int i = 0; i < m; i++) {
            local[members[i]] = i;
        }
        double[] d = new double[m * m];
        Arrays.fill(d, 1.0);
        for (int i = 0; i < m; i++) {
            int r = members[i];
            for (int k = all.degreeStart(r); k < all.degreeEnd(r); k++) {
                int j = local[all.neighbourAt(k)];
                if (j >= 0) {
                    d[i * m + j] = Math.min(d[i * m + j], 1 - all.w[all.edgeAt(k)]);
                }
            }
        }
        for (int i = 0; i < m; i++) {
            local[members[i]] = -1;
        }
        double cut = 1 - threshold + EPS;
        boolean[] active = new boolean[m];
        Arrays.fill(active, true);
        int[] size = new int[m];
        Arrays.fill(size, 1);
        int[] nn = new int[m];
        double[] nnd = new double[m];
        for (int i = 0; i < m; i++) {
            nearest(d, m, i, active, nn, nnd);
        }
        for (int merges = 0; merges < m - 1; merges++) {
            int i = -1;
            for (int k = 0; k < m; k++) {
                if (active[k] && nn[k] >= 0 && (i < 0 || nnd[k] < nnd[i])) {
                    i = k;
                }
            }
            if (i < 0 || nnd[i] > cut) {
                break;
            }
            int j = nn[i];
            if (j < i) {
                int t = i;
                i = j;
                j = t;
            }
            double dij = d[i * m + j];
            double ni = size[i];
            double nj = size[j];
            for (int k = 0; k < m; k++) {
                if (!active[k] || k == i || k == j) {
                    continue;
                }
                double dki = d[k * m + i];
                double dkj = d[k * m + j];
                double updated = switch (linkage) {
                    case AVERAGE -> (ni * dki + nj * dkj) / (ni + nj);
                    case CENTROID -> (ni * dki + nj * dkj) / (ni + nj) - ni * nj * dij / ((ni + nj) * (ni + nj));
                    case COMPLETE -> Math.max(dki, dkj);
                };
                d[k * m + i] = updated;
                d[i * m + k] = updated;
            }
            active[j] = false;
            size[i] += size[j];
            result.union(members[i], members[j]);
            nearest(d, m, i, active, nn, nnd);
            for (int k = 0; k < m; k++) {
                if (!active[k] || k == i) {
                    continue;
                }
                if (nn[k] == i || nn[k] == j) {
                    nearest(d, m, k, active, nn, nnd);
                } else if (d[k * m + i] < nnd[k] || (d[k * m + i] == nnd[k] && i < nn[k])) {
                    nn[k] = i;
                    nnd[k] = d[k * m + i];
                }
            }
        }
    }

    private static void nearest(double[] d, int m, int i, boolean[] active, int[] nn, double[] nnd) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            if (k != i && active[k] && d[i * m + k] < bestD) {
                best = k;
                bestD = d[i * m + k];
            }
        }
        nn[i] = best;
        nnd[i] = bestD;
    }

    private static ScoredPairs toPairs(Graph g) {
        return ScoredPairs.of(g.a, g.b, g.w);
    }

    @Override
    public String toString() {
        return supported ? "supportedAverage(" + threshold + ")" : "hierarchical(" + threshold + ", " + linkage + ")";
    }

    /** A binary max-heap of candidate merges on primitive arrays: highest score first, ties by record indices. */
    private static final class MergeHeap {
        private double[] score = new double[64];
        private int[] a = new int[64];
        private int[] b = new int[64];
        private int[] va = new int[64];
        private int[] vb = new int[64];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        void push(double s, int x, int y, int vx, int vy) {
            if (size == score.length) {
                int cap = size * 2;
                score = Arrays.copyOf(score, cap);
                a = Arrays.copyOf(a, cap);
                b = Arrays.copyOf(b, cap);
                va = Arrays.copyOf(va, cap);
                vb = Arrays.copyOf(vb, cap);
            }
            int i = size++;
            set(i, s, x, y, vx, vy);
            while (i > 0) {
                int p = (i - 1) / 2;
                if (!before(i, p)) {
                    break;
                }
                swap(i, p);
                i = p;
            }
        }

        int topA() {
            return a[0];
        }

        int topB() {
            return b[0];
        }

        int topVersionA() {
            return va[0];
        }

        int topVersionB() {
            return vb[0];
        }

        void pop() {
            size--;
            if (size == 0) {
                return;
            }
            set(0, score[size], a[size], b[size], va[size], vb[size]);
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                if (l >= size) {
                    break;
                }
                int c = l + 1 < size && before(l + 1, l) ? l + 1 : l;
                if (!before(c, i)) {
                    break;
                }
                swap(i, c);
                i = c;
            }
        }

        private boolean before(int i, int j) {
            if (score[i] != score[j]) {
                return score[i] > score[j];
            }
            int mi = Math.min(a[i], b[i]);
            int mj = Math.min(a[j], b[j]);
            if (mi != mj) {
                return mi < mj;
            }
            return Math.max(a[i], b[i]) < Math.max(a[j], b[j]);
        }

        private void set(int i, double s, int x, int y, int vx, int vy) {
            score[i] = s;
            a[i] = x;
            b[i] = y;
            va[i] = vx;
            vb[i] = vy;
        }

        private void swap(int i, int j) {
            double s = score[i];
            int x = a[i];
            int y = b[i];
            int vx = va[i];
            int vy = vb[i];
            set(i, score[j], a[j], b[j], va[j], vb[j]);
            set(j, s, x, y, vx, vy);
        }
    }
}
