package dev.matcher.blocking;

import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import org.junit.jupiter.api.Test;

import static dev.matcher.blocking.TestTables.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearnedBlockingTest {
    /** 40 records in 20 duplicate pairs: same zip and surname initial, the first names differ in spelling. */
    private static Table people() {
        String[] surnames = {"smith", "jones", "brown", "taylor", "wilson", "davies", "evans", "thomas", "johnson",
                "roberts", "walker", "wright", "robinson", "thompson", "white", "hughes", "edwards", "green", "hall",
                "wood"};
        Table.Builder b = Table.builder("given", "surname", "zip", "city");
        for (int i = 0; i < surnames.length; i++) {
            String zip = Integer.toString(2000 + i * 7);
            b.row("a" + i, "ann" + (char) ('a' + i), surnames[i], zip, "sydney");
            b.row("b" + i, "anne" + (char) ('a' + i), surnames[i].charAt(0) + surnames[i].substring(1).replace('o', '0'),
                    zip, "sydney");
        }
        return b.build();
    }

    @Test
    void learnsAZipRuleThatCoversAllMatchesCheaply() {
        Table t = people();
        int[] l = new int[20];
        int[] r = new int[20];
        for (int i = 0; i < 20; i++) {
            l[i] = 2 * i;
            r[i] = 2 * i + 1;
        }
        Pairs gold = Pairs.of(l, r);
        LearnedBlocking learned = LearnedBlocking.learn(Task.deduplication(t), gold, 1.0);
        assertEquals(1.0, learned.trainingRecall());
        Pairs candidates = learned.candidates(t);
        BlockingMetrics m = BlockingMetrics.of(candidates, gold, t.size(), t.size(), true);
        assertEquals(1.0, m.pairCompleteness());
        assertEquals(1.0, m.pairsQuality(), "the zip code alone separates the duplicate pairs: " + learned);
        assertTrue(learned.toString().contains("zip"), learned.toString());
        // the city is shared by everyone: a rule on it would cost all 780 pairs and must not be chosen
        assertTrue(!learned.toString().contains("city"), learned.toString());
    }

    @Test
    void learnsFromLabelledPairsUsingOnlyThePositives() {
        Table t = people();
        LabelledPairs labelled = new LabelledPairs(Pairs.of(new int[] {0, 2, 0}, new int[] {1, 3, 2}),
                new boolean[] {true, true, false});
        LearnedBlocking learned = LearnedBlocking.learn(Task.deduplication(t), labelled, 1.0);
        assertTrue(set(learned.candidates(t)).containsAll(set("0-1", "2-3")), learned.toString());
        assertThrows(IllegalArgumentException.class, () -> LearnedBlocking.learn(Task.deduplication(t), Pairs.empty(), 0.9));
    }
}
