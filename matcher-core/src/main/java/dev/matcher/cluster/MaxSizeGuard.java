package dev.matcher.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits clusters above a size limit at their weakest links; see {@link Clusterer#withMaxSize}. */
final class MaxSizeGuard implements Clusterer {
    private static final Logger LOG = LoggerFactory.getLogger(MaxSizeGuard.class);
    private final Clusterer inner;
    private final int maxSize;

    MaxSizeGuard(Clusterer inner, int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maximum cluster size must be at least 1, was " + maxSize);
        }
        this.inner = inner;
        this.maxSize = maxSize;
    }

    @Override
    public Clusters cluster(int recordCount, ScoredPairs pairs) {
        Clusters clusters = inner.cluster(recordCount, pairs);
        if (clusters.largestSize() <= maxSize) {
            return clusters;
        }
        int[] label = clusters.labels();
        // edges inside oversized clusters, strongest first
        int m = 0;
        for (int i = 0; i < pairs.size(); i++) {
            if (inOversized(clusters, pairs.left(i), pairs.right(i))) {
                m++;
            }
        }
        int[] a = new int[m];
        int[] b = new int[m];
        double[] w = new double[m];
        for (int i = 0, e = 0; i < pairs.size(); i++) {
            if (inOversized(clusters, pairs.left(i), pairs.right(i))) {
                a[e] = pairs.left(i);
                b[e] = pairs.right(i);
                w[e++] = pairs.score(i);
            }
        }
        Graph g = Graph.of(recordCount, ScoredPairs.of(a, b, w), Double.NEGATIVE_INFINITY);
        UnionFind uf = new UnionFind(recordCount);
        double[] strongestCut = new double[clusters.count()];
        Arrays.fill(strongestCut, Double.NaN);
        for (int e : g.byDescendingScore()) {
            int ra = uf.find(g.a[e]);
            int rb = uf.find(g.b[e]);
            if (ra == rb) {
                continue;
            }
            if (uf.size(ra) + uf.size(rb) <= maxSize) {
                uf.union(ra, rb);
            } else {
                int c = label[g.a[e]];
                strongestCut[c] = Double.isNaN(strongestCut[c]) ? g.w[e] : Math.max(strongestCut[c], g.w[e]);
            }
        }
        List<Clusters.Split> splits = new ArrayList<>();
        int[] newLabel = new int[recordCount];
        for (int c = 0; c < clusters.count(); c++) {
            int[] members = clusters.members(c);
            if (members.length <= maxSize) {
                for (int r : members) {
                    newLabel[r] = members[0];
                }
                continue;
            }
            int pieces = 0;
            for (int r : members) {
                int root = uf.find(r);
                newLabel[r] = root;
                if (root == r) {
                    pieces++;
                }
            }
            double cut = Double.isNaN(strongestCut[c]) ? 0 : strongestCut[c];
            Clusters.Split split = new Clusters.Split(members[0], members.length, pieces, cut);
            LOG.debug("maximum cluster size {}: {}", maxSize, split);
            splits.add(split);
        }
        // reported in Clusters.splits() (the Resolver turns them into warnings); the log has the details
        if (LOG.isDebugEnabled()) {
            LOG.debug(String.format(java.util.Locale.ROOT, "maximum cluster size %d: split %d clusters (largest %d "
                            + "records, strongest link cut %.3f)", maxSize, splits.size(),
                    clusters.largestSize(), splits.stream().mapToDouble(Clusters.Split::strongestCut).max().orElse(0)));
        }
        return Clusters.of(newLabel, pairs).withSplits(splits);
    }

    private boolean inOversized(Clusters c, int x, int y) {
        return x != y && c.together(x, y) && c.size(c.clusterOf(x)) > maxSize;
    }

    @Override
    public String toString() {
        return inner + ".withMaxSize(" + maxSize + ")";
    }
}
