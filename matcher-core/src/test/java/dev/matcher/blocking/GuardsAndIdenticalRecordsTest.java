package dev.matcher.blocking;

import dev.matcher.cluster.Clusterers;
import dev.matcher.cluster.Clusters;
import dev.matcher.cluster.Linkage;
import dev.matcher.cluster.ScoredPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import org.junit.jupiter.api.Test;

import static dev.matcher.blocking.TestTables.set;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Size guards report what they drop; identical records are paired (and clustered) in linear time whatever the guard. */
class GuardsAndIdenticalRecordsTest {
    /** {@code copies} identical rows, then a few distinct ones. */
    private static Table copies(int copies) {
        Table.Builder b = Table.builder("name", "city");
        for (int i = 0; i < copies; i++) {
            b.row("c" + i, "John Smith", "Springfield");
        }
        return b.row("x", "Ann Lee", "Oslo").row("y", "ANN  LEE", "oslo").row("z", "Bob Orr", "Rome").build();
    }

    @Test
    void theSizeGuardReportsEveryBlockItDropsWithTheLargestKey() {
        Table t = copies(30);
        Candidates c = Blockers.tokens().maxBlockSize(10).block(Task.deduplication(t));
        assertEquals(1, c.cuts().size(), c.cuts().toString());
        Candidates.Cut cut = c.cuts().get(0);
        assertEquals(3, cut.blocks(), "john, smith, springfield");
        assertEquals(10, cut.limit());
        assertEquals(30, cut.largestSize());
        assertTrue(cut.toString().contains("3 blocks above 10 records dropped (largest '"), cut.toString());
        assertEquals(c.pairs().toPacked().length, Blockers.tokens().maxBlockSize(10).candidates(t).size());
        // cuts travel through cleaning, meta-blocking and unions
        assertEquals(1, Blockers.tokens().maxBlockSize(10).filter(0.8)
                .metaBlocking(MetaBlocking.Weighting.JS, MetaBlocking.Pruning.WEP).or(Blockers.sortedNeighbourhood("name", 2))
                .block(Task.deduplication(t)).cuts().size());
        assertTrue(Blockers.tokens().block(Task.deduplication(t)).cuts().isEmpty());
    }

    @Test
    void theCandidateBudgetReportsItsCut() {
        Table t = copies(40);
        Candidates c = Blockers.tokens().candidateBudget(100).block(Task.deduplication(t));
        assertTrue(c.pairs().size() <= 100, c.pairs().size() + " pairs");
        assertTrue(c.cuts().get(0).guard().startsWith("candidate guard"), c.cuts().toString());
    }

    @Test
    void identicalRecordsAreAStarInDeduplicationAndAcrossSidesInLinkage() {
        Table t = copies(4);
        // "Ann Lee, Oslo" and "ANN  LEE, oslo" fold to the same values
        assertEquals(set("0-1", "0-2", "0-3", "4-5"), set(Blockers.identicalRecords().candidates(t)));
        assertArrayEquals(new int[] {0, 0, 0, 0, 4, 4, 6}, Blockers.identicalGroups(t));
        Table left = Table.builder("name", "city").row("l0", "ann lee", "oslo").row("l1", "Ann Lee", "Oslo")
                .row("l2", "bob", "rome").build();
        Table right = Table.builder("city", "name", "extra").row("r0", "OSLO", "ann lee", "x").row("r1", "rome", "bob", null)
                .row("r2", "oslo", "ANN LEE", "y").build();
        // common attributes only (by name, in any order); each left copy to the first right one and back
        assertEquals(set("0-0", "0-2", "1-0", "2-1"), set(Blockers.identicalRecords().candidates(left, right)));
        Table other = Table.builder("title").row("o0", "ann lee").build();
        assertEquals(0, Blockers.identicalRecords().candidates(left, other).size(), "no common attribute, no pairs");
    }

    @Test
    void thousandsOfCopiesStayInOneBlockAndOneClusterInLinearWork() {
        Table t = copies(5000);
        Candidates c = Blockers.auto().block(Task.deduplication(t));
        assertTrue(!c.cuts().isEmpty(), "the guard drops the crowded blocks and says so");
        Pairs p = c.pairs();
        assertTrue(p.size() >= 4999 && p.size() < 5100, p.size() + " candidates");
        double[] scores = new double[p.size()];
        java.util.Arrays.fill(scores, 0.99);
        ScoredPairs scored = new ScoredPairs(p, scores);
        // average linkage alone does not merge a star (absent pairs count as 0) ...
        Clusters plain = Clusterers.hierarchical(0.5, Linkage.AVERAGE).cluster(t.size(), scored);
        assertTrue(plain.largestSize() < 100, "largest " + plain.largestSize());
        // ... the groups keep identical records together
        Clusters grouped = Clusterers.hierarchical(0.5, Linkage.AVERAGE).withGroups(Blockers.identicalGroups(t))
                .cluster(t.size(), scored);
        assertEquals(5000, grouped.largestSize());
        assertTrue(grouped.together(5000, 5001) && !grouped.together(5000, 5002));
    }
}
