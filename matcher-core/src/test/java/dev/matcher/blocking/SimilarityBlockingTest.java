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

    /**
     * 100 offers: 10 "fridge silver", 10 "fridge black", 80 "washer", each with one token of its own (a shop's stock
     * number): "fridge" is in a fifth of the records, "washer" in most.
     */
    private static Table heavyBlocks() {
        String[] v = new String[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i < 20 ? "fridge " + (i < 10 ? "silver" : "black") : "washer") + " stock" + i;
        }
        return names(v);
    }

    @Test
    void frequentTermsAreIndexedWithinTheWorkBudgetInsteadOfDropped() {
        Task task = Task.deduplication(heavyBlocks());
        KeyFunction terms = KeyFunctions.tokens("name");
        // with only the postings limit, every shared term (10, 20 and 80 records) is above it: nobody finds anybody
        assertEquals(0, new NearestNeighbours(3, terms, 0, 5).candidates(task).size());
        // with a budget the fridge blocks come back, each record's 3 nearest of its own colour; "washer", in most
        // records, stays out of the index whatever the budget
        Pairs p = new NearestNeighbours(3, terms, 0, 5, 1_000).candidates(task);
        assertTrue(p.size() >= 20 * 3 / 2, p.toString());
        for (int i = 0; i < p.size(); i++) {
            assertTrue(p.right(i) < 20, "pair " + p.left(i) + "-" + p.right(i));
            assertEquals(p.left(i) < 10, p.right(i) < 10, "pair " + p.left(i) + "-" + p.right(i));
        }
    }

    @Test
    void postingLimitAdmitsTermsRarestFirstUntilTheBudget() {
        TfIdf tfidf = TfIdf.build(Task.deduplication(heavyBlocks()), KeyFunctions.tokens("name"));
        // work per record: the 100 stock numbers 1 together, each colour 10 x 10 / 100 = 1, "fridge" 20 x 20 / 100 = 4
        assertEquals(5, NearestNeighbours.postingLimit(tfidf, 0, 100, 0, 100, 5, 1));
        assertEquals(5, NearestNeighbours.postingLimit(tfidf, 0, 100, 0, 100, 5, 2));
        assertEquals(10, NearestNeighbours.postingLimit(tfidf, 0, 100, 0, 100, 5, 3));
        assertEquals(10, NearestNeighbours.postingLimit(tfidf, 0, 100, 0, 100, 5, 6));
        assertEquals(20, NearestNeighbours.postingLimit(tfidf, 0, 100, 0, 100, 5, 7));
        // "washer" (80 of 100 records) is never admitted, and the limit never falls below the plain postings limit
        assertEquals(20, NearestNeighbours.postingLimit(tfidf, 0, 100, 0, 100, 5, 1_000_000));
        assertEquals(50, NearestNeighbours.postingLimit(tfidf, 0, 100, 0, 100, 50, 1));
        assertEquals(80, NearestNeighbours.postingLimit(tfidf, 0, 100, 0, 100, 80, 1));
    }
}
