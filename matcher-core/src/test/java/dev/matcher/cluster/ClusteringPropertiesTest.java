package dev.matcher.cluster;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusteringPropertiesTest {
    private static final double TOL = 1e-9;

    private static List<Clusterer> dedupClusterers(double t) {
        return List.of(Clusterers.connectedComponents(t), Clusterers.center(t), Clusterers.mergeCenter(t),
                Clusterers.pivot(t), Clusterers.hierarchical(t, Linkage.AVERAGE),
                Clusterers.hierarchical(t, Linkage.CENTROID), Clusterers.hierarchical(t, Linkage.COMPLETE),
                Clusterers.supportedAverage(t), Clusterers.uniqueMapping(t),
                Clusterers.connectedComponents(t).withMaxSize(3));
    }

    @Property(tries = 150)
    void everyClustererPartitionsTheRecordsDeterministically(@ForAll long seed, @ForAll @IntRange(min = 1, max = 25) int n,
                                                            @ForAll @DoubleRange(min = 0.05, max = 1) double threshold) {
        ScoredPairs pairs = RandomGraphs.dedup(seed, n, 0.3);
        for (Clusterer c : dedupClusterers(threshold)) {
            Clusters clusters = c.cluster(n, pairs);
            assertPartition(n, clusters, c);
            assertEquals(clusters, c.cluster(n, pairs), c + " is not deterministic");
        }
    }

    static void assertPartition(int n, Clusters clusters, Object what) {
        assertEquals(n, clusters.size(), what + ": record count");
        boolean[] seen = new boolean[n];
        int total = 0;
        for (int c = 0; c < clusters.count(); c++) {
            int[] members = clusters.members(c);
            assertTrue(members.length > 0, what + ": empty cluster " + c);
            for (int r : members) {
                assertTrue(!seen[r], what + ": record " + r + " in two clusters");
                seen[r] = true;
                assertEquals(c, clusters.clusterOf(r), what + ": label of record " + r);
            }
            total += members.length;
            double confidence = clusters.clusterConfidence(c);
            assertTrue(confidence >= 0 && confidence <= 1, what + ": cluster confidence " + confidence);
        }
        assertEquals(n, total, what + ": records covered");
        for (int r = 0; r < n; r++) {
            assertTrue(clusters.confidence(r) >= 0 && clusters.confidence(r) <= 1, what + ": confidence of " + r);
        }
    }

    @Property(tries = 150)
    void connectedComponentsAndMergeCenterJoinOnlyThroughPairsAtTheThreshold(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 25) int n,
            @ForAll @DoubleRange(min = 0.05, max = 1) double t) {
        ScoredPairs pairs = RandomGraphs.dedup(seed, n, 0.3);
        // centroid linkage only stays inside a connected component at the threshold: a merged centroid can be
        // closer to a record than any of its members is, so no pair inside the cluster need reach the threshold
        Clusterer centroid = Clusterers.hierarchical(t, Linkage.CENTROID);
        for (Clusterer c : List.of(Clusterers.connectedComponents(t), Clusterers.mergeCenter(t),
                Clusterers.hierarchical(t, Linkage.AVERAGE), Clusterers.supportedAverage(t), centroid)) {
            boolean withinCluster = c != centroid;
            Clusters clusters = c.cluster(n, pairs);
            UnionFind strong = new UnionFind(n);
            for (int i = 0; i < pairs.size(); i++) {
                if (pairs.score(i) >= t && (!withinCluster || clusters.together(pairs.left(i), pairs.right(i)))) {
                    strong.union(pairs.left(i), pairs.right(i));
                }
            }
            for (int r = 0; r < n; r++) {
                int first = clusters.members(clusters.clusterOf(r))[0];
                assertTrue(strong.connected(r, first), c + ": record " + r + " not linked to its cluster at " + t);
            }
        }
        // connected components are also maximal: no pair at the threshold crosses two clusters
        Clusters cc = Clusterers.connectedComponents(t).cluster(n, pairs);
        for (int i = 0; i < pairs.size(); i++) {
            assertTrue(pairs.score(i) < t || cc.together(pairs.left(i), pairs.right(i)));
        }
    }

    @Property(tries = 150)
    void centerAndPivotClustersHaveAMemberLinkedToAllOthers(@ForAll long seed,
                                                            @ForAll @IntRange(min = 1, max = 25) int n,
                                                            @ForAll @DoubleRange(min = 0.05, max = 1) double t) {
        ScoredPairs pairs = RandomGraphs.dedup(seed, n, 0.3);
        double[][] score = RandomGraphs.matrix(n, pairs);
        for (Clusterer c : List.of(Clusterers.center(t), Clusterers.pivot(t, seed, 3))) {
            Clusters clusters = c.cluster(n, pairs);
            for (int k = 0; k < clusters.count(); k++) {
                int[] members = clusters.members(k);
                boolean hasCenter = false;
                for (int center : members) {
                    boolean all = true;
                    for (int r : members) {
                        all &= r == center || score[center][r] >= t;
                    }
                    hasCenter |= all;
                }
                assertTrue(hasCenter, c + ": cluster " + k + " has no member linked to all others at " + t);
            }
        }
    }

    @Property(tries = 150)
    void averageLinkageStopsAtTheThresholdAndMatchesTheDenseReference(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 25) int n,
            @ForAll @DoubleRange(min = 0.05, max = 1) double t) {
        ScoredPairs pairs = RandomGraphs.dedup(seed, n, 0.4);
        double[][] score = RandomGraphs.matrix(n, pairs);
        Clusters sparse = Clusterers.hierarchical(t, Linkage.AVERAGE).cluster(n, pairs);
        // no two clusters left with a mean score at the threshold
        for (int a = 0; a < sparse.count(); a++) {
            for (int b = a + 1; b < sparse.count(); b++) {
                double sum = 0;
                for (int x : sparse.members(a)) {
                    for (int y : sparse.members(b)) {
                        sum += score[x][y];
                    }
                }
                double mean = sum / (sparse.size(a) * sparse.size(b));
                assertTrue(mean < t + TOL, "clusters " + a + " and " + b + " still score " + mean + " >= " + t);
            }
        }
        Clusters dense = new HierarchicalClustering(t, Linkage.AVERAGE, 1000, true).cluster(n, pairs);
        assertTrue(sparse.samePartition(dense), "sparse " + sparse + " vs dense " + dense);
    }

    @Property(tries = 150)
    void supportedAverageKeepsNoScoredPairBelowTheThresholdInsideAndRefinesAverageLinkage(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 25) int n,
            @ForAll @DoubleRange(min = 0.05, max = 1) double t) {
        ScoredPairs pairs = RandomGraphs.dedup(seed, n, 0.5);
        Clusters supported = Clusterers.supportedAverage(t).cluster(n, pairs);
        for (int i = 0; i < pairs.size(); i++) {
            assertTrue(pairs.score(i) >= t || !supported.together(pairs.left(i), pairs.right(i)),
                    pairs.left(i) + "," + pairs.right(i) + " scores " + pairs.score(i) + " < " + t + " in one cluster");
        }
        // without a vetoed pair it is average linkage itself
        if (pairs.atLeast(t).size() == pairs.size()) {
            assertTrue(supported.samePartition(Clusterers.hierarchical(t, Linkage.AVERAGE).cluster(n, pairs)));
        }
    }

    @Property(tries = 150)
    void completeLinkageKeepsEveryPairInsideAtTheThreshold(@ForAll long seed, @ForAll @IntRange(min = 1, max = 25) int n,
                                                          @ForAll @DoubleRange(min = 0.05, max = 1) double t) {
        ScoredPairs pairs = RandomGraphs.dedup(seed, n, 0.5);
        double[][] score = RandomGraphs.matrix(n, pairs);
        Clusters clusters = Clusterers.hierarchical(t, Linkage.COMPLETE).cluster(n, pairs);
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                assertTrue(!clusters.together(a, b) || score[a][b] >= t - TOL, a + "," + b + " scores " + score[a][b]);
            }
        }
    }

    @Property(tries = 150)
    void oneToOneClusterersPutNoRecordInTwoPairs(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int left,
                                                 @ForAll @IntRange(min = 1, max = 12) int right,
                                                 @ForAll @DoubleRange(min = 0.05, max = 1) double t) {
        int n = left + right;
        ScoredPairs pairs = RandomGraphs.linkage(seed, left, right, 0.4);
        double[][] score = RandomGraphs.matrix(n, pairs);
        Clusters greedy = Clusterers.uniqueMapping(t).cluster(n, pairs);
        Clusters exact = Clusterers.maxWeightAssignment(t).cluster(n, pairs);
        for (Clusters c : List.of(greedy, exact)) {
            assertPartition(n, c, "one-to-one");
            for (int k = 0; k < c.count(); k++) {
                int[] m = c.members(k);
                assertTrue(m.length <= 2, "cluster of " + m.length);
                if (m.length == 2) {
                    assertTrue(m[0] < left && m[1] >= left, "a pair within one table");
                    assertTrue(score[m[0]][m[1]] >= t, "pair below the threshold");
                }
            }
        }
        double exactTotal = total(exact, score);
        assertTrue(exactTotal >= total(greedy, score) - TOL, "exact assignment below greedy");
        if (left <= 7 && right <= 7) {
            assertEquals(bruteForce(score, left, right, t, 0, new boolean[right]), exactTotal, 1e-9);
        }
        Clusters manyToOne = Clusterers.manyToOne(t).cluster(n, pairs);
        for (int k = 0; k < manyToOne.count(); k++) {
            int[] m = manyToOne.members(k);
            if (m.length > 1) {
                assertTrue(m[0] < left && m[1] >= left, "a star must have one left record");
                for (int i = 1; i < m.length; i++) {
                    assertTrue(score[m[0]][m[i]] >= t);
                }
            }
        }
    }

    private static double total(Clusters c, double[][] score) {
        double sum = 0;
        for (int k = 0; k < c.count(); k++) {
            int[] m = c.members(k);
            if (m.length == 2) {
                sum += score[m[0]][m[1]];
            }
        }
        return sum;
    }

    private static double bruteForce(double[][] score, int left, int right, double t, int row, boolean[] used) {
        if (row == left) {
            return 0;
        }
        double best = bruteForce(score, left, right, t, row + 1, used);
        for (int j = 0; j < right; j++) {
            double s = score[row][left + j];
            if (!used[j] && s >= t && s > 0) {
                used[j] = true;
                best = Math.max(best, s + bruteForce(score, left, right, t, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    @Property(tries = 100)
    void sizeGuardBoundsEveryClusterAndNestsInTheUnguardedOnes(@ForAll long seed,
                                                              @ForAll @IntRange(min = 1, max = 30) int n,
                                                              @ForAll @IntRange(min = 1, max = 6) int maxSize) {
        ScoredPairs pairs = RandomGraphs.dedup(seed, n, 0.3);
        Clusters plain = Clusterers.connectedComponents(0.3).cluster(n, pairs);
        Clusters guarded = Clusterers.connectedComponents(0.3).withMaxSize(maxSize).cluster(n, pairs);
        assertTrue(guarded.largestSize() <= maxSize);
        int oversized = 0;
        for (int c = 0; c < plain.count(); c++) {
            oversized += plain.size(c) > maxSize ? 1 : 0;
        }
        assertEquals(oversized, guarded.splits().size(), "one report per split cluster");
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                assertTrue(!guarded.together(a, b) || plain.together(a, b), "the guard joined records");
            }
        }
    }

    @Property(tries = 100)
    void idsStayWhenRecordsAreAdded(@ForAll long seed, @ForAll @IntRange(min = 1, max = 20) int n,
                                    @ForAll @IntRange(min = 0, max = 8) int added) {
        int total = n + added;
        ScoredPairs all = RandomGraphs.dedup(seed, total, 0.15);
        ScoredPairs oldPairs = restrict(all, n, false);
        String[] ids = new String[total];
        for (int i = 0; i < total; i++) {
            ids[i] = "r" + (1000 - 7 * i);   // new records get smaller ids than older ones
        }
        String[] oldIds = java.util.Arrays.copyOf(ids, n);
        Clusters before = Clusterers.connectedComponents(0.5).cluster(n, oldPairs).withIds(oldIds);
        Clusters after = Clusterers.connectedComponents(0.5).cluster(total, all).withIds(ids);
        for (int r = 0; r < n; r++) {
            // the id stays unless a record with a smaller id joined, which is the only way it can change
            boolean smallerJoined = false;
            for (int x : after.members(after.clusterOf(r))) {
                smallerJoined |= (x >= n || !before.together(x, r))
                        && Clusters.NATURAL_ORDER.compare(ids[x], before.clusterId(r)) < 0;
            }
            assertEquals(!smallerJoined, before.clusterId(r).equals(after.clusterId(r)),
                    "record " + r + ": " + before.clusterId(r) + " -> " + after.clusterId(r));
        }
    }

    @Property(tries = 150)
    void incrementalConnectedComponentsEqualTheBatchRun(@ForAll long seed, @ForAll @IntRange(min = 0, max = 20) int n,
                                                       @ForAll @IntRange(min = 0, max = 10) int added,
                                                       @ForAll @DoubleRange(min = 0.05, max = 1) double t) {
        int total = n + added;
        ScoredPairs all = RandomGraphs.dedup(seed, total, 0.2);
        String[] ids = new String[total];
        for (int i = 0; i < total; i++) {
            ids[i] = "id" + ((i * 7919L + seed) & 0xffff) + "-" + i;
        }
        Clusterer cc = Clusterers.connectedComponents(t);
        Clusters before = cc.cluster(n, restrict(all, n, false)).withIds(java.util.Arrays.copyOf(ids, n));
        IncrementalClusterer.Update update = IncrementalClusterer.of(cc)
                .add(before, java.util.Arrays.copyOfRange(ids, n, total), restrict(all, n, true));
        Clusters batch = cc.cluster(total, all).withIds(ids);
        assertEquals(batch, update.clusters());
        assertChangesComplete(before, update);
    }

    @Property(tries = 100)
    void incrementalOtherClusterersNeverSplitExistingClustersAndReportEveryIdChange(
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 20) int n, @ForAll @IntRange(min = 0, max = 10) int added,
            @ForAll @DoubleRange(min = 0.05, max = 1) double t) {
        int total = n + added;
        ScoredPairs all = RandomGraphs.dedup(seed, total, 0.2);
        String[] ids = new String[total];
        for (int i = 0; i < total; i++) {
            ids[i] = Integer.toString((int) ((i * 7919L + seed) & 0xffff)) + "-" + i;
        }
        for (Clusterer c : List.of(Clusterers.hierarchical(t, Linkage.AVERAGE), Clusterers.pivot(t),
                Clusterers.center(t))) {
            for (IncrementalClusterer.Aggregation agg : IncrementalClusterer.Aggregation.values()) {
                Clusters before = c.cluster(n, restrict(all, n, false)).withIds(java.util.Arrays.copyOf(ids, n));
                IncrementalClusterer.Update update = IncrementalClusterer.of(c, agg)
                        .add(before, java.util.Arrays.copyOfRange(ids, n, total), restrict(all, n, true));
                assertPartition(total, update.clusters(), c);
                for (int a = 0; a < n; a++) {
                    for (int b = a + 1; b < n; b++) {
                        assertTrue(!before.together(a, b) || update.clusters().together(a, b), "split " + a + "," + b);
                    }
                }
                assertChangesComplete(before, update);
            }
        }
    }

    /** Every old cluster id that is gone is renamed to the id now holding its records; no others are. */
    private static void assertChangesComplete(Clusters before, IncrementalClusterer.Update update) {
        Clusters after = update.clusters();
        ClusterChanges changes = update.changes();
        for (int r = 0; r < before.size(); r++) {
            String was = before.clusterId(r);
            String now = after.clusterId(r);
            if (was.equals(now)) {
                assertTrue(!changes.renamed().containsKey(was), "unchanged id " + was + " reported as renamed");
            } else {
                assertEquals(now, changes.renamed().get(was), "id change of record " + r + " not reported");
            }
        }
        for (int r = before.size(); r < after.size(); r++) {
            boolean withOld = after.members(after.clusterOf(r))[0] < before.size();
            assertEquals(withOld, changes.attached().containsKey(after.id(r)), "new record " + r);
            assertEquals(!withOld, changes.created().contains(after.clusterId(r)), "new record " + r);
        }
    }

    /** Pairs among the first n records, or (newOnly) the pairs that involve a later record. */
    static ScoredPairs restrict(ScoredPairs all, int n, boolean newOnly) {
        int m = 0;
        int[] l = new int[all.size()];
        int[] r = new int[all.size()];
        double[] s = new double[all.size()];
        for (int i = 0; i < all.size(); i++) {
            boolean old = all.left(i) < n && all.right(i) < n;
            if (old != newOnly) {
                l[m] = all.left(i);
                r[m] = all.right(i);
                s[m++] = all.score(i);
            }
        }
        return ScoredPairs.of(java.util.Arrays.copyOf(l, m), java.util.Arrays.copyOf(r, m), java.util.Arrays.copyOf(s, m));
    }
}
