package dev.matcher.match;

import dev.matcher.util.Parallel;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Stratified k-fold cross-fitting: each fold's model is trained on the other folds, and every row gets the raw score
 * of the model that did not see it. Every (configuration, fold) fit is independent and seeded, so all run in
 * parallel in the caller's pool and land in fixed slots: the models do not depend on the pool size.
 *
 * <pre>{@code
 * CrossFitting cv = CrossFitting.stratified(y, 5, seed);
 * TrainedModel[][] models = cv.fit(x, y, configs, (rx, ry, config, fitSeed) -> ..., seed);
 * double[] oof = cv.outOfFold(x, models[0]);
 * }</pre>
 */
final class CrossFitting {
    /** One fit on the rows of the other folds. */
    @FunctionalInterface
    interface Fit {
        TrainedModel fit(double[][] x, boolean[] y, ModelTrainer.Config config, long seed);
    }

    private final int[] fold;
    private final int k;

    private CrossFitting(int[] fold, int k) {
        this.fold = fold;
        this.k = k;
    }

    /** Shuffled rows dealt to {@code k} folds, matches and non-matches separately. */
    static CrossFitting stratified(boolean[] y, int k, long seed) {
        int n = y.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        List<Integer> list = Arrays.asList(idx);
        Collections.shuffle(list, new Random(seed));
        int[] fold = new int[n];
        int p = 0;
        int q = 0;
        for (int i : list) {
            fold[i] = y[i] ? p++ % k : q++ % k;
        }
        return new CrossFitting(fold, k);
    }

    int folds() {
        return k;
    }

    /** {@code models[c][f]}: configuration {@code c} fitted without fold {@code f}, seeded {@code seed + 31 f}. */
    TrainedModel[][] fit(double[][] x, boolean[] y, List<ModelTrainer.Config> configs, Fit fit, long seed) {
        TrainedModel[][] models = new TrainedModel[configs.size()][k];
        Parallel.forEach(configs.size() * k, task -> {
            int f = task % k;
            int[] train = rows(f, false);
            models[task / k][f] = fit.fit(select(x, train), select(y, train), configs.get(task / k), seed + 31L * f);
        });
        return models;
    }

    /** The raw score of every row by the fold model that did not see it. */
    double[] outOfFold(double[][] x, TrainedModel[] models) {
        double[] oof = new double[x.length];
        for (int f = 0; f < k; f++) {
            for (int i : rows(f, true)) {
                oof[i] = models[f].raw(x[i]);
            }
        }
        return oof;
    }

    /** The rows in fold {@code f} ({@code in}) or in the others. */
    private int[] rows(int f, boolean in) {
        int c = 0;
        for (int v : fold) {
            c += (v == f) == in ? 1 : 0;
        }
        int[] r = new int[c];
        c = 0;
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == f) == in) {
                r[c++] = i;
            }
        }
        return r;
    }

    private static double[][] select(double[][] x, int[] rows) {
        double[][] s = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            s[i] = x[rows[i]];
        }
        return s;
    }

    private static boolean[] select(boolean[] y, int[] rows) {
        boolean[] s = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            s[i] = y[rows[i]];
        }
        return s;
    }
}
