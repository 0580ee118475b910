package dev.matcher.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.matcher.metrics.PairMetrics;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import smile.base.cart.DecisionNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.SplitRule;
import smile.classification.DecisionTree;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.math.MathEx;

class ModelTrainerTest {

    @Test
    void aFlatForestRoutesEveryRowToSmilesLeaves() {
        Synthetic s = Synthetic.logistic(600, 5, 8, 0, 1);
        int[] labels = new int[s.y.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = s.y[i] ? 1 : 0;
        }
        DataFrame df = DataFrame.of(s.x, s.names).merge(IntVector.of("y", labels));
        MathEx.setSeed(3);
        RandomForest rf = RandomForest.fit(Formula.lhs("y"), df, 30, 2, SplitRule.GINI, 20, 64, 2, 1.0);
        TreeEnsemble flat = SmileTrees.flatten(rf, 5);
        assertEquals(30, flat.trees());
        // probe rows: the training rows, and rows of midpoints of adjacent training values, where Smile splits
        double[][] sorted = new double[5][];
        for (int j = 0; j < 5; j++) {
            int col = j;
            sorted[j] = Arrays.stream(s.x).mapToDouble(x -> x[col]).sorted().toArray();
        }
        Random r = new Random(5);
        for (int i = 0; i < 2 * s.x.length; i++) {
            double[] row = i < s.x.length ? s.x[i] : new double[5];
            for (int j = 0; j < 5 && i >= s.x.length; j++) {
                int k = r.nextInt(sorted[j].length - 1);
                row[j] = (sorted[j][k] + sorted[j][k + 1]) / 2;
            }
            double expected = 0;
            for (DecisionTree t : rf.trees()) {
                int[] count = ((DecisionNode) t.root().predict(Tuple.of(row, rf.schema()))).count();
                expected += (double) count[1] / (count[0] + count[1]) / rf.trees().length;
            }
            assertEquals(expected, flat.raw(row), 1e-12, "row " + i);
        }
    }

    @Test
    void aSplitThresholdIsReadBitForBitThroughSmilesPublicApi() {
        SmileTrees.Probe probe = new SmileTrees.Probe(3, DataFrame.of(new double[1][3], "a", "b", "c").schema());
        Node leaf = new DecisionNode(new int[] {1, 1});
        for (double t : new double[] {0.1 + 0.2, -5.5, 0.0, 1e-310, -Double.MIN_VALUE, 0.5 * (0.3 + 0.7),
            Double.MAX_VALUE / 3, -1e300, 12345.678}) {
            OrdinalNode split = new OrdinalNode(2, t, 0, 0, leaf, leaf);
            assertEquals(Double.doubleToRawLongBits(t), Double.doubleToRawLongBits(probe.threshold(split)), "" + t);
        }
        assertEquals(Double.POSITIVE_INFINITY,
                probe.threshold(new OrdinalNode(0, Double.POSITIVE_INFINITY, 0, 0, leaf, leaf)));
    }

    @Test
    void everyModelTypeSeparatesTheClasses() {
        Synthetic train = Synthetic.logistic(800, 4, 12, 0, 2);
        Synthetic test = Synthetic.logistic(800, 4, 12, 0, 3);
        for (ModelType type : ModelType.values()) {
            ModelTrainer.Result r = ModelTrainer.builder().type(type).search(false).folds(3).seed(5).build()
                    .train(train.x, train.y, train.names);
            assertEquals(type, r.model().model().type());
            double[] p = r.model().probabilities(test.x);
            double t = Thresholds.best(r.outOfFold(), train.y, 0.5);
            double f1 = Synthetic.f1(p, test.y, t);
            double bayes = Synthetic.f1(test.truth, test.y, 0.5);
            assertTrue(f1 > bayes - 0.08, type + " F1 " + f1 + " vs Bayes-optimal " + bayes);
        }
    }

    @Test
    void sameSeedSameModelOtherSeedOtherModel() {
        Synthetic s = Synthetic.logistic(400, 4, 10, 0, 4);
        ModelTrainer a = ModelTrainer.builder().search(false).folds(3).seed(7).build();
        CalibratedModel m1 = a.train(s.x, s.y, s.names).model();
        CalibratedModel m2 = a.train(s.x, s.y, s.names).model();
        CalibratedModel m3 = ModelTrainer.builder().search(false).folds(3).seed(8).build().train(s.x, s.y, s.names)
                .model();
        assertEquals(m1, m2);
        assertNotEquals(m1, m3);
    }

    @Test
    void rareMatchesAreStillFound() {
        // about 2 % matches
        Synthetic train = Synthetic.logistic(3000, 4, 25, -6, 11);
        Synthetic test = Synthetic.logistic(3000, 4, 25, -6, 12);
        assertTrue(train.positives() < 120 && train.positives() > 20, "positives " + train.positives());
        ModelTrainer.Result r = ModelTrainer.builder().search(false).folds(3).seed(1).build()
                .train(train.x, train.y, train.names);
        double t = Thresholds.best(r.outOfFold(), train.y, 0.5);
        double f1 = Synthetic.f1(r.model().probabilities(test.x), test.y, t);
        double bayes = Synthetic.f1(test.truth, test.y, 0.5);
        assertTrue(f1 > bayes - 0.15, "F1 " + f1 + " vs Bayes " + bayes);
        // calibrated: the mean probability is close to the match rate, although matches were oversampled
        double mean = 0;
        for (double v : r.model().probabilities(test.x)) {
            mean += v / test.x.length;
        }
        double rate = test.positives() / (double) test.x.length;
        assertEquals(rate, mean, 0.01, "mean probability vs match rate");
    }

    @Test
    void probabilitiesAreCalibrated() {
        Synthetic train = Synthetic.logistic(4000, 3, 6, 0, 21);
        Synthetic test = Synthetic.logistic(4000, 3, 6, 0, 22);
        CalibratedModel m = ModelTrainer.builder().search(false).folds(3).seed(2).build()
                .train(train.x, train.y, train.names).model();
        double[] p = m.probabilities(test.x);
        // reliability by decile of predicted probability: observed match rate near the mean prediction
        for (int bin = 0; bin < 10; bin++) {
            double sumP = 0;
            int n = 0, pos = 0;
            for (int i = 0; i < p.length; i++) {
                if (p[i] >= bin / 10.0 && p[i] < (bin + 1) / 10.0) {
                    sumP += p[i];
                    n++;
                    pos += test.y[i] ? 1 : 0;
                }
            }
            if (n >= 100) {
                assertEquals(sumP / n, pos / (double) n, 0.08, "bin " + bin + " (" + n + " pairs)");
            }
        }
    }

    @Test
    void searchPicksTheBestCrossValidatedConfiguration() {
        Synthetic s = Synthetic.logistic(500, 4, 10, 0, 31);
        ModelTrainer.Result r = ModelTrainer.builder().type(ModelType.LOGISTIC_REGRESSION).folds(3).build()
                .train(s.x, s.y, s.names);
        assertEquals(3, r.candidates().size());
        int chosen = r.candidates().indexOf(r.config());
        for (double ap : r.cvAveragePrecision()) {
            assertTrue(r.cvAveragePrecision()[chosen] >= ap);
        }
    }

    @Test
    void rejectsDataWithoutBothClasses() {
        double[][] x = {{0.1}, {0.2}, {0.3}};
        assertThrows(IllegalArgumentException.class,
                () -> ModelTrainer.builder().build().train(x, new boolean[3], new String[] {"a"}));
    }

    @Test
    void averagePrecisionOfPerfectAndReversedRankings() {
        boolean[] y = {true, true, false, false};
        assertEquals(1.0, PairMetrics.of(new double[] {4, 3, 2, 1}, y).averagePrecisionTiesLast(), 1e-12);
        assertEquals((1 / 3.0 + 2 / 4.0) / 2, PairMetrics.of(new double[] {1, 2, 3, 4}, y).averagePrecisionTiesLast(), 1e-12);
    }
}
