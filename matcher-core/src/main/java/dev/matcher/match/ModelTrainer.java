package dev.matcher.match;

import dev.matcher.util.Parallel;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import smile.base.cart.DecisionNode;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.base.cart.SplitRule;
import smile.classification.DecisionTree;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.math.MathEx;
import smile.regression.RegressionTree;

/**
 * Trains a calibrated match model on a plain feature matrix: a small hyper-parameter search by stratified k-fold
 * cross-validation (ranked by out-of-fold average precision), a calibration fitted on the out-of-fold scores of the
 * chosen configuration, whose k fold models together form the final model (see {@link CalibratedModel}). Few positives are handled by oversampling the matches inside
 * each training fold (trees and logistic regression) or by class weights (random forest); held-out folds are never
 * resampled, so the calibration sees the true class balance. Deterministic for a seed.
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
        if (y.length != n) {
            throw new IllegalArgumentException(n + " rows for " + y.length + " labels");
        }
        int p = names.length;
        for (double[] row : x) {
            if (row.length != p) {
                throw new IllegalArgumentException("row of " + row.length + " values for " + p + " feature names");
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
        int k = Math.min(folds, Math.min(pos, n - pos));
        int[] fold = stratifiedFolds(y, k, seed);
        List<Config> configs = candidates(n);
        double[] ap = new double[configs.size()];
        double[][] oof = new double[configs.size()][];
        List<List<TrainedModel>> fitted = new ArrayList<>();
        double[] validF1 = new double[configs.size()];
        boolean useValid = validX != null && validY != null && validX.length > 0 && configs.size() > 1;
        int best = 0;
        // every (configuration, fold) fit is independent and seeded: run them in parallel, results in fixed slots
        int folds = k;
        TrainedModel[] all = new TrainedModel[configs.size() * k];
        Parallel.forEach(all.length, task -> {
            int f = task % folds;
            int[] trainRows = rows(fold, f, false);
            all[task] = fit(select(x, trainRows), select(y, trainRows), configs.get(task / folds), seed + 31L * f);
        });
        for (int c = 0; c < configs.size(); c++) {
            oof[c] = new double[n];
            List<TrainedModel> models = new ArrayList<>();
            for (int f = 0; f < k; f++) {
                TrainedModel m = all[c * k + f];
                models.add(m);
                for (int i : rows(fold, f, true)) {
                    oof[c][i] = m.raw(x[i]);
                }
            }
            fitted.add(models);
            ap[c] = averagePrecision(oof[c], y);
            if (useValid) {
                CalibratedModel cm = new CalibratedModel(models, calibrate(oof[c], y), names, new double[p]);
                double[] pv = cm.probabilities(validX);
                validF1[c] = f1(pv, validY, Thresholds.best(pv, validY, 0.5));
            }
            if (useValid ? validF1[c] > validF1[best] || validF1[c] == validF1[best] && ap[c] > ap[best]
                    : ap[c] > ap[best]) {
                best = c;
            }
        }
        Calibration cal = calibrate(oof[best], y);
        List<TrainedModel> models = fitted.get(best);
        double[] oofP = new double[n];
        for (int i = 0; i < n; i++) {
            oofP[i] = cal.probability(oof[best][i]);
        }
        // TreeSHAP costs O(leaves x depth^2) per tree and row: 300 rows of the first fold model suffice for a ranking
        double[] importance = importance(models.get(0), x, seed);
        return new Result(new CalibratedModel(models, cal, names, importance), configs.get(best),
                List.copyOf(configs), ap, oofP, y.clone());
    }

    private Calibration calibrate(double[] raw, boolean[] y) {
        return calibration != Calibration.Method.NONE ? Calibration.fit(calibration, raw, y)
                : type == ModelType.RANDOM_FOREST ? Calibration.none() : Calibration.logistic();
    }

    static double f1(double[] p, boolean[] y, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < p.length; i++) {
            boolean pred = p[i] >= threshold;
            tp += pred && y[i] ? 1 : 0;
            fp += pred && !y[i] ? 1 : 0;
            fn += !pred && y[i] ? 1 : 0;
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
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

    /** Fits one model on all given rows with one configuration. */
    TrainedModel fit(double[][] x, boolean[] y, Config config, long fitSeed) {
        int pos = 0;
        for (boolean b : y) {
            pos += b ? 1 : 0;
        }
        int neg = y.length - pos;
        // rare matches: weight (or replicate) them so that they make up about a third of the training mass
        int factor = balance && pos * 2 < neg ? (int) Math.max(1, Math.round(neg / (2.0 * pos))) : 1;
        return switch (type) {
            case GRADIENT_BOOSTING -> gradientBoosting(x, y, factor, config, fitSeed);
            case RANDOM_FOREST -> randomForest(x, y, factor, config, fitSeed);
            case LOGISTIC_REGRESSION -> logistic(oversample(x, y, factor), config);
        };
    }

    private record Rows(double[][] x, boolean[] y) {
    }

    private static Rows oversample(double[][] x, boolean[] y, int factor) {
        if (factor <= 1) {
            return new Rows(x, y);
        }
        List<double[]> rx = new ArrayList<>(Arrays.asList(x));
        List<Boolean> ry = new ArrayList<>();
        for (boolean b : y) {
            ry.add(b);
        }
        for (int i = 0; i < x.length; i++) {
            if (y[i]) {
                for (int r = 1; r < factor; r++) {
                    rx.add(x[i]);
                    ry.add(true);
                }
            }
        }
        boolean[] yy = new boolean[ry.size()];
        for (int i = 0; i < yy.length; i++) {
            yy[i] = ry.get(i);
        }
        return new Rows(rx.toArray(new double[0][]), yy);
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

    private static final Formula FORMULA = Formula.lhs("y");

    private static TrainedModel gradientBoosting(double[][] x, boolean[] y, int factor, Config c, long fitSeed) {
        double[] w = new double[y.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = y[i] ? factor : 1;
        }
        return HistogramBoosting.fit(x, y, w, new HistogramBoosting.Params(c.trees(), c.depth(), c.learningRate(),
                c.lambda(), 1.0, c.subsample(), 64), fitSeed);
    }

    /** Smile: P(match) = 1 / (1 + exp(-2 F)), F = b + shrinkage * sum(tree outputs); the flat copy scores 2F. */
    static TreeEnsemble flatten(GradientTreeBoost gbt, double shrinkage, int features) {
        double b = (double) readField(GradientTreeBoost.class, "b", gbt);
        FlatBuilder fb = new FlatBuilder();
        for (RegressionTree t : gbt.trees()) {
            fb.addTree(t.root(), 2 * shrinkage);
        }
        return fb.build(ModelType.GRADIENT_BOOSTING, features, 2 * b);
    }

    /** The mean over trees of the leaf match fraction. */
    static TreeEnsemble flatten(RandomForest rf, int features) {
        FlatBuilder fb = new FlatBuilder();
        DecisionTree[] trees = rf.trees();
        for (DecisionTree t : trees) {
            fb.addTree(t.root(), 1.0 / trees.length);
        }
        return fb.build(ModelType.RANDOM_FOREST, features, 0);
    }

    private static TrainedModel randomForest(double[][] x, boolean[] y, int factor, Config c, long fitSeed) {
        int p = x[0].length;
        MathEx.setSeed(fitSeed);
        RandomForest rf = RandomForest.fit(FORMULA, frame(x, y), c.trees(), Math.max(1, (int) Math.floor(Math.sqrt(p))),
                SplitRule.GINI, 20, c.maxNodes(), 2, c.subsample(), new int[] {1, factor},
                LongStream.range(0, c.trees()).map(i -> fitSeed * 1_000_003L + i));
        return flatten(rf, p);
    }

    private static TrainedModel logistic(Rows rows, Config c) {
        double[][] x = rows.x;
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
        int[] labels = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < p; j++) {
                z[i][j] = (x[i][j] - mean[j]) / sd[j];
            }
            labels[i] = rows.y[i] ? 1 : 0;
        }
        double[] w = LogisticLoss.fit(z, labels, c.lambda(), 1e-5, 500);   // p weights then the intercept
        double[] weight = new double[p];
        double intercept = w[p];
        for (int j = 0; j < p; j++) {
            weight[j] = w[j] / sd[j];
            intercept -= weight[j] * mean[j];
        }
        return new LinearModel(intercept, weight, mean);
    }

    /** Copies Smile trees into flat arrays. */
    static final class FlatBuilder {
        private final List<Integer> roots = new ArrayList<>();
        private int[] feature = new int[1024];
        private double[] threshold = new double[1024];
        private int[] left = new int[1024];
        private int[] right = new int[1024];
        private double[] value = new double[1024];
        private double[] cover = new double[1024];
        private int size;

        void addTree(Node root, double scale) {
            roots.add(add(root, scale));
        }

        private int add(Node node, double scale) {
            int id = size++;
            if (id == feature.length) {
                int cap = id * 2;
                feature = Arrays.copyOf(feature, cap);
                threshold = Arrays.copyOf(threshold, cap);
                left = Arrays.copyOf(left, cap);
                right = Arrays.copyOf(right, cap);
                value = Arrays.copyOf(value, cap);
                cover = Arrays.copyOf(cover, cap);
            }
            cover[id] = node.size();
            if (node instanceof OrdinalNode o) {
                feature[id] = o.feature();
                threshold[id] = (double) readField(OrdinalNode.class, "value", o);
                int l = add(o.trueChild(), scale);
                int r = add(o.falseChild(), scale);
                left[id] = l;
                right[id] = r;
            } else if (node instanceof InternalNode) {
                throw new IllegalStateException("nominal split in a tree over numeric features: " + node.getClass());
            } else if (node instanceof RegressionNode leaf) {
                feature[id] = -1;
                value[id] = scale * leaf.output();
            } else if (node instanceof DecisionNode leaf) {
                int[] count = leaf.count();
                int total = 0;
                for (int cnt : count) {
                    total += cnt;
                }
                feature[id] = -1;
                value[id] = scale * (count.length > 1 && total > 0 ? (double) count[1] / total : 0);
            } else {
                throw new IllegalStateException("unknown Smile node " + node.getClass());
            }
            return id;
        }

        TreeEnsemble build(ModelType type, int features, double base) {
            int[] r = roots.stream().mapToInt(Integer::intValue).toArray();
            return new TreeEnsemble(type, features, base, r, Arrays.copyOf(feature, size),
                    Arrays.copyOf(threshold, size), Arrays.copyOf(left, size), Arrays.copyOf(right, size),
                    Arrays.copyOf(value, size), Arrays.copyOf(cover, size));
        }
    }

    /** Smile 2.6 keeps split thresholds and the boosting intercept in non-public fields; read them once per node. */
    private static Object readField(Class<?> owner, String name, Object target) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read Smile's " + owner.getSimpleName() + "." + name
                    + " (Smile version other than 2.6.0?)", e);
        }
    }

    static int[] stratifiedFolds(boolean[] y, int k, long seed) {
        int n = y.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        List<Integer> list = Arrays.asList(idx);
        java.util.Collections.shuffle(list, new Random(seed));
        int[] fold = new int[n];
        int p = 0;
        int q = 0;
        for (int i : list) {
            fold[i] = y[i] ? p++ % k : q++ % k;
        }
        return fold;
    }

    private static int[] rows(int[] fold, int f, boolean in) {
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

    /** Average precision of a ranking (ties broken pessimistically: negatives first). */
    static double averagePrecision(double[] score, boolean[] y) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(score[b], score[a]);
            return c != 0 ? c : Boolean.compare(y[a], y[b]);
        });
        int pos = 0;
        for (boolean b : y) {
            pos += b ? 1 : 0;
        }
        double sum = 0;
        int tp = 0;
        for (int k = 0; k < n; k++) {
            if (y[order[k]]) {
                tp++;
                sum += (double) tp / (k + 1);
            }
        }
        return pos == 0 ? 0 : sum / pos;
    }

    @Override
    public String toString() {
        return "ModelTrainer[" + type + ", seed " + seed + ", " + folds + " folds, search " + search + ", balance "
                + balance + ", calibration " + calibration + "]";
    }
}
