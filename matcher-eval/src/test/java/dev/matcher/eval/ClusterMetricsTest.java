package dev.matcher.eval;

import dev.matcher.cluster.Clusters;
import dev.matcher.data.Pairs;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterMetricsTest {

    @Test
    void handComputedExample() {
        // truth {0,1,2} {3,4}; predicted {0,1} {2,3,4}
        ClusterMetrics m = ClusterMetrics.of(new int[] {0, 0, 1, 1, 1}, new int[] {5, 5, 5, 9, 9});
        // predicted pairs 01, 23, 24, 34 (4); true pairs 01, 02, 12, 34 (4); correct 01, 34
        assertEquals(4, m.predictedPairs());
        assertEquals(4, m.truePairs());
        assertEquals(2, m.correctPairs());
        assertEquals(0.5, m.pairPrecision(), 1e-12);
        assertEquals(0.5, m.pairF1(), 1e-12);
        // B-cubed precision: records 0,1: 2/2; record 2: 1/3; records 3,4: 2/3 -> (1+1+1/3+2/3+2/3)/5
        assertEquals((2 + 1 / 3.0 + 4 / 3.0) / 5, m.bcubedPrecision(), 1e-12);
        // recall: records 0,1: 2/3; record 2: 1/3; records 3,4: 2/2
        assertEquals((4 / 3.0 + 1 / 3.0 + 2) / 5, m.bcubedRecall(), 1e-12);
        assertEquals(2, m.predictedClusters());
        assertEquals(2, m.trueClusters());
        assertTrue(m.toString().contains("pairs P 0.500"), m.toString());
    }

    @Test
    void emptyAndSingletonConventions() {
        ClusterMetrics alone = ClusterMetrics.of(new int[] {0, 1, 2}, new int[] {0, 0, 1});
        assertEquals(1, alone.pairPrecision());
        assertEquals(0, alone.pairRecall());
        assertEquals(0, alone.pairF1());
        assertEquals(1, alone.bcubedPrecision(), 1e-12);
        ClusterMetrics none = ClusterMetrics.of(new int[0], new int[0]);
        assertEquals(1, none.pairF1());
        assertEquals(1, none.bcubedF1());
        assertThrows(IllegalArgumentException.class, () -> ClusterMetrics.of(new int[1], new int[2]));
    }

    @Test
    void aScopeCountsThePairsThatTouchIt() {
        // truth {0,1} {2,3} | {4,5}; scope = records 0..3; predicted {0,1,4} {2} {3} {5}
        boolean[] scope = {true, true, true, true, false, false};
        ClusterMetrics m = ClusterMetrics.of(new int[] {0, 0, 1, 2, 0, 3}, new int[] {7, 7, 8, 8, 9, 9}, scope);
        // predicted pairs touching the scope: 01, 04, 14 (4 joined to the scope is wrong); true pairs in scope 01, 23
        assertEquals(3, m.predictedPairs());
        assertEquals(2, m.truePairs());
        assertEquals(1, m.correctPairs());
        assertEquals(1 / 3.0, m.pairPrecision(), 1e-12);
        assertEquals(0.5, m.pairRecall(), 1e-12);
        assertEquals(4, m.records());
        assertEquals(2, m.trueClusters());
        assertEquals(3, m.predictedClusters());
        // B-cubed precision over the scope: 0,1: 2/3 each; 2: 1; 3: 1
        assertEquals((4 / 3.0 + 2) / 4, m.bcubedPrecision(), 1e-12);
        // the whole table as scope is the unscoped comparison
        int[] p = {0, 0, 1, 2, 0, 3};
        int[] t = {7, 7, 8, 8, 9, 9};
        boolean[] all = {true, true, true, true, true, true};
        assertEquals(ClusterMetrics.of(p, t), ClusterMetrics.of(p, t, all));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterMetrics.of(p, t, new boolean[] {true, true, true, false, false, false}));
        assertTrue(e.getMessage().contains("whole true clusters"), e.getMessage());
    }

    @Test
    void truthIsTheConnectedComponentsOfTheMatches() {
        Clusters truth = ClusterMetrics.truth(5, Pairs.of(new int[] {0, 3, 1}, new int[] {1, 4, 0}));
        assertArrayEquals(new int[] {0, 0, 1, 2, 2}, truth.labels());
    }

    @Property(tries = 200)
    void perfectPredictionScoresOneAndSwappingSidesSwapsPrecisionAndRecall(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 6) Integer> predicted, @ForAll long seed) {
        int n = predicted.size();
        int[] p = predicted.stream().mapToInt(Integer::intValue).toArray();
        int[] t = new int[n];
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            t[i] = random.nextInt(4);
        }
        ClusterMetrics same = ClusterMetrics.of(p, p);
        assertEquals(1, same.pairF1(), 1e-12);
        assertEquals(1, same.bcubedF1(), 1e-12);
        ClusterMetrics m = ClusterMetrics.of(p, t);
        ClusterMetrics swapped = ClusterMetrics.of(t, p);
        assertEquals(m.bcubedPrecision(), swapped.bcubedRecall(), 1e-12);
        assertEquals(m.pairPrecision(), swapped.pairRecall(), 1e-12);
        for (double v : new double[] {m.pairPrecision(), m.pairRecall(), m.bcubedPrecision(), m.bcubedRecall()}) {
            assertTrue(v >= 0 && v <= 1 + 1e-12, "out of range " + v);
        }
        assertTrue(m.correctPairs() <= Math.min(m.predictedPairs(), m.truePairs()));
        // B-cubed precision is positive whenever there are records: each record counts itself
        assertTrue(n == 0 || m.bcubedPrecision() > 0);
    }
}
