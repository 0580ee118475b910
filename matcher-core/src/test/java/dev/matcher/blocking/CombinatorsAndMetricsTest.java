package dev.matcher.blocking;

import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import org.junit.jupiter.api.Test;

import static dev.matcher.blocking.TestTables.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CombinatorsAndMetricsTest {
    private final Table people = TestTables.people();

    @Test
    void unionAndIntersection() {
        Blocker byYear = Blockers.standard(KeyFunctions.year("dob"));               // 0-1, 2-3
        Blocker byPrefix = Blockers.standard(KeyFunctions.prefix("given", 2));      // 0-1, 2-3
        Blocker byDob = Blockers.standard(KeyFunctions.exact("dob"));              // 2-3
        assertEquals(set("0-1", "2-3"), set(byYear.or(byDob).candidates(people)));
        assertEquals(set("2-3"), set(byPrefix.and(byDob).candidates(people)));
        Blocker none = task -> Pairs.empty();
        assertEquals(set(), set(byYear.and(none).candidates(people)));
        assertTrue(byYear.or(byDob).toString().contains(" OR "));
    }

    @Test
    void anyBlockerComposes() {
        Blocker lambda = task -> Pairs.of(new int[] {4}, new int[] {5});
        assertEquals(set("0-1", "2-3", "4-5"), set(lambda.or(Blockers.standard(KeyFunctions.year("dob"))).candidates(people)));
    }

    @Test
    void perRecordCapKeepsTheMostSimilarPartners() {
        Table t = Table.builder("name")
                .row("0", "apple iphone 12 black")
                .row("1", "apple iphone 12 black case")
                .row("2", "apple watch")
                .row("3", "apple pencil")
                .build();
        Pairs all = Blockers.tokens().candidates(t);
        assertEquals(6, all.size());   // everyone shares "apple"... which is in every record
        Pairs capped = Blockers.tokens().maxCandidatesPerRecord(1).candidates(t);
        assertTrue(set(capped).contains("0-1"));
        int[] count = new int[4];
        for (int i = 0; i < capped.size(); i++) {
            count[capped.left(i)]++;
            count[capped.right(i)]++;
        }
        for (int c : count) {
            assertTrue(c <= 1);
        }
        assertThrows(IllegalArgumentException.class, () -> Blockers.tokens().maxCandidatesPerRecord(0));
    }

    @Test
    void metricsCountDedupPairsUnordered() {
        Pairs candidates = Pairs.of(new int[] {0, 2, 1, 3, 3}, new int[] {1, 3, 0, 3, 4});   // (1,0) repeats (0,1); (3,3) is no pair
        Pairs gold = Pairs.of(new int[] {1, 3, 0}, new int[] {0, 2, 4});
        BlockingMetrics m = BlockingMetrics.of(candidates, gold, 5, 5, true);
        assertEquals(3, m.candidates());
        assertEquals(3, m.matches());
        assertEquals(2, m.truePositives());
        assertEquals(2 / 3.0, m.pairCompleteness(), 1e-12);
        assertEquals(2 / 3.0, m.pairsQuality(), 1e-12);
        assertEquals(1 - 3 / 10.0, m.reductionRatio(), 1e-12);
        assertEquals(2 * 3 / 5.0, m.candidatesPerRecord(), 1e-12);
        assertTrue(m.toString().startsWith("PC 0.6667, PQ 0.6667"));
    }

    @Test
    void metricsForLinkageKeepOrientation() {
        Pairs candidates = Pairs.of(new int[] {0, 1}, new int[] {1, 0});
        Pairs gold = Pairs.of(new int[] {0}, new int[] {1});
        BlockingMetrics m = BlockingMetrics.of(candidates, gold, 2, 3, false);
        assertEquals(1, m.truePositives());
        assertEquals(1 - 2 / 6.0, m.reductionRatio(), 1e-12);
        assertEquals(0.5, m.pairsQuality(), 1e-12);
        assertEquals(1.0, BlockingMetrics.of(Pairs.empty(), Pairs.empty(), 2, 3, false).pairCompleteness());
    }
}
