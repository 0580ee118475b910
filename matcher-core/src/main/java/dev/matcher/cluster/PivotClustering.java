package dev.matcher.cluster;

import java.util.SplittableRandom;

/**
 * Correlation clustering by pivoting (KwikCluster, Ailon, Charikar and Newman 2008): take records in a seeded random
 * order; each record not yet clustered becomes a pivot and takes every unclustered record it shares a pair at or
 * above the threshold with. Of several seeded rounds the one with the lowest disagreement cost wins:
 * {@code sum over pairs put together of (threshold - score)}, unscored pairs scoring 0 — the usual correlation
 * clustering objective, shifted so that scores above the threshold favour joining.
 */
final class PivotClustering implements Clusterer {
    private final double threshold;
    private final long seed;
    private final int rounds;

    PivotClustering(double threshold, long seed, int rounds) {
        this.threshold = Clusterers.checkThreshold(threshold);
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
        }
        this.seed = seed;
        this.rounds = rounds;
    }

    @Override
    public Clusters cluster(int recordCount, ScoredPairs pairs) {
        Graph g = Graph.of(recordCount, pairs, threshold);
        SplittableRandom random = new SplittableRandom(seed);
        int[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int round = 0; round < rounds; round++) {
            int[] label = pivot(g, random.split());
            double cost = cost(label, pairs);
            if (cost < bestCost) {
                bestCost = cost;
                best = label;
            }
        }
        return Clusters.of(best, pairs);
    }

    private static int[] pivot(Graph g, SplittableRandom random) {
        int n = g.n;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] label = new int[n];
        java.util.Arrays.fill(label, -1);
        for (int pivot : order) {
            if (label[pivot] >= 0) {
                continue;
            }
            label[pivot] = pivot;
            for (int k = g.degreeStart(pivot); k < g.degreeEnd(pivot); k++) {
                int u = g.neighbourAt(k);
                if (label[u] < 0) {
                    label[u] = pivot;
                }
            }
        }
        return label;
    }

    private double cost(int[] label, ScoredPairs pairs) {
        int n = label.length;
        long[] size = new long[n];
        for (int l : label) {
            size[l]++;
        }
        double together = 0;
        for (long s : size) {
            together += s * (s - 1) / 2.0;
        }
        double cost = threshold * together;
        for (int i = 0; i < pairs.size(); i++) {
            int a = pairs.left(i);
            int b = pairs.right(i);
            if (a != b && label[a] == label[b]) {
                cost -= pairs.score(i);
            }
        }
        return cost;
    }

    @Override
    public String toString() {
        return "pivot(" + threshold + ", seed " + seed + ", " + rounds + " rounds)";
    }
}
