package dev.matcher.match;

import dev.matcher.metrics.PairMetrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Trains a calibrated match model on a plain feature matrix: a small hyper-parameter search by stratified k-fold
 * cross-validation (ranked by out-of-fold average precision), a calibration fitted on the out-of-fold scores of the
 * chosen configuration, whose k fold models together form the final model (see {@link CalibratedModel}). Few
 * positives are handled by oversampling the matches inside each training fold (trees and logistic regression) or by
 * class weights (random forest); held-out folds are never resampled, so the calibration sees the true class balance.
 * Deterministic for a seed, whatever the pool the fits run in. The folds are {@code CrossFitting}'s, the fits the
 * learner adapters' ({@code Learners}); this class is the search.
 *
 * <pre>{@code
 * ModelTrainer.Result r = ModelTrainer.builder().type(ModelType.GRADIENT_BOOSTING).seed(42).build()
 *         .train(x, y, names);
 * double p = r.model().probability(x[0]);
 * }</pre>
 */
public final class ModelTrainer {
    private final ModelType type;
    private final long seed;
    private final int folds;
    private final boolean search;
    private final boolean balance;
    private final Calibration.Method calibration;
    private final List<Config> grid;

    private ModelTrainer(Builder b) {
        this.grid = b.grid;
        this.type = b.type;
        this.seed = b.seed;
        this.folds = b.folds;
        this.search = b.search;
        this.balance = b.balance;
        this.calibration = b.calibration;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options; every one has a default. */
    public static final class Builder {
        private ModelType type = ModelType.GRADIENT_BOOSTING;
        private long seed = 42;
        private int folds = 5;
        private boolean search = true;
        private boolean balance = true;
        private Calibration.Method calibration = Calibration.Method.AUTO;
        private List<Config> grid;

        /** Replaces the built-in search grid of the model type (the first configuration is used without search). */
        public Builder grid(Config... configs) {
            if (configs.length == 0) {
                throw new IllegalArgumentException("empty grid");
            }
            grid = List.of(configs);
            return this;
        }

        public Builder type(ModelType t) {
            type = t;
            return this;
        }

        public Builder seed(long s) {
            seed = s;
            return this;
        }

        /** Cross-validation folds for the search and the calibration (at least 2; default 5). */
        public Builder folds(int k) {
            if (k < 2) {
                throw new IllegalArgumentException("need at least 2 folds, got " + k);
            }
            folds = k;
            return this;
        }

        /** Whether to search hyper-parameters (default) or use the first, default configuration. */
        public Builder search(boolean on) {
            search = on;
            return this;
        }

        /** Whether to rebalance rare matches in training folds (default on). */
        public Builder balance(boolean on) {
            balance = on;
            return this;
        }

        public Builder calibration(Calibration.Method m) {
            calibration = m;
            return this;
        }

        public ModelTrainer build() {
            return new ModelTrainer(this);
        }
    }

    /**
     * A hyper-parameter configuration: trees, tree depth (boosting) or leaf limit (forest), learning rate, row
     * subsample, and L2 penalty (boosting leaves, logistic weights).
     */
    public record Config(int trees, int depth, int maxNodes, double learningRate, double subsample, double lambda) {
        @Override
        public String toString() {
            if (trees == 0) {
                return String.format("lambda=%.4f", lambda);
            }
            return depth > 0 ? String.format("trees=%d depth=%d lr=%.2f subsample=%.1f lambda=%.1f", trees, depth,
                    learningRate, subsample, lambda) : String.format("trees=%d maxNodes=%d", trees, maxNodes);
        }
    }

    /**
     * The outcome: the calibrated model, the configuration chosen, each configuration's cross-validated average
     * precision, and the calibrated out-of-fold probability of every training row (for a threshold without a
     * validation split).
     */
    public record Result(CalibratedModel model, Config config, List<Config> candidates, double[] cvAveragePrecision,
                         double[] outOfFold, boolean[] labels) {
    }

    List<Config> candidates(int n) {
        if (grid != null) {
            return search ? grid : grid.subList(0, 1);
        }
        List<Config> c = new ArrayList<>();
        switch (type) {
            case GRADIENT_BOOSTING -> {
                c.add(new Config(200, 6, 0, 0.1, 0.8, 1));
                c.add(new Config(300, 4, 0, 0.1, 0.8, 1));
                c.add(new Config(150, 8, 0, 0.1, 0.8, 5));
            }
            case RANDOM_FOREST -> {
                c.add(new Config(100, 0, 256, 0, 1.0, 0));
                c.add(new Config(100, 0, 32, 0, 1.0, 0));
            }
            case LOGISTIC_REGRESSION -> {
                c.add(new Config(0, 0, 0, 0, 0, 0.01));
                c.add(new Config(0, 0, 0, 0, 0, 0.1));
                c.add(new Config(0, 0, 0, 0, 0, 1.0));
            }
        }
        return search ? c : c.subList(0, 1);
    }

    /**
     * Trains on rows {@code x} (finite values) with labels {@code y}; {@code names} name the columns.
     *
     * @throws IllegalArgumentException with fewer than 2 matches or 2 non-matches, or ragged rows
     */
    public Result train(double[][] x, boolean[] y, String[] names) {
        return train(x, y, names, null, null);
    }

    /**
     * As {@link #train(double[][], boolean[], String[])}, but with a validation split the configuration is chosen
     * by its best F1 on it (ties: cross-validated average precision) instead of by cross-validation alone.
     */
    public Result train(double[][] x, boolean[] y, String[] names, double[][] validX, boolean[] validY) {
        int n = x.length;
        int pos = check(x, y, names);
        CrossFitting cv = CrossFitting.stratified(y, Math.min(folds, Math.min(pos, n - pos)), seed);
        List<Config> configs = candidates(n);
        TrainedModel[][] fitted = cv.fit(x, y, configs, (rx, ry, config, fitSeed) ->
                Learners.fit(type, rx, ry, balance, config, fitSeed), seed);
        double[] ap = new double[configs.size()];
        double[][] oof = new double[configs.size()][];
        double[] validF1 = new double[configs.size()];
        boolean useValid = validX != null && validY != null && validX.length > 0 && configs.size() > 1;
        int best = 0;
        for (int c = 0; c < configs.size(); c++) {
            oof[c] = cv.outOfFold(x, fitted[c]);
            ap[c] = PairMetrics.of(oof[c], y).averagePrecisionTiesLast();
            if (useValid) {
                CalibratedModel cm = new CalibratedModel(List.of(fitted[c]), calibrate(oof[c], y), names,
                        new double[names.length]);
                double[] pv = cm.probabilities(validX);
                validF1[c] = PairMetrics.of(pv, validY).at(Thresholds.best(pv, validY, 0.5)).f1();
            }
            if (useValid ? validF1[c] > validF1[best] || validF1[c] == validF1[best] && ap[c] > ap[best]
                    : ap[c] > ap[best]) {
                best = c;
            }
        }
        Calibration cal = calibrate(oof[best], y);
        double[] oofP = new double[n];
        for (int i = 0; i < n; i++) {
            oofP[i] = cal.probability(oof[best][i]);
        }
        // TreeSHAP costs O(leaves x depth^2) per tree and row: 300 rows of the first fold model suffice for a ranking
        double[] importance = importance(fitted[best][0], x, seed);
        return new Result(new CalibratedModel(List.of(fitted[best]), cal, names, importance), configs.get(best),
                List.copyOf(configs), ap, oofP, y.clone());
    }

    /** The number of matches, after checking the shapes and that both classes have at least 2 rows. */
    private static int check(double[][] x, boolean[] y, String[] names) {
        int n = x.length;
        if (y.length != n) {
            throw new IllegalArgumentException(n + " rows for " + y.length + " labels");
        }
        for (double[] row : x) {
            if (row.length != names.length) {
                throw new IllegalArgumentException("row of " + row.length + " values for " + names.length
                        + " feature names");
            }
        }
        int pos = 0;
        for (boolean b : y) {
            pos += b ? 1 : 0;
        }
        if (pos < 2 || n - pos < 2) {
            throw new IllegalArgumentException("training needs at least 2 matches and 2 non-matches, got " + pos
                    + " matches in " + n + " pairs");
        }
        return pos;
    }

    private Calibration calibrate(double[] raw, boolean[] y) {
        return calibration != Calibration.Method.NONE ? Calibration.fit(calibration, raw, y)
                : type == ModelType.RANDOM_FOREST ? Calibration.none() : Calibration.logistic();
    }

    /** Mean absolute contribution per feature over at most 300 training rows. */
    static double[] importance(TrainedModel m, double[][] x, long seed) {
        int[] sample = sample(x.length, 300, seed);
        double[] imp = new double[m.features()];
        for (int i : sample) {
            double[] phi = m.contributions(x[i]);
            for (int j = 0; j < imp.length; j++) {
                imp[j] += Math.abs(phi[j]) / sample.length;
            }
        }
        return imp;
    }

    private static int[] sample(int n, int max, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (n <= max) {
            return all;
        }
        Random r = new Random(seed);
        for (int i = 0; i < max; i++) {
            int j = i + r.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, max);
    }

    @Override
    public String toString() {
        return "ModelTrainer[" + type + ", seed " + seed + ", " + folds + " folds, search " + search + ", balance "
                + balance + ", calibration " + calibration + "]";
    }
}
