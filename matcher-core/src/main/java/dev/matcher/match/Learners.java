package dev.matcher.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.math.MathEx;

/**
 * The learner adapters: one fit of a {@link ModelType} with one {@link ModelTrainer.Config} on a training fold, rare
 * matches up-weighted so that they make up about a third of the training mass. Gradient boosting is ours
 * ({@link HistogramBoosting}); the random forest is Smile's, copied to flat arrays ({@link SmileTrees}); logistic
 * regression is Smile's L-BFGS on standardised features ({@link LogisticLoss}).
 *
 * <pre>{@code
 * TrainedModel m = Learners.fit(ModelType.RANDOM_FOREST, x, y, true, new ModelTrainer.Config(100, 0, 32, 0, 1, 0), 7);
 * }</pre>
 */
final class Learners {
    private static final Formula FORMULA = Formula.lhs("y");

    private Learners() {
    }

    /** Fits one model on all given rows; {@code balance} up-weights (or replicates) rare matches. */
    static TrainedModel fit(ModelType type, double[][] x, boolean[] y, boolean balance, ModelTrainer.Config config,
                            long seed) {
        int pos = 0;
        for (boolean b : y) {
            pos += b ? 1 : 0;
        }
        int neg = y.length - pos;
        int factor = balance && pos * 2 < neg ? (int) Math.max(1, Math.round(neg / (2.0 * pos))) : 1;
        return switch (type) {
            case GRADIENT_BOOSTING -> gradientBoosting(x, y, factor, config, seed);
            case RANDOM_FOREST -> randomForest(x, y, factor, config, seed);
            case LOGISTIC_REGRESSION -> logistic(x, y, factor, config);
        };
    }

    /** Matches weigh {@code factor}, non-matches 1. */
    private static TrainedModel gradientBoosting(double[][] x, boolean[] y, int factor, ModelTrainer.Config c,
                                                 long seed) {
        double[] w = new double[y.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = y[i] ? factor : 1;
        }
        return HistogramBoosting.fit(x, y, w, new HistogramBoosting.Params(c.trees(), c.depth(), c.learningRate(),
                c.lambda(), 1.0, c.subsample(), 64), seed);
    }

    /** Class weights {1, factor}; one seed per tree. */
    private static TrainedModel randomForest(double[][] x, boolean[] y, int factor, ModelTrainer.Config c, long seed) {
        int p = x[0].length;
        MathEx.setSeed(seed);
        RandomForest rf = RandomForest.fit(FORMULA, frame(x, y), c.trees(), Math.max(1, (int) Math.floor(Math.sqrt(p))),
                SplitRule.GINI, 20, c.maxNodes(), 2, c.subsample(), new int[] {1, factor},
                LongStream.range(0, c.trees()).map(i -> seed * 1_000_003L + i));
        return SmileTrees.flatten(rf, p);
    }

    private static DataFrame frame(double[][] x, boolean[] y) {
        int p = x.length == 0 ? 0 : x[0].length;
        String[] cols = new String[p];
        for (int j = 0; j < p; j++) {
            cols[j] = "f" + j;
        }
        int[] labels = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = y[i] ? 1 : 0;
        }
        return DataFrame.of(x, cols).merge(IntVector.of("y", labels));
    }

    /** Matches replicated {@code factor} times; weights fitted on standardised features, then unscaled. */
    private static TrainedModel logistic(double[][] rows, boolean[] labels, int factor, ModelTrainer.Config c) {
        List<double[]> rx = new ArrayList<>(Arrays.asList(rows));
        List<Boolean> ry = new ArrayList<>();
        for (boolean b : labels) {
            ry.add(b);
        }
        for (int i = 0; i < rows.length; i++) {
            if (labels[i]) {
                for (int r = 1; r < factor; r++) {
                    rx.add(rows[i]);
                    ry.add(true);
                }
            }
        }
        double[][] x = rx.toArray(new double[0][]);
        int p = x[0].length;
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (double[] r : x) {
            for (int j = 0; j < p; j++) {
                mean[j] += r[j] / x.length;
            }
        }
        for (double[] r : x) {
            for (int j = 0; j < p; j++) {
                sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / x.length;
            }
        }
        for (int j = 0; j < p; j++) {
            sd[j] = sd[j] > 1e-12 ? Math.sqrt(sd[j]) : 1;
        }
        double[][] z = new double[x.length][p];
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < p; j++) {
                z[i][j] = (x[i][j] - mean[j]) / sd[j];
            }
            y[i] = ry.get(i) ? 1 : 0;
        }
        double[] w = LogisticLoss.fit(z, y, c.lambda(), 1e-5, 500);   // p weights then the intercept
        double[] weight = new double[p];
        double intercept = w[p];
        for (int j = 0; j < p; j++) {
            weight[j] = w[j] / sd[j];
            intercept -= weight[j] * mean[j];
        }
        return new LinearModel(intercept, weight, mean);
    }
}
