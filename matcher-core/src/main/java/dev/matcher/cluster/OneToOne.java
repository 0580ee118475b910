package dev.matcher.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;

/**
 * Clusterers for linking clean sources, where a record matches at most one record (or, for many-to-one, every right
 * record at most one left record). Clusters are pairs (or stars) and singletons.
 */
final class OneToOne implements Clusterer {
    private static final Logger LOG = LoggerFactory.getLogger(OneToOne.class);

    enum Kind { GREEDY, EXACT, MANY_TO_ONE }

    private final double threshold;
    private final Kind kind;
    private final int maxExactSide;

    OneToOne(double threshold, Kind kind, int maxExactSide) {
        this.threshold = Clusterers.checkThreshold(threshold);
        this.kind = kind;
        if (maxExactSide < 1) {
            throw new IllegalArgumentException("exact assignment limit must be at least 1, was " + maxExactSide);
        }
        this.maxExactSide = maxExactSide;
    }

    @Override
    public Clusters cluster(int recordCount, ScoredPairs pairs) {
        Graph g = Graph.of(recordCount, pairs, threshold);
        UnionFind uf = switch (kind) {
            case GREEDY -> greedy(g, null);
            case EXACT -> exact(g);
            case MANY_TO_ONE -> manyToOne(g);
        };
        return Clusters.of(uf.labels(), pairs);
    }

    /** Best pair first; a pair is taken when neither record is taken yet. Restricted to {@code only} edges if given. */
    private static UnionFind greedy(Graph g, boolean[] only) {
        UnionFind uf = new UnionFind(g.n);
        boolean[] taken = new boolean[g.n];
        for (int e : g.byDescendingScore()) {
            if ((only == null || only[e]) && !taken[g.a[e]] && !taken[g.b[e]]) {
                taken[g.a[e]] = true;
                taken[g.b[e]] = true;
                uf.union(g.a[e], g.b[e]);
            }
        }
        return uf;
    }

    private static void requireTwoSided(Graph g) {
        boolean[] isLeft = new boolean[g.n];
        for (int e = 0; e < g.edges(); e++) {
            isLeft[g.a[e]] = true;
        }
        for (int e = 0; e < g.edges(); e++) {
            if (isLeft[g.b[e]]) {
                throw new IllegalArgumentException("record " + g.b[e] + " is on the left of one pair and the right of "
                        + "another: this clusterer needs two-table pairs (left record, right record), see RecordSpace");
            }
        }
    }

    /** Every right record joins its best left record. */
    private static UnionFind manyToOne(Graph g) {
        requireTwoSided(g);
        int[] best = new int[g.n];
        Arrays.fill(best, -1);
        for (int e : g.byDescendingScore()) {
            if (best[g.b[e]] < 0) {
                best[g.b[e]] = g.a[e];
            }
        }
        UnionFind uf = new UnionFind(g.n);
        for (int r = 0; r < g.n; r++) {
            if (best[r] >= 0) {
                uf.union(best[r], r);
            }
        }
        return uf;
    }

    /** Maximum total score per connected component (Hungarian algorithm), greedy above the size limit. */
    private UnionFind exact(Graph g) {
        requireTwoSided(g);
        int n = g.n;
        int[][] comps = g.componentMembers(g.components());
        int[] off = comps[0];
        int[] mem = comps[1];
        int[] label = comps[2];
        // edges grouped by component
        int count = off.length - 1;
        int[] edgeOff = new int[count + 1];
        for (int e = 0; e < g.edges(); e++) {
            edgeOff[label[g.a[e]] + 1]++;
        }
        for (int c = 0; c < count; c++) {
            edgeOff[c + 1] += edgeOff[c];
        }
        int[] edges = new int[g.edges()];
        int[] fill = Arrays.copyOf(edgeOff, count);
        for (int e = 0; e < g.edges(); e++) {
            edges[fill[label[g.a[e]]]++] = e;
        }
        boolean[] isLeft = new boolean[n];
        for (int e = 0; e < g.edges(); e++) {
            isLeft[g.a[e]] = true;
        }
        UnionFind uf = new UnionFind(n);
        int[] local = new int[n];
        boolean[] greedyEdges = null;
        for (int c = 0; c < count; c++) {
            if (edgeOff[c + 1] == edgeOff[c]) {
                continue;
            }
            int rows = 0;
            int cols = 0;
            for (int k = off[c]; k < off[c + 1]; k++) {
                local[mem[k]] = isLeft[mem[k]] ? rows++ : cols++;
            }
            if (Math.min(rows, cols) > maxExactSide) {
                LOG.warn("exact assignment: component of {} x {} records exceeds {}; assigning it greedily",
                        rows, cols, maxExactSide);
                if (greedyEdges == null) {
                    greedyEdges = new boolean[g.edges()];
                }
                for (int k = edgeOff[c]; k < edgeOff[c + 1]; k++) {
                    greedyEdges[edges[k]] = true;
                }
                continue;
            }
            boolean transpose = rows > cols;
            int nr = transpose ? cols : rows;
            int nc = transpose ? rows : cols;
            double[] weight = new double[nr * nc];
            int[] edgeOf = new int[nr * nc];
            Arrays.fill(edgeOf, -1);
            for (int k = edgeOff[c]; k < edgeOff[c + 1]; k++) {
                int e = edges[k];
                int i = transpose ? local[g.b[e]] : local[g.a[e]];
                int j = transpose ? local[g.a[e]] : local[g.b[e]];
                if (edgeOf[i * nc + j] < 0 || g.w[e] > weight[i * nc + j]) {
                    weight[i * nc + j] = g.w[e];
                    edgeOf[i * nc + j] = e;
                }
            }
            int[] assigned = hungarianMax(weight, nr, nc);
            for (int i = 0; i < nr; i++) {
                int e = edgeOf[i * nc + assigned[i]];
                if (e >= 0) {
                    uf.union(g.a[e], g.b[e]);
                }
            }
        }
        if (greedyEdges != null) {
            UnionFind rest = greedy(g, greedyEdges);
            for (int r = 0; r < n; r++) {
                uf.union(r, rest.find(r));
            }
        }
        return uf;
    }

    /**
     * Maximum-weight assignment of {@code rows <= cols}: for each row the column it gets. The Hungarian algorithm with
     * potentials (Kuhn-Munkres, O(rows^2 cols)); missing pairs weigh 0, so they are never preferred to a real pair.
     */
    static int[] hungarianMax(double[] weight, int rows, int cols) {
        double[] u = new double[rows + 1];
        double[] v = new double[cols + 1];
        int[] p = new int[cols + 1];
        int[] way = new int[cols + 1];
        double[] minv = new double[cols + 1];
        boolean[] used = new boolean[cols + 1];
        for (int i = 1; i <= rows; i++) {
            p[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= cols; j++) {
                    if (!used[j]) {
                        double cur = -weight[(i0 - 1) * cols + (j - 1)] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= cols; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] assigned = new int[rows];
        for (int j = 1; j <= cols; j++) {
            if (p[j] != 0) {
                assigned[p[j] - 1] = j - 1;
            }
        }
        return assigned;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case GREEDY -> "uniqueMapping(" + threshold + ")";
            case EXACT -> "maxWeightAssignment(" + threshold + ")";
            case MANY_TO_ONE -> "manyToOne(" + threshold + ")";
        };
    }
}
