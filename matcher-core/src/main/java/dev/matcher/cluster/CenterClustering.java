package dev.matcher.cluster;

/**
 * Center and merge-center clustering (Hassanzadeh et al., VLDB 2009), on pairs at or above the threshold in
 * descending score order: an edge between two unassigned records makes the first a center and the second its
 * member; an unassigned record joins a center it meets. Merge-center also merges two clusters when an edge joins a
 * center to a record of another cluster.
 */
final class CenterClustering implements Clusterer {
    private static final byte FREE = 0;
    private static final byte CENTER = 1;
    private static final byte MEMBER = 2;
    private final double threshold;
    private final boolean merge;

    CenterClustering(double threshold, boolean merge) {
        this.threshold = Clusterers.checkThreshold(threshold);
        this.merge = merge;
    }

    @Override
    public Clusters cluster(int recordCount, ScoredPairs pairs) {
        Graph g = Graph.of(recordCount, pairs, threshold);
        byte[] state = new byte[recordCount];
        UnionFind uf = new UnionFind(recordCount);
        for (int e : g.byDescendingScore()) {
            int u = g.a[e];
            int v = g.b[e];
            if (state[u] == FREE && state[v] == FREE) {
                state[u] = CENTER;
                state[v] = MEMBER;
                uf.union(u, v);
            } else if (state[u] == CENTER && state[v] == FREE) {
                state[v] = MEMBER;
                uf.union(u, v);
            } else if (state[v] == CENTER && state[u] == FREE) {
                state[u] = MEMBER;
                uf.union(u, v);
            } else if (merge && state[u] != FREE && state[v] != FREE && (state[u] == CENTER || state[v] == CENTER)) {
                uf.union(u, v);
            }
        }
        return Clusters.of(uf.labels(), pairs);
    }

    @Override
    public String toString() {
        return (merge ? "mergeCenter(" : "center(") + threshold + ")";
    }
}
