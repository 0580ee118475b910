package dev.matcher.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.blocking.Blockers;
import dev.matcher.cluster.ScoredPairs;
import dev.matcher.compare.FeatureSpace;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MatcherTest {
    static Shirts shirts;
    static Matcher exact;
    static Matcher variant;

    @BeforeAll
    static void train() {
        shirts = new Shirts(40, 1);
        // train on products 0..29, test on the unseen products 30..39
        LabelledPairs exactTrain = shirts.pairs(0, 30, true, 2);
        LabelledPairs variantTrain = shirts.pairs(0, 30, false, 2);
        exact = Matcher.builder().mode(MatchMode.EXACT).variantAttributes("color", "size").seed(3).folds(3)
                .search(false).train(shirts.table, exactTrain, null);
        variant = Matcher.builder().mode(MatchMode.VARIANT).variantAttributes("color", "size").seed(3).folds(3)
                .search(false).train(shirts.table, variantTrain, null);
    }

    @Test
    void variantModeMatchesAnotherColourAndSizeOfTheSameShirtExactModeDoesNot() {
        for (int p = 30; p < 40; p++) {
            int a = shirts.row(p, 0);
            int b = shirts.row(p, 1);
            assertNotEquals(shirts.color(a), shirts.color(b));
            double pv = variant.score(shirts.table, shirts.table, a, b);
            double pe = exact.score(shirts.table, shirts.table, a, b);
            assertTrue(pv >= variant.threshold(), "VARIANT mode, product " + p + ": " + pv + "\n"
                    + variant.explain(shirts.table, shirts.table, a, b));
            assertTrue(pe < exact.threshold(), "EXACT mode, product " + p + ": " + pe + "\n"
                    + exact.explain(shirts.table, shirts.table, a, b));
        }
    }

    @Test
    void bothModesMatchTwoListingsOfTheSameVariant() {
        for (int p = 30; p < 40; p++) {
            int a = shirts.row(p, 1);
            int b = a + 1;   // the second listing of the same variant
            assertEquals(shirts.product[a], shirts.product[b]);
            assertTrue(exact.score(shirts.table, shirts.table, a, b) >= exact.threshold(), "EXACT " + p);
            assertTrue(variant.score(shirts.table, shirts.table, a, b) >= variant.threshold(), "VARIANT " + p);
        }
    }

    @Test
    void aChangedModelNumberNeverMatches() {
        // siblings: same brand, style, colour words and sizes may coincide, only the model number differs
        for (int p = 30; p < 40; p += 2) {
            for (int v = 0; v < 3; v++) {
                for (int w = 0; w < 3; w++) {
                    int a = shirts.row(p, v);
                    int b = shirts.row(p + 1, w);
                    assertTrue(exact.score(shirts.table, shirts.table, a, b) < exact.threshold(),
                            "EXACT " + shirts.table.value(a, "title") + " vs " + shirts.table.value(b, "title"));
                    assertTrue(variant.score(shirts.table, shirts.table, a, b) < variant.threshold(),
                            "VARIANT " + shirts.table.value(a, "title") + " vs " + shirts.table.value(b, "title"));
                }
            }
        }
    }

    @Test
    void explanationsAddUpAndPrintAsATable() {
        int a = shirts.row(31, 0);
        int b = shirts.row(31, 2);
        Explanation e = exact.explain(shirts.table, shirts.table, a, b);
        double sum = e.base();
        for (double c : e.contributions()) {
            sum += c;
        }
        assertEquals(e.raw(), sum, 1e-9);
        assertEquals(exact.score(shirts.table, shirts.table, a, b), e.probability(), 1e-12);
        String text = e.toString();
        assertTrue(text.contains("feature") && text.contains("contribution"), text);
        assertTrue(exact.featureImportance().toString().contains("importance"));
        assertTrue(exact.toString().contains("EXACT"), exact.toString());
    }

    @Test
    void scoringComputesOnlyTheFeaturesTheModelReadsAndScoresTheSame() {
        Table other = shirts.table.named("shirts-again");        // another table: the space is rebuilt for it
        FeatureSpace rebuilt = exact.features(other, other);
        FeatureSpace trained = exact.features(shirts.table, shirts.table);
        Set<String> read = exact.model().featuresRead();
        assertTrue(read.size() < rebuilt.size(), read.size() + " of " + rebuilt.size());
        Pairs pairs = Pairs.of(IntStream.range(0, 60).toArray(), IntStream.range(0, 60).map(i -> (i * 7 + 3) % 120)
                .toArray());
        double[][] all = trained.compute(pairs);
        double[][] some = rebuilt.compute(pairs);
        for (int i = 0; i < pairs.size(); i++) {
            for (int k = 0; k < rebuilt.size(); k++) {
                assertEquals(read.contains(rebuilt.names().get(k)) ? all[i][k] : 0, some[i][k], 1e-12);
            }
        }
        // the model reads the space's features, then the token evidence's (learned from the labels, per record once)
        TokenEvidence tokens = exact.tokens();
        assertNotNull(tokens, "token evidence is on by default");
        TokenEvidence.Rows ids = tokens.rows(shirts.table);
        double[][] rows = new double[pairs.size()][];
        for (int i = 0; i < pairs.size(); i++) {
            rows[i] = java.util.Arrays.copyOf(all[i], all[i].length + TokenEvidence.NAMES.size());
            tokens.compute(ids, pairs.left(i), ids, pairs.right(i), rows[i], all[i].length);
        }
        assertArrayEquals(exact.model().probabilities(rows), exact.score(other, other, pairs), 1e-12);
    }

    @Test
    void blockedCandidatesThenMatchesFindTheSecondListingOfEachUnseenVariant() {
        // the matcher has no blocker of its own: candidates come from blocking, matches() keeps those it accepts
        Pairs candidates = Blockers.auto().candidates(shirts.table);
        ScoredPairs found = exact.matches(shirts.table, shirts.table, candidates);
        double[] p = exact.score(shirts.table, shirts.table, candidates);
        assertEquals(IntStream.range(0, p.length).filter(i -> p[i] >= exact.threshold()).count(), found.size());
        for (int product = 30; product < 40; product++) {
            int a = shirts.row(product, 1);
            assertTrue(found.pairs().containsUnordered(a, a + 1), "listings of product " + product);
        }
    }

    @Test
    void withAValidationSplitTheThresholdIsChosenOnItsScoresAlone() {
        LabelledPairs train = shirts.pairs(0, 20, true, 2);
        LabelledPairs valid = shirts.pairs(20, 30, true, 5);
        Matcher m = Matcher.builder().mode(MatchMode.EXACT).variantAttributes("color", "size").seed(3).folds(3)
                .search(false).train(shirts.table, train, valid);
        double[] p = m.score(shirts.table, shirts.table, valid.pairs());
        assertEquals(Thresholds.robust(p, valid.labels(), 0.5), m.threshold(), 1e-12);
    }
}
