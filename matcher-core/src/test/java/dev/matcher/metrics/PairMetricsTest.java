package dev.matcher.metrics;

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

class PairMetricsTest {
    private static final double EPS = 1e-12;
    // scikit-learn's documentation example: y_true = [0, 0, 1, 1], y_score = [0.1, 0.4, 0.35, 0.8]
    private static final double[] SCORES = {0.1, 0.4, 0.35, 0.8};
    private static final boolean[] LABELS = {false, false, true, true};

    @Test
    void confusionMatrixAtThresholds() {
        PairMetrics m = PairMetrics.of(SCORES, LABELS);
        assertEquals(new ConfusionMatrix(2, 1, 0, 1), m.at(0.35));   // >= is a match
        assertEquals(new ConfusionMatrix(1, 1, 1, 1), m.at(0.36));
        assertEquals(new ConfusionMatrix(0, 0, 2, 2), m.at(0.9));
        assertEquals(new ConfusionMatrix(2, 2, 0, 0), m.at(0.0));
        ConfusionMatrix c = m.at(0.35);
        assertEquals(2.0 / 3, c.precision(), EPS);
        assertEquals(1.0, c.recall(), EPS);
        assertEquals(0.8, c.f1(), EPS);
        assertEquals(0.75, c.accuracy(), EPS);
        assertEquals(0.5, c.falsePositiveRate(), EPS);
    }

    @Test
    void precisionRecallCurveAndAveragePrecision() {
        PrCurve pr = PairMetrics.of(SCORES, LABELS).prCurve();
        assertArrayEquals(new double[] {0.8, 0.4, 0.35, 0.1}, pr.thresholds(), EPS);
        assertArrayEquals(new double[] {1, 0.5, 2.0 / 3, 0.5}, pr.precisions(), EPS);
        assertArrayEquals(new double[] {0.5, 0.5, 1, 1}, pr.recalls(), EPS);
        assertEquals(0.5 * 1 + 0.5 * 2.0 / 3, pr.averagePrecision(), EPS); // 0.8333, as scikit-learn
    }

    @Test
    void rocCurveAndAuc() {
        RocCurve roc = PairMetrics.of(SCORES, LABELS).rocCurve();
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, roc.falsePositiveRates(), EPS);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, roc.truePositiveRates(), EPS);
        assertEquals(Double.POSITIVE_INFINITY, roc.threshold(0));
        assertEquals(0.75, roc.auc(), EPS);
    }

    @Test
    void bestF1ThresholdIsTheLowestAcceptedScore() {
        ThresholdChoice best = PairMetrics.of(SCORES, LABELS).bestF1();
        assertEquals(0.35, best.threshold(), EPS);
        assertEquals(new ConfusionMatrix(2, 1, 0, 1), best.matrix());
        assertEquals(0.8, best.f1(), EPS);
    }

    @Test
    void tiesCountHalfInAucAndFormOnePoint() {
        PairMetrics m = PairMetrics.of(new double[] {0.5, 0.5, 0.5, 0.5}, new boolean[] {true, false, true, false});
        assertEquals(1, m.prCurve().size());
        assertEquals(0.5, m.auc(), EPS);
        assertEquals(0.5, m.averagePrecision(), EPS);
    }

    @Test
    void degenerateLabels() {
        PairMetrics onlyNonMatches = PairMetrics.of(new double[] {0.2, 0.9}, new boolean[] {false, false});
        assertTrue(Double.isNaN(onlyNonMatches.auc()));
        ThresholdChoice none = onlyNonMatches.bestF1();
        assertEquals(Double.POSITIVE_INFINITY, none.threshold());
        assertEquals(new ConfusionMatrix(0, 0, 0, 2), none.matrix());
        PairMetrics empty = PairMetrics.of(new double[0], new boolean[0]);
        assertEquals(0, empty.averagePrecision());
        assertEquals(0, empty.prCurve().size());
    }

    @Test
    void sweepAndHistogram() {
        PairMetrics m = PairMetrics.of(SCORES, LABELS);
        ThresholdSweep s = m.sweep(11);                 // 0.0, 0.1, ..., 1.0
        assertEquals(11, s.size());
        assertEquals(0.3, s.threshold(3), EPS);
        assertEquals(0.8, s.f1(3), EPS);                // at 0.3: tp=2 fp=1 (0.35 and 0.4 accepted)
        assertEquals(1.0, s.precision(5), EPS);          // at 0.5: only 0.8 is accepted, a match
        assertEquals(0.5, s.recall(5), EPS);
        ScoreHistogram h = m.histogram(4);              // [0,.25) [.25,.5) [.5,.75) [.75,1]
        assertArrayEquals(new long[] {0, 1, 0, 1}, new long[] {h.matches(0), h.matches(1), h.matches(2), h.matches(3)});
        assertArrayEquals(new long[] {1, 1, 0, 0},
                new long[] {h.nonMatches(0), h.nonMatches(1), h.nonMatches(2), h.nonMatches(3)});
        assertEquals(0.5, h.lowerEdge(2), EPS);
    }

    @Test
    void scoresOutsideTheUnitIntervalSweepTheirOwnRange() {
        PairMetrics m = PairMetrics.of(new double[] {-2, 0, 3}, new boolean[] {false, true, true});
        assertArrayEquals(new double[] {-2, 3}, m.scoreRange(), EPS);
        assertEquals(-2, m.sweep(6).threshold(0), EPS);
        assertEquals(3, m.sweep(6).threshold(5), EPS);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> PairMetrics.of(new double[1], new boolean[2]));
        assertThrows(IllegalArgumentException.class,
                () -> PairMetrics.of(new double[] {Double.NaN}, new boolean[] {true}));
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(-1, 0, 0, 0));
    }

    @Test
    void readableToString() {
        PairMetrics m = PairMetrics.of(SCORES, LABELS);
        assertEquals("PairMetrics[4 pairs, 2 matches, AP=0.8333, AUC=0.7500, best F1=0.8000 at 0.3500]", m.toString());
        assertEquals("tp=2 fp=1 fn=0 tn=1 (P=0.6667 R=1.0000 F1=0.8000)", m.at(0.35).toString());
        assertEquals("PrCurve[4 points, AP=0.8333]", m.prCurve().toString());
    }

    @Test
    void downsampleKeepsEnds() {
        PrCurve pr = PairMetrics.of(SCORES, LABELS).prCurve().downsample(2);
        assertArrayEquals(new double[] {0.8, 0.1}, pr.thresholds(), EPS);
        assertEquals(List.of(4), List.of(PairMetrics.of(SCORES, LABELS).prCurve().downsample(10).size()));
    }

    // ---- properties against brute force

    @Property(tries = 200)
    void confusionMatchesBruteForce(@ForAll @Size(max = 40) List<@IntRange(max = 9) Integer> raw,
                                    @ForAll @IntRange(max = 10) int t) {
        double[] scores = scores(raw);
        boolean[] labels = labels(raw);
        double threshold = t / 10.0;
        boolean[] predicted = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            predicted[i] = scores[i] >= threshold;
        }
        assertEquals(ConfusionMatrix.of(predicted, labels), PairMetrics.of(scores, labels).at(threshold));
    }

    @Property(tries = 200)
    void aucIsTheProbabilityAMatchOutscoresANonMatch(@ForAll @Size(min = 1, max = 40) List<@IntRange(max = 9) Integer> raw) {
        double[] scores = scores(raw);
        boolean[] labels = labels(raw);
        double wins = 0;
        long comparisons = 0;
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < scores.length; j++) {
                if (labels[i] && !labels[j]) {
                    comparisons++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        double auc = PairMetrics.of(scores, labels).auc();
        if (comparisons == 0) {
            assertTrue(Double.isNaN(auc));
        } else {
            assertEquals(wins / comparisons, auc, 1e-9);
        }
    }

    @Property(tries = 200)
    void bestF1BeatsEveryObservedThreshold(@ForAll @Size(max = 40) List<@IntRange(max = 9) Integer> raw) {
        double[] scores = scores(raw);
        boolean[] labels = labels(raw);
        PairMetrics m = PairMetrics.of(scores, labels);
        ThresholdChoice best = m.bestF1();
        assertEquals(m.at(best.threshold()), best.matrix());
        for (double s : scores) {
            assertTrue(m.at(s).f1() <= best.f1() + 1e-12);
        }
    }

    @Property(tries = 200)
    void averagePrecisionIsMeanPrecisionAtEachMatchWithoutTies(@ForAll @Size(max = 30) List<@IntRange(max = 1) Integer> raw) {
        // distinct scores: AP = mean over matches of the precision at that match's rank
        boolean[] labels = new boolean[raw.size()];
        double[] scores = new double[raw.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = raw.get(i) == 1;
            scores[i] = labels.length - i;     // rank i+1
        }
        double sum = 0;
        int matches = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i]) {
                matches++;
                sum += (double) matches / (i + 1);
            }
        }
        assertEquals(matches == 0 ? 0 : sum / matches, PairMetrics.of(scores, labels).averagePrecision(), 1e-9);
    }

    @Test
    void tiesLastAveragePrecisionRanksNonMatchesFirstAmongEqualScores() {
        assertEquals(0.5, PairMetrics.of(new double[] {1, 1}, new boolean[] {true, false}).averagePrecisionTiesLast(), EPS);
        boolean[] twoOfThree = {true, true, false};
        assertEquals(2 / 3.0, PairMetrics.of(new double[] {1, 1, 1}, twoOfThree).averagePrecision(), EPS);
        assertEquals((1 / 2.0 + 2 / 3.0) / 2, PairMetrics.of(new double[] {1, 1, 1}, twoOfThree).averagePrecisionTiesLast(), EPS);
        // sklearn example: ranking 0.8 (match), 0.4, 0.35 (match), 0.1 -> (1/1 + 2/3) / 2
        assertEquals((1 + 2 / 3.0) / 2, PairMetrics.of(SCORES, LABELS).averagePrecisionTiesLast(), EPS);
        assertEquals(0, PairMetrics.of(new double[] {0.3}, new boolean[] {false}).averagePrecisionTiesLast(), EPS);
    }

    @Test
    void bestThresholdLiesHalfwayToTheNextLowerScore() {
        // F1 is best accepting 0.8, 0.4 and 0.35 (P 2/3, R 1): halfway between 0.35 and 0.1
        assertEquals(0.225, PairMetrics.of(SCORES, LABELS).bestThreshold(1), EPS);
        // F0.25 (precision weighs more) stops at 0.8 alone: halfway to 0.4
        assertEquals(0.6, PairMetrics.of(SCORES, LABELS).bestThreshold(0.25), EPS);
        assertEquals(0.5, PairMetrics.of(SCORES, new boolean[4]).bestThreshold(1), EPS);
        assertEquals(0.9, PairMetrics.of(new double[] {0.9}, new boolean[] {true}).bestThreshold(1), EPS);
    }

    @Test
    void fBetaWeighsRecallAboveOne() {
        ConfusionMatrix m = new ConfusionMatrix(8, 2, 4, 86);
        assertEquals(m.f1(), m.fBeta(1), EPS);
        assertEquals(5 * 8 / (5 * 8.0 + 4 * 4 + 2), m.fBeta(2), EPS);
        assertEquals(0, new ConfusionMatrix(0, 3, 4, 1).fBeta(2), EPS);
    }

    @Property(tries = 200)
    void tiesLastAveragePrecisionMatchesASortWithNonMatchesFirst(@ForAll @Size(max = 40) List<@IntRange(max = 9) Integer> raw) {
        double[] scores = scores(raw);
        boolean[] labels = labels(raw);
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int c = Double.compare(scores[b], scores[a]);
            return c != 0 ? c : Boolean.compare(labels[a], labels[b]);
        });
        double sum = 0;
        int tp = 0;
        for (int k = 0; k < order.length; k++) {
            if (labels[order[k]]) {
                tp++;
                sum += (double) tp / (k + 1);
            }
        }
        double expected = tp == 0 ? 0 : sum / tp;
        assertEquals(expected, PairMetrics.of(scores, labels).averagePrecisionTiesLast(), 0.0);   // same sums, same order
    }

    @Property(tries = 200)
    void bestThresholdAcceptsTheBestF1Set(@ForAll @Size(min = 1, max = 40) List<@IntRange(max = 9) Integer> raw) {
        double[] scores = scores(raw);
        boolean[] labels = labels(raw);
        PairMetrics m = PairMetrics.of(scores, labels);
        if (m.positives() == 0) {
            assertEquals(0.5, m.bestThreshold(1), EPS);
            return;
        }
        assertEquals(m.bestF1().f1(), m.at(m.bestThreshold(1)).f1(), EPS);
    }

    // a small integer encodes score (value / 10, in steps of 0.2) and label (odd = match), so ties are common
    private static double[] scores(List<Integer> raw) {
        return raw.stream().mapToDouble(v -> (v / 2) / 5.0).toArray();
    }

    private static boolean[] labels(List<Integer> raw) {
        boolean[] labels = new boolean[raw.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = raw.get(i) % 2 == 1;
        }
        return labels;
    }
}
