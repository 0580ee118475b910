package dev.matcher.cluster;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncrementalClustererTest {
    private static final String[] OLD_IDS = {"b", "d", "f", "h"};

    @Test
    void newRecordsAttachCreateAndMergeAndEveryIdChangeIsReported() {
        // existing: {b, d} and {f} and {h}
        ScoredPairs oldPairs = ScoredPairs.of(new int[] {0}, new int[] {1}, new double[] {0.9});
        Clusterer cc = Clusterers.connectedComponents(0.5);
        Clusters before = cc.cluster(4, oldPairs).withIds(OLD_IDS);
        // new: 4 "a" bridges {b,d} and {f}; 5 "i" joins {h}; 6 "z" and 7 "y" form a cluster
        ScoredPairs newPairs = ScoredPairs.of(new int[] {4, 4, 5, 6, 7}, new int[] {1, 2, 3, 7, 0},
                new double[] {0.8, 0.7, 0.9, 0.95, 0.2});
        IncrementalClusterer.Update u = IncrementalClusterer.of(cc).add(before, new String[] {"a", "i", "z", "y"},
                newPairs);
        Clusters after = u.clusters();
        assertEquals("a", after.clusterId(0));
        assertEquals("a", after.clusterId(2));
        assertEquals("h", after.clusterId(5));
        assertEquals("y", after.clusterId(6));
        ClusterChanges ch = u.changes();
        assertEquals(List.of("y"), ch.created());
        assertEquals(Map.of("a", "a", "i", "h"), ch.attached());
        assertEquals(List.of(new ClusterChanges.Merge("a", List.of("b", "f"))), ch.merged());
        assertEquals(Map.of("b", "a", "f", "a"), ch.renamed());
        assertTrue(ch.toString().contains("merged") && ch.toString().contains("b, f"), ch.toString());
        // old records keep their confidence, and the batch run agrees
        assertEquals(before.confidence(0), after.confidence(0));
        Clusters batch = cc.cluster(8, oldPairs.concat(newPairs)).withIds(new String[] {"b", "d", "f", "h", "a", "i",
                "z", "y"});
        assertEquals(batch, after);
    }

    @Test
    void pairsAmongExistingRecordsAreRejected() {
        Clusters before = Clusters.singletons(2);
        IncrementalClusterer inc = IncrementalClusterer.of(Clusterers.connectedComponents(0.5));
        assertThrows(IllegalArgumentException.class, () -> inc.add(before, new String[] {"x"},
                ScoredPairs.of(new int[] {0}, new int[] {1}, new double[] {0.9})));
        assertThrows(IllegalArgumentException.class, () -> inc.add(before, new String[] {"x"},
                ScoredPairs.of(new int[] {0}, new int[] {3}, new double[] {0.9})));
    }

    @Test
    void meanAggregationNeedsMostOfAClusterToAttach() {
        // existing cluster {0,1,2}; new record 3 matches only record 0
        ScoredPairs oldPairs = ScoredPairs.of(new int[] {0, 1, 0}, new int[] {1, 2, 2}, new double[] {0.9, 0.9, 0.9});
        Clusterer avg = Clusterers.hierarchical(0.5, Linkage.AVERAGE);
        Clusters before = avg.cluster(3, oldPairs);
        assertEquals(1, before.count());
        ScoredPairs newPairs = ScoredPairs.of(new int[] {3}, new int[] {0}, new double[] {0.9});
        Clusters max = IncrementalClusterer.of(avg, IncrementalClusterer.Aggregation.MAX).add(before, new String[] {"3"}, newPairs).clusters();
        Clusters mean = IncrementalClusterer.of(avg, IncrementalClusterer.Aggregation.MEAN)
                .add(before, new String[] {"3"}, newPairs).clusters();
        assertEquals(1, max.count());
        assertEquals(2, mean.count());
        // batch average linkage agrees with the mean: 0.9 / 3 < 0.5
        assertTrue(avg.cluster(4, oldPairs.concat(newPairs)).samePartition(mean));
    }
}
