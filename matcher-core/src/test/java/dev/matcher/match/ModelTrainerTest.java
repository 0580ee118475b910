package dev.matcher.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.math.MathEx;

class ModelTrainerTest {

    @Test
    void flatBoostedTreesScoreExactlyLikeSmile() {
        Synthetic s = Synthetic.logistic(600, 5, 8, 0, 1);
        int[] labels = new int[s.y.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = s.y[i] ? 1 : 0;
        }
        DataFrame df = DataFrame.of(s.x, s.names).merge(IntVector.of("y", labels));
        MathEx.setSeed(3);
        GradientTreeBoost gbt = GradientTreeBoost.fit(Formula.lhs("y"), df, 30, 20, 8, 5, 0.1, 0.8);
        TreeEnsemble flat = ModelTrainer.flatten(gbt, 0.1, 5);
        assertEquals(30, flat.trees());
        double[] post = new double[2];
        for (int i = 0; i < s.x.length; i++) {
            gbt.predict(df.get(i), post);
            assertEquals(post[1], Calibration.sigmoid(flat.raw(s.x[i])), 1e-9, "row " + i);
        }
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
        assertEquals(1.0, ModelTrainer.averagePrecision(new double[] {4, 3, 2, 1}, y), 1e-12);
        assertEquals((1 / 3.0 + 2 / 4.0) / 2, ModelTrainer.averagePrecision(new double[] {1, 2, 3, 4}, y), 1e-12);
    }
}
