package dev.matcher.cluster;

import dev.matcher.data.Table;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterersTest {

    /** Two tight triangles {0,1,2} and {3,4,5} joined by one strong pair 2-3 (a typical false match). */
    private static final ScoredPairs BRIDGED = ScoredPairs.of(
            new int[] {0, 0, 1, 3, 3, 4, 2},
            new int[] {1, 2, 2, 4, 5, 5, 3},
            new double[] {0.95, 0.9, 0.92, 0.9, 0.93, 0.96, 0.8});

    @Test
    void connectedComponentsChainThroughTheBridge() {
        Clusters c = Clusterers.connectedComponents(0.5).cluster(7, BRIDGED);
        assertEquals(2, c.count());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, c.members(0));
        assertArrayEquals(new int[] {6}, c.members(1));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 1}, c.labels());
        // above the bridge's score the triangles fall apart
        assertEquals(3, Clusterers.connectedComponents(0.85).cluster(7, BRIDGED).count());
    }

    @Test
    void averageLinkageSplitsTheChainThatConnectedComponentsBuild() {
        Clusters c = Clusterers.hierarchical(0.5, Linkage.AVERAGE).cluster(7, BRIDGED);
        assertEquals(3, c.count());
        assertTrue(c.together(0, 2) && c.together(3, 5));
        assertFalse(c.together(2, 3));
        Clusters centroid = Clusterers.hierarchical(0.5, Linkage.CENTROID).cluster(7, BRIDGED);
        assertTrue(centroid.samePartition(c), centroid.toString());
        // a low enough threshold joins them again: mean score across is 0.8 / 9
        assertEquals(2, Clusterers.hierarchical(0.08, Linkage.AVERAGE).cluster(7, BRIDGED).count());
    }

    @Test
    void supportedAverageLetsNoPairBelowTheThresholdBeOutvoted() {
        // two near-namesake groups {0,1,2} and {3,4,5}: every pair across scores high except 2-5, a clear non-match
        int[] l = new int[15];
        int[] r = new int[15];
        double[] s = new double[15];
        int k = 0;
        for (int a = 0; a < 6; a++) {
            for (int b = a + 1; b < 6; b++) {
                l[k] = a;
                r[k] = b;
                s[k++] = (a < 3) == (b < 3) ? 0.99 : a == 2 && b == 5 ? 0.1 : 0.95;
            }
        }
        ScoredPairs namesakes = ScoredPairs.of(l, r, s);
        // average linkage: mean across (8 x 0.95 + 0.1) / 9 = 0.86 >= 0.7, one cluster
        assertEquals(1, Clusterers.hierarchical(0.7, Linkage.AVERAGE).cluster(6, namesakes).count());
        Clusters supported = Clusterers.supportedAverage(0.7).cluster(6, namesakes);
        assertEquals(2, supported.count());
        assertTrue(supported.together(0, 2) && supported.together(3, 5) && !supported.together(0, 3));
        // the bridged triangles split as with plain average linkage
        assertTrue(Clusterers.supportedAverage(0.5).cluster(7, BRIDGED)
                .samePartition(Clusterers.hierarchical(0.5, Linkage.AVERAGE).cluster(7, BRIDGED)));
        assertEquals("supportedAverage(0.7)", Clusterers.supportedAverage(0.7).toString());
    }

    @Test
    void centerClusteringTakesTheStrongestPairsFirst() {
        // 4-5 (0.96) makes 4 a center with 5; 0-1 (0.95) makes 0 a center with 1; 3-5 cannot join 3 to member 5,
        // 1-2 cannot join 2 to member 1, but 0-2 joins 2 to center 0; 3-4 joins 3 to center 4
        Clusters center = Clusterers.center(0.5).cluster(7, BRIDGED);
        assertEquals(3, center.count());
        assertArrayEquals(new int[] {0, 1, 2}, center.members(0));
        assertArrayEquals(new int[] {3, 4, 5}, center.members(1));
        // merge-center: the bridge 2-3 joins member 2 to member 3, neither a center: no merge either
        assertTrue(Clusterers.mergeCenter(0.5).cluster(7, BRIDGED).samePartition(center));
        // a pair from a center to the other cluster merges the two
        ScoredPairs centerBridge = BRIDGED.concat(ScoredPairs.of(new int[] {0}, new int[] {5}, new double[] {0.7}));
        assertEquals(2, Clusterers.mergeCenter(0.5).cluster(7, centerBridge).count());
        assertEquals(3, Clusterers.center(0.5).cluster(7, centerBridge).count());
    }

    @Test
    void pivotIsSeededAndPrefersTheLowerDisagreement() {
        Clusters a = Clusterers.pivot(0.5, 7, 10).cluster(7, BRIDGED);
        assertEquals(a, Clusterers.pivot(0.5, 7, 10).cluster(7, BRIDGED));
        // with 10 rounds some pivot order finds the two triangles, the best correlation clustering here
        assertEquals(3, a.count());
        assertFalse(a.together(2, 3));
    }

    @Test
    void uniqueMappingIsGreedyAndTheAssignmentIsOptimal() {
        // left 0,1; right 2,3. Greedy takes 0-2 (0.9) and leaves 1 alone; the optimum is 0-3 + 1-2 = 1.6
        RecordSpace space = RecordSpace.linkage(2, 2);
        ScoredPairs rows = ScoredPairs.of(new int[] {0, 0, 1}, new int[] {0, 1, 0}, new double[] {0.9, 0.8, 0.8});
        ScoredPairs records = space.toRecords(rows);
        assertArrayEquals(new int[] {0, 0, 1, 1}, new int[] {records.left(0), records.left(1), records.left(2),
                records.left(2) == 1 ? 1 : -1});
        assertEquals(2, records.right(0));
        Clusters greedy = Clusterers.uniqueMapping(0.5).cluster(space.size(), records);
        assertTrue(greedy.together(0, 2));
        assertEquals(3, greedy.count());
        Clusters exact = Clusterers.maxWeightAssignment(0.5).cluster(space.size(), records);
        assertTrue(exact.together(0, 3) && exact.together(1, 2));
        assertEquals(2, exact.count());
        // over the size limit the assignment falls back to greedy
        assertTrue(Clusterers.maxWeightAssignment(0.5, 1).cluster(4, records).samePartition(greedy));
    }

    @Test
    void manyToOneGathersEachRightRecordAtItsBestLeftRecord() {
        RecordSpace space = RecordSpace.linkage(2, 3);
        ScoredPairs records = space.toRecords(ScoredPairs.of(new int[] {0, 1, 0, 1, 1},
                new int[] {0, 0, 1, 1, 2}, new double[] {0.9, 0.6, 0.8, 0.7, 0.3}));
        Clusters c = Clusterers.manyToOne(0.5).cluster(space.size(), records);
        assertArrayEquals(new int[] {0, 2, 3}, c.members(0));
        assertArrayEquals(new int[] {1}, c.members(1));
        assertEquals(3, c.count());
    }

    @Test
    void oneToOneNeedsTwoSidedPairs() {
        ScoredPairs chain = ScoredPairs.of(new int[] {0, 1}, new int[] {1, 2}, new double[] {0.9, 0.9});
        assertThrows(IllegalArgumentException.class, () -> Clusterers.maxWeightAssignment(0.5).cluster(3, chain));
        assertThrows(IllegalArgumentException.class, () -> Clusterers.manyToOne(0.5).cluster(3, chain));
        assertEquals(2, Clusterers.uniqueMapping(0.5).cluster(3, chain).count());
    }

    @Test
    void sizeGuardCutsTheWeakestLinkAndReportsIt() {
        Clusters c = Clusterers.connectedComponents(0.5).withMaxSize(3).cluster(7, BRIDGED);
        assertEquals(3, c.count());
        assertFalse(c.together(2, 3));
        assertEquals(1, c.splits().size());
        Clusters.Split split = c.splits().get(0);
        assertEquals(new Clusters.Split(0, 6, 2, 0.8), split);
        assertTrue(c.toString().contains("1 split by the size guard"), c.toString());
        assertThrows(IllegalArgumentException.class, () -> Clusterers.center(0.5).withMaxSize(0));
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Clusterers.connectedComponents(1.5));
        assertThrows(IllegalArgumentException.class, () -> Clusterers.connectedComponents(0.5).cluster(3, BRIDGED));
        assertThrows(IllegalArgumentException.class,
                () -> ScoredPairs.of(new int[] {0}, new int[] {1}, new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> ScoredPairs.of(new int[] {0}, new int[] {1}, new double[0]));
    }

    @Test
    void clustersCarryStableIdsAndConfidence() {
        Table t = Table.builder("name").row("rec-10", "a").row("rec-9", "a").row("rec-100", "b").row("x", "c")
                .row("rec-2", "c").row("rec-3", "d").row("rec-4", "d").build();
        Clusters c = Clusterers.connectedComponents(0.5).cluster(t.size(), BRIDGED).withIds(t);
        // natural order: rec-2 < rec-3 < rec-4 < rec-9 < rec-10 < rec-100 < x
        assertEquals("rec-2", c.clusterId(0));
        assertEquals("rec-2", c.idOfCluster(0));
        assertEquals("rec-4", c.clusterId(6));
        assertEquals((0.95 + 0.9) / 2, c.confidence(0), 1e-12);
        assertEquals((0.9 + 0.92 + 0.8) / 3, c.confidence(2), 1e-12);
        assertEquals(1.0, c.confidence(6), 1e-12);
        double all = 0.95 + 0.9 + 0.92 + 0.9 + 0.93 + 0.96 + 0.8;
        assertEquals(all / 7, c.clusterConfidence(0), 1e-12);
        String printed = c.toString();
        assertTrue(printed.startsWith("Clusters[7 records in 2 clusters, 1 alone, largest 6]"), printed);
        assertTrue(printed.contains("rec-2") && printed.contains("rec-10, rec-9"), printed);
        // a record left alone is as confident as its best pair is weak
        Clusters strict = Clusterers.connectedComponents(0.99).cluster(7, BRIDGED);
        assertEquals(1 - 0.96, strict.confidence(4), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> c.withIds(new String[] {"a"}));
    }

    @Test
    void naturalOrderComparesNumbersByValue() {
        assertTrue(Clusters.NATURAL_ORDER.compare("r2", "r10") < 0);
        assertTrue(Clusters.NATURAL_ORDER.compare("r10", "r2") > 0);
        assertTrue(Clusters.NATURAL_ORDER.compare("a", "b") < 0);
        assertTrue(Clusters.NATURAL_ORDER.compare("r01", "r1") != 0);
        assertEquals(0, Clusters.NATURAL_ORDER.compare("r10x", "r10x"));
        assertTrue(Clusters.NATURAL_ORDER.compare("9", "10") < 0);
    }

    @Test
    void clustersFromLabelsAreCanonical() {
        Clusters a = Clusters.of(new int[] {7, -3, 7, 5});
        Clusters b = Clusters.of(new int[] {0, 1, 0, 2});
        assertEquals(a, b);
        assertArrayEquals(new int[] {0, 1, 0, 2}, a.labels());
        assertEquals(3, a.count());
        assertEquals(4, Clusters.singletons(4).count());
    }

    @Test
    void recordSpaceMapsTwoTablesIntoOneRange() {
        RecordSpace space = RecordSpace.linkage(3, 2);
        assertEquals(5, space.size());
        assertEquals(4, space.right(1));
        assertFalse(space.isLeft(4));
        assertEquals(1, space.row(4));
        assertThrows(IllegalArgumentException.class,
                () -> space.toRecords(ScoredPairs.of(new int[] {0}, new int[] {2}, new double[] {0.5})));
        Table left = Table.builder("n").row("1", "a").row("2", "b").row("3", "c").build();
        Table right = Table.builder("n").row("1", "a").row("9", "b").build();
        assertArrayEquals(new String[] {"L:1", "L:2", "L:3", "R:1", "R:9"}, space.ids(left, right));
        RecordSpace dedup = RecordSpace.deduplication(3);
        assertEquals(2, dedup.right(2));
        assertArrayEquals(new String[] {"1", "2", "3"}, dedup.ids(left, left));
    }

    @Test
    void unionFindCountsAndLabelsSets() {
        UnionFind uf = new UnionFind(5);
        assertTrue(uf.union(3, 4));
        assertTrue(uf.union(1, 3));
        assertFalse(uf.union(4, 1));
        assertEquals(3, uf.count());
        assertEquals(3, uf.size(4));
        assertArrayEquals(new int[] {0, 1, 2, 1, 1}, uf.labels());
    }
}
