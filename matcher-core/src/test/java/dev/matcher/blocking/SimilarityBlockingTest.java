package dev.matcher.blocking;

import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import org.junit.jupiter.api.Test;

import static dev.matcher.blocking.TestTables.set;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sorted neighbourhood, MinHash, nearest neighbours and canopies on tables small enough to check by hand. */
class SimilarityBlockingTest {
    private static Table names(String... values) {
        Table.Builder b = Table.builder("name");
        for (int i = 0; i < values.length; i++) {
            b.row("r" + i, values[i]);
        }
        return b.build();
    }

    @Test
    void sortedNeighbourhoodPairsWithinTheWindow() {
        // sorted: adam(3) bert(1) carl(0) dora(2) emil(4)
        Table t = names("carl", "bert", "dora", "adam", "emil");
        assertEquals(set("1-3", "0-1", "0-2", "2-4"), set(Blockers.sortedNeighbourhood("name", 2).candidates(t)));
        assertEquals(set("1-3", "0-1", "0-2", "2-4", "0-3", "1-2", "0-4"),
                set(Blockers.sortedNeighbourhood("name", 3).candidates(t)));
    }

    @Test
    void sortedNeighbourhoodInLinkageKeepsOnlyCrossPairs() {
        Table l = names("anna", "carl");
        Table r = names("anne", "bert", "carla");
        // sorted: anna(L0) anne(R0) bert(R1) carl(L1) carla(R2)
        assertEquals(set("0-0", "1-1", "1-2"), set(Blockers.sortedNeighbourhood("name", 2).candidates(l, r)));
    }

    @Test
    void adaptiveWindowGrowsOverSimilarKeys() {
        Table t = names("smith", "smith", "smith", "smith", "zed");
        // fixed window 2 only pairs neighbours; the adaptive one covers the whole run of equal keys
        assertEquals(4, Blockers.sortedNeighbourhood("name", 2).candidates(t).size());
        Pairs adaptive = Blockers.adaptiveSortedNeighbourhood("name", 2, 10, 0.8).candidates(t);
        assertEquals(set("0-1", "0-2", "0-3", "1-2", "1-3", "2-3", "3-4"), set(adaptive));
        assertEquals(1.0, SortedNeighbourhood.dice("abc", "abc"));
        assertEquals(1 / 3.0, SortedNeighbourhood.dice("abcd", "abxy"), 1e-9);
    }

    @Test
    void minHashFindsIdenticalSetsAndSeparatesDisjointOnes() {
        Table t = names("red green blue", "blue green red", "one two three", "alpha beta gamma delta");
        assertEquals(set("0-1"), set(Blockers.minHash(20, 2, "name").candidates(t)));
        assertEquals(set("0-1"), set(Blockers.minHash(0.5).candidates(t)));
    }

    @Test
    void minHashBandsAndRowsFollowTheTargetJaccard() {
        int[] br = MinHashBlocking.bandsAndRows(0.5, 128);
        double threshold = Math.pow(1.0 / br[0], 1.0 / br[1]);
        assertEquals(0.5, threshold, 0.02);
        assertTrue(br[0] * br[1] <= 128);
        int[] strict = MinHashBlocking.bandsAndRows(0.9, 128);
        assertTrue(Math.pow(1.0 / strict[0], 1.0 / strict[1]) > 0.85);
    }

    @Test
    void nearestNeighboursAreTheMostSimilarRecords() {
        Table t = names("apple iphone 12 black", "apple iphone 12 white", "samsung galaxy s20", "samsung galaxy s21",
                "garmin watch");
        assertEquals(set("0-1", "2-3"), set(Blockers.nearestNeighbours(1).candidates(t)));
    }

    @Test
    void nearestNeighboursInLinkageProposeFromBothSides() {
        Table l = names("apple iphone", "samsung galaxy");
        Table r = names("galaxy samsung phone", "iphone by apple", "apple charger");
        Pairs p = Blockers.nearestNeighbours(1).candidates(l, r);
        // left 0 -> right 1, left 1 -> right 0; right 2 ("apple charger") proposes left 0
        assertEquals(set("0-1", "1-0", "0-2"), set(p));
    }

    @Test
    void canopiesGroupSimilarRecords() {
        Table t = names("apple iphone 12", "apple iphone 12 pro", "samsung galaxy", "samsung galaxy s", "garmin");
        Blocks canopies = Blockers.canopy(0.3, 0.6).blocks(t);
        assertEquals(set("0-1", "2-3"), set(canopies.pairs()));
        assertEquals(2, canopies.size());
    }

    @Test
    void tfIdfCosineIsOneForIdenticalAndZeroForDisjointRecords() {
        Table t = names("a b c", "c b a", "x y");
        TfIdf tfidf = TfIdf.build(Task.deduplication(t), KeyFunctions.allTokens());
        assertEquals(1.0, tfidf.cosine(0, 1), 1e-5);
        assertEquals(0.0, tfidf.cosine(0, 2), 1e-9);
        assertArrayEquals(tfidf.terms[0], tfidf.terms[1]);
    }
}
