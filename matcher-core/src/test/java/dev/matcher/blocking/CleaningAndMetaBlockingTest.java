package dev.matcher.blocking;

import dev.matcher.data.Pairs;
import org.junit.jupiter.api.Test;

import static dev.matcher.blocking.TestTables.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Block purging, filtering, the candidate guard and meta-blocking on hand-made block collections. */
class CleaningAndMetaBlockingTest {
    // 6 records: 0 and 1 share three blocks, 2 and 3 two, everyone shares the big block {0..5}
    private final Blocks blocks = Blocks.dedup(6,
            new int[] {0, 1}, new int[] {0, 1, 2}, new int[] {1, 0}, new int[] {2, 3}, new int[] {3, 2, 4},
            new int[] {0, 1, 2, 3, 4, 5});

    @Test
    void pairsAreDistinctAndOrdered() {
        Pairs p = blocks.pairs();
        assertEquals(15, p.size());
        assertEquals(15, blocks.countPairs());
        for (int i = 0; i < p.size(); i++) {
            assertTrue(p.left(i) < p.right(i));
            assertTrue(i == 0 || p.packed(i - 1) < p.packed(i));
        }
        assertEquals(1 + 3 + 1 + 1 + 3 + 15, blocks.totalComparisons());
    }

    @Test
    void purgingDropsLargeBlocks() {
        assertEquals(set("0-1", "0-2", "1-2", "2-3", "2-4", "3-4"), set(blocks.purge(3).pairs()));
        assertEquals(set("0-1", "2-3"), set(blocks.purgeComparisons(1).pairs()));
    }

    @Test
    void filteringKeepsEachRecordsSmallestBlocks() {
        // with ratio 0.5 record 5 keeps its only block, but alone there it creates no pair
        Blocks filtered = blocks.filter(0.5);
        Pairs p = filtered.pairs();
        assertTrue(p.size() < blocks.pairs().size());
        assertTrue(set(p).contains("0-1"));
        assertTrue(set(p).contains("2-3"));
        assertThrows(IllegalArgumentException.class, () -> blocks.filter(0));
    }

    @Test
    void candidateGuardPurgesLargestBlocksToFitTheBudget() {
        Pairs p = blocks.pairs(6);
        assertTrue(p.size() <= 6);
        assertTrue(set(p).contains("0-1"));
    }

    @Test
    void linkageBlocksPairOnlyAcrossTables() {
        Blocks link = Blocks.linkage(2, 3, new int[][] {{0}, {0, 1}, {}}, new int[][] {{0, 1}, {2}, {1}});
        assertEquals(2, link.size());   // the block without a left record is useless
        assertEquals(set("0-0", "0-1", "0-2", "1-2"), set(link.pairs()));
    }

    @Test
    void weightedEdgePruningKeepsEdgesAboveTheMeanWeight() {
        // CBS weights: 0-1:4, 0-2:2, 1-2:2, 2-3:3, 2-4:2, 3-4:2, the other nine 1; mean = 24/15
        Pairs p = MetaBlocking.prune(blocks, MetaBlocking.Weighting.CBS, MetaBlocking.Pruning.WEP);
        assertEquals(set("0-1", "0-2", "1-2", "2-3", "2-4", "3-4"), set(p));
    }

    @Test
    void cardinalityNodePruningKeepsTheTopEdgesOfEachRecord() {
        // 18 assignments / 6 records -> k = 2: each record keeps its two heaviest edges (ties: lower record)
        Pairs p = MetaBlocking.prune(blocks, MetaBlocking.Weighting.CBS, MetaBlocking.Pruning.CNP);
        assertEquals(set("0-1", "0-2", "1-2", "2-3", "2-4", "3-4", "0-5", "1-5"), set(p));
    }

    @Test
    void cardinalityNodePruningWithAGivenKKeepsThatManyEdgesPerRecord() {
        // k = 1: 0 and 1 pick each other, 2 and 3 too, 4 ties between 2 and 3 (lower wins), 5 ties everywhere
        Pairs p = MetaBlocking.topK(blocks, MetaBlocking.Weighting.CBS, 1);
        assertEquals(set("0-1", "2-3", "2-4", "0-5"), set(p));
        assertEquals(set(MetaBlocking.prune(blocks, MetaBlocking.Weighting.CBS, MetaBlocking.Pruning.CNP)),
                set(MetaBlocking.topK(blocks, MetaBlocking.Weighting.CBS, 2)));
        assertThrows(IllegalArgumentException.class, () -> MetaBlocking.topK(blocks, MetaBlocking.Weighting.CBS, 0));
    }

    @Test
    void comparisonGuardDropsTheLargestBlocksFirst() {
        Blocks guarded = blocks.withinComparisons(10);
        assertTrue(guarded.totalComparisons() <= 10);
        assertEquals(5, guarded.size());
        assertTrue(!set(guarded.pairs()).contains("0-5"));
        assertEquals(blocks.totalComparisons(), blocks.withinComparisons(24).totalComparisons());
    }

    @Test
    void theDefaultGuardOfLargeTablesGrowsWithTheTableAndAUsersGuardStays() {
        assertEquals(1000, AutoBlocking.largeTableGuard(AutoBlocking.MAX_POSTINGS, 1_000_000));
        assertEquals(10_000, AutoBlocking.largeTableGuard(AutoBlocking.MAX_POSTINGS, 10_000_000));
        assertEquals(1000, AutoBlocking.largeTableGuard(AutoBlocking.MAX_POSTINGS, 200_000));
        assertEquals(500, AutoBlocking.largeTableGuard(500, 10_000_000));
    }

    @Test
    void weightedNodePruningUsesEachRecordsMeanWeight() {
        Pairs p = MetaBlocking.prune(blocks, MetaBlocking.Weighting.CBS, MetaBlocking.Pruning.WNP);
        // record 5 has only weight-1 edges, all at its mean: it keeps them all
        assertTrue(set(p).containsAll(set("0-1", "2-3", "0-5", "1-5", "2-5", "3-5", "4-5")));
        assertTrue(!set(p).contains("1-3"));
    }

    @Test
    void everyWeightingRanksTheStrongPairsFirst() {
        for (MetaBlocking.Weighting w : new MetaBlocking.Weighting[] {MetaBlocking.Weighting.ARCS,
                MetaBlocking.Weighting.CBS, MetaBlocking.Weighting.JS, MetaBlocking.Weighting.EJS,
                MetaBlocking.Weighting.IDF}) {
            Pairs p = MetaBlocking.prune(blocks, w, MetaBlocking.Pruning.WEP);
            assertTrue(set(p).contains("0-1") && set(p).contains("2-3"), w + ": " + set(p));
            assertTrue(!set(p).contains("1-5") && !set(p).contains("0-4"), w + ": " + set(p));
        }
    }

    @Test
    void inverseBlockFrequencyPrefersSeveralSharedBlocksToOneTinyBlock() {
        // 0 and 1 share two blocks of three; each also shares a block of two with a stranger (6, 7). ARCS weighs the
        // tiny block 1 against 2 x 1/3, so with k = 1 both pick their stranger; IDF weighs 2 log(8/3) against log(8/2)
        Blocks b = Blocks.dedup(8, new int[] {0, 1, 2}, new int[] {0, 1, 3}, new int[] {0, 6}, new int[] {1, 7});
        assertTrue(set(MetaBlocking.topK(b, MetaBlocking.Weighting.IDF, 1)).contains("0-1"));
        assertTrue(!set(MetaBlocking.topK(b, MetaBlocking.Weighting.ARCS, 1)).contains("0-1"));
    }

    @Test
    void enhancedCommonBlocksFavourRecordsInFewBlocks() {
        // record 4 is in 2 of 6 blocks and record 5 in 1: ECBS lifts their edges above 0-1 (both in 4 blocks)
        Pairs p = MetaBlocking.prune(blocks, MetaBlocking.Weighting.ECBS, MetaBlocking.Pruning.WEP);
        assertTrue(set(p).containsAll(set("4-5", "3-4", "3-5", "2-3")), set(p).toString());
        assertTrue(!set(p).contains("0-1") && !set(p).contains("0-3"), set(p).toString());
    }

    @Test
    void metaBlockingComposesWithBlockBuilders() {
        var b = Blockers.tokens().metaBlocking(MetaBlocking.Weighting.JS, MetaBlocking.Pruning.WNP);
        Pairs p = b.candidates(TestTables.people());
        assertTrue(set(p).contains("0-1") || set(p).contains("2-3"));
        assertTrue(b.toString().contains("metaBlocking(JS, WNP)"));
    }
}
