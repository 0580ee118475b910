package dev.matcher.classify;

import dev.matcher.data.AttributeKind;
import dev.matcher.data.DataException;
import dev.matcher.data.Table;
import dev.matcher.match.MulticlassTrees;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Configures and trains a {@link Classifier}. Defaults: every column but the labels is a feature, read by its kind
 * (words, word bigrams and character 2- to 4-grams of short strings, words and word bigrams of long text, quantile
 * bins of numbers, category values, identifier codes and their prefixes; images only by the stacked trees); features seen in
 * fewer than 2 training records are dropped (with 50 or more records); the
 * L2 penalty is chosen among {@link #regularization} candidates and the probabilities are calibrated (one
 * temperature) on a stratified 15% validation share, then the model is refitted on all records; on the same share
 * gradient-boosted trees stacked on the linear model are tried and kept only when they beat it ({@link #trees}).
 *
 * <pre>{@code
 * Classifier c = Classifier.builder()
 *     .label("category")
 *     .exclude("category_id")       // a column that is the label under another name
 *     .charGrams(2, 4)
 *     .train(products);
 * Classifier plain = Classifier.builder().label("category").plainTfIdf().train(products);   // the usual baseline
 * }</pre>
 */
public final class ClassifierBuilder {
    private List<String> labels = List.of();
    private final Set<String> excluded = new LinkedHashSet<>();
    private boolean words = true;
    private boolean bigrams = true;
    private int charMin = 2;
    private int charMax = 4;
    private boolean charsOnText = false;
    private boolean numbers = true;
    private boolean categories = true;
    private boolean codes = true;
    private int minDf = 2;
    private int maxFeatures = 1 << 20;
    private double[] regularization = {1, 0.1};
    private double validationShare = 0.15;
    private int maxIterations = 150;
    private long seed = 42;
    private boolean trees = true;
    private MulticlassTrees.Params treeParams = MulticlassTrees.Params.DEFAULTS;
    /** Folds of the out-of-fold linear scores the trees learn from. */
    static final int STACK_FOLDS = 3;
    /**
     * The stacked model is kept when its validation log-loss is below this share of the linear model's: the trees'
     * rounds were stopped on the same validation records, which flatters them a little.
     */
    static final double STACK_MARGIN = 0.995;

    ClassifierBuilder() {
    }

    /** The label column, or several: a hierarchy from coarse to fine ({@code "category_coarse", "category_fine"}). */
    public ClassifierBuilder label(String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("give at least one label column");
        }
        if (new LinkedHashSet<>(Arrays.asList(columns)).size() != columns.length) {
            throw new IllegalArgumentException("a label column is named twice: " + String.join(", ", columns));
        }
        labels = List.of(columns);
        return this;
    }

    /** Columns not to read features from (ids under another name, other labels, leaks). */
    public ClassifierBuilder exclude(String... columns) {
        excluded.addAll(Arrays.asList(columns));
        return this;
    }

    /** Word unigrams and bigrams of text (default both on). */
    public ClassifierBuilder words(boolean unigrams, boolean wordBigrams) {
        words = unigrams;
        bigrams = wordBigrams;
        return this;
    }

    /** Character q-grams of text for {@code min <= q <= max} (at most 4; default 2 to 4); {@code (0, 0)}: none. */
    public ClassifierBuilder charGrams(int min, int max) {
        new FeatureSet.Config(true, true, min, max, false, true, true, true, 1, 1);   // validates
        charMin = min;
        charMax = max;
        return this;
    }

    /**
     * Whether long text ({@link AttributeKind#TEXT}) also gets character q-grams (default false: words and word
     * bigrams only; short strings always get them).
     */
    public ClassifierBuilder charGramsOnLongText(boolean on) {
        charsOnText = on;
        return this;
    }

    /** Whether numbers, categories and identifier codes become features (default all on). */
    public ClassifierBuilder structured(boolean numberBins, boolean categoryValues, boolean identifierCodes) {
        numbers = numberBins;
        categories = categoryValues;
        codes = identifierCodes;
        return this;
    }

    /** Drop features seen in fewer training records than this (default 2). */
    public ClassifierBuilder minDocumentFrequency(int records) {
        if (records < 1) {
            throw new IllegalArgumentException("minimum document frequency must be >= 1: " + records);
        }
        minDf = records;
        return this;
    }

    /** Keep at most this many features, the most frequent (default 1,048,576). */
    public ClassifierBuilder maxFeatures(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("max features must be >= 1: " + count);
        }
        maxFeatures = count;
        return this;
    }

    /**
     * Candidate L2 penalties, as multiples of {@code 1 / n} for {@code n} training records (1 is the usual
     * {@code C = 1}); with several, the one with the best validation log-loss wins (default {@code 1, 0.1}).
     */
    public ClassifierBuilder regularization(double... perRecord) {
        if (perRecord.length == 0) {
            throw new IllegalArgumentException("give at least one regularisation strength");
        }
        for (double r : perRecord) {
            if (!(r > 0) || Double.isInfinite(r)) {
                throw new IllegalArgumentException("regularisation must be a positive number: " + r);
            }
        }
        regularization = perRecord.clone();
        return this;
    }

    /** Share of records held out to choose the penalty and calibrate (default 0.15; 0: neither). */
    public ClassifierBuilder validationShare(double share) {
        if (!(share >= 0 && share < 0.5)) {
            throw new IllegalArgumentException("validation share must be in [0, 0.5): " + share);
        }
        validationShare = share;
        return this;
    }

    /** L-BFGS iterations at most per fit (default 150). */
    public ClassifierBuilder maxIterations(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1: " + iterations);
        }
        maxIterations = iterations;
        return this;
    }

    /** Seed of the validation split (default 42); the same seed and data give the same classifier. */
    public ClassifierBuilder seed(long value) {
        seed = value;
        return this;
    }

    /**
     * Whether to try gradient-boosted trees stacked on the linear model (default true): dense features of each record
     * (numbers, numbers with units in the text such as {@code 500 g} or {@code 0.5 kg}, dates, lengths, category
     * codes, image hashes of local images) and the linear model's out-of-fold log-probabilities of each class. The
     * stacked model is kept only when it beats the linear model alone on the validation share
     * ({@link Classifier#model()} says which was chosen); without a validation share no trees are tried.
     */
    public ClassifierBuilder trees(boolean on) {
        trees = on;
        return this;
    }

    /** Tree parameters for the stacked model (default {@link MulticlassTrees.Params#DEFAULTS}). */
    ClassifierBuilder treeParams(MulticlassTrees.Params p) {
        treeParams = p;
        return this;
    }

    /**
     * The usual baseline: TF-IDF of word unigrams of the text columns only, one penalty ({@code C = 1}), no
     * validation and no calibration.
     */
    public ClassifierBuilder plainTfIdf() {
        words = true;
        bigrams = false;
        charMin = 0;
        charMax = 0;
        numbers = false;
        categories = false;
        codes = false;
        regularization = new double[] {1};
        validationShare = 0;
        trees = false;
        return this;
    }

    /**
     * Trains on every row of the table.
     *
     * @throws DataException when a label column is missing, a row has no label, there is only one class, or no
     *                       column gives any feature
     */
    public Classifier train(Table table) {
        int[] all = new int[table.size()];
        Arrays.setAll(all, i -> i);
        return train(table, all);
    }

    /** Trains on the given rows of the table (the others are ignored), e.g. the training folds of a cross-validation. */
    public Classifier train(Table table, int[] rows) {
        if (labels.isEmpty()) {
            throw new IllegalStateException("no label column: call label(\"column\") first");
        }
        List<String> names = table.schema().names();
        for (String l : labels) {
            if (!names.contains(l)) {
                throw new DataException("table " + table.name() + " has no label column '" + l + "' (its columns: "
                        + String.join(", ", names) + ")");
            }
        }
        for (String e : excluded) {
            if (!names.contains(e)) {
                throw new DataException("table " + table.name() + " has no column '" + e + "' to exclude (its "
                        + "columns: " + String.join(", ", names) + ")");
            }
        }
        if (rows.length == 0) {
            throw new DataException("table " + table.name() + " has no rows to train on");
        }
        String[][] labelValues = new String[labels.size()][];
        for (int l = 0; l < labels.size(); l++) {
            labelValues[l] = table.column(labels.get(l)).toArray();
        }
        TreeMap<List<String>, Integer> leafIds = new TreeMap<>((a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = a.get(i).compareTo(b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        List<String>[] rowLeaf = leafPerRow(table, rows, labelValues, leafIds);
        if (leafIds.size() < 2) {
            throw new DataException("label " + String.join(" > ", labels) + " of table " + table.name()
                    + " has only one class ('" + String.join(" > ", leafIds.firstKey()) + "') in " + rows.length
                    + " records: a classifier needs at least 2");
        }
        String[][] leaves = new String[leafIds.size()][];
        int id = 0;
        for (Map.Entry<List<String>, Integer> e : leafIds.entrySet()) {
            leaves[id] = e.getKey().toArray(new String[0]);
            e.setValue(id++);
        }
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = leafIds.get(rowLeaf[i]);
        }
        List<FeatureSet.Field> fields = new ArrayList<>();
        List<FeatureSet.Field> denseFields = new ArrayList<>();
        for (var a : table.schema().attributes()) {
            if (!labels.contains(a.name()) && !excluded.contains(a.name())) {
                denseFields.add(new FeatureSet.Field(a.name(), a.kind()));
                if (a.kind() != AttributeKind.IMAGE) {
                    fields.add(new FeatureSet.Field(a.name(), a.kind()));
                }
            }
        }
        if (denseFields.isEmpty()) {
            throw new DataException("table " + table.name() + " has no column to read features from besides the "
                    + "label and the excluded ones");
        }
        FeatureSet.Config config = new FeatureSet.Config(words, bigrams, charMin, charMax, charsOnText, numbers,
                categories,
                codes, rows.length >= 50 ? minDf : 1, maxFeatures);
        FeatureSet fs = FeatureSet.fit(table, fields, config, rows);
        Sparse x = fs.transform(table, rows);
        if (x.entries() == 0 && !trees) {
            List<String> cols = fields.stream().map(FeatureSet.Field::column).toList();
            throw new DataException("no features: the columns " + String.join(", ", cols) + " of table "
                    + table.name() + " are empty (or give no usable value) in every training record");
        }
        Stack stack = trees ? new Stack(table, rows, denseFields) : null;
        return fit(fs, x, y, leaves, stack);
    }

    /** What the stacked trees read: the training table, its rows and the dense fields. */
    private record Stack(Table table, int[] rows, List<FeatureSet.Field> fields) {
    }

    @SuppressWarnings("unchecked")
    private List<String>[] leafPerRow(Table table, int[] rows, String[][] labelValues,
                                      TreeMap<List<String>, Integer> leafIds) {
        List<String>[] out = (List<String>[]) new List<?>[rows.length];
        Map<List<String>, List<String>> canonical = new HashMap<>();
        int missing = 0;
        String firstMissing = null;
        for (int i = 0; i < rows.length; i++) {
            String[] leaf = new String[labels.size()];
            boolean ok = true;
            for (int l = 0; l < labels.size(); l++) {
                String v = labelValues[l][rows[i]];
                if (v == null || v.isBlank()) {
                    ok = false;
                    break;
                }
                leaf[l] = v.strip();
            }
            if (!ok) {
                if (missing++ == 0) {
                    firstMissing = table.id(rows[i]);
                }
                continue;
            }
            List<String> key = canonical.computeIfAbsent(List.of(leaf), k -> k);
            out[i] = key;
            leafIds.putIfAbsent(key, -1);
        }
        if (missing > 0) {
            throw new DataException("table " + table.name() + ": " + missing + " of " + rows.length + " records have"
                    + " no " + String.join(" > ", labels) + " label (the first: id " + firstMissing + "); remove them"
                    + " or label them before training");
        }
        return out;
    }

    private Classifier fit(FeatureSet fs, Sparse x, int[] y, String[][] leaves, Stack stack) {
        int k = leaves.length;
        int n = x.rows;
        double[] lambdas = Arrays.stream(regularization).map(r -> r / n).sorted().toArray();
        double lambda = lambdas[lambdas.length - 1];
        double temperature = 1;
        double[] warm = null;
        double[] validLogits = null;
        double best = Double.POSITIVE_INFINITY;
        int[][] split = validationShare > 0 ? split(y, k, seed) : null;
        if (split != null && split[1].length > 0) {
            Sparse xt = x.select(split[0]);
            Sparse xv = x.select(split[1]);
            int[] yt = pick(y, split[0]);
            int[] yv = pick(y, split[1]);
            double[] prev = null;
            for (int i = lambdas.length - 1; i >= 0; i--) {       // strongest penalty first, then warm starts
                double lam = lambdas[i] * n / xt.rows;            // the same strength per record
                Softmax m = Softmax.train(xt, yt, k, lam, maxIterations, prev);
                prev = m.w;
                double[] logits = logits(m, xv);
                double t = temperature(logits, yv, k);
                double loss = logLoss(logits, yv, k, t);
                if (loss < best) {
                    best = loss;
                    lambda = lambdas[i];
                    temperature = t;
                    warm = m.w;
                    validLogits = logits;
                }
            }
        }
        Softmax model = Softmax.train(x, y, k, lambda, maxIterations, warm);
        if (stack != null && validLogits != null) {
            TrainedClassifier stacked = stacked(fs, x, y, leaves, stack, split, lambda, temperature, validLogits, best,
                    model);
            if (stacked != null) {
                return stacked;
            }
        }
        if (x.entries() == 0) {
            throw new DataException("no features: the columns " + String.join(", ",
                    fs.fields.stream().map(FeatureSet.Field::column).toList()) + " are empty (or give no usable "
                    + "value) in every training record");
        }
        return new TrainedClassifier(List.copyOf(labels), leaves, fs, model, temperature);
    }

    /**
     * The linear model with trees stacked on it, or null when they do not beat it on the validation share. The trees
     * learn from out-of-fold linear log-probabilities: on the training share from {@value #STACK_FOLDS} folds of it, on
     * the validation share from the linear model fitted on the training share. A first fit on the training share,
     * stopped on the validation share, decides and fixes the rounds; the kept trees are refitted on all records.
     */
    private TrainedClassifier stacked(FeatureSet fs, Sparse x, int[] y, String[][] leaves, Stack stack, int[][] split,
                                      double lambda, double temperature, double[] validLogits, double linearLoss,
                                      Softmax model) {
        int k = leaves.length;
        int n = y.length;
        DenseFeatures dense = DenseFeatures.fit(stack.table(), stack.fields(), stack.rows());
        double[][] d = dense.transform(stack.table(), stack.rows());
        int[] tr = split[0];
        int[] va = split[1];
        // out-of-fold log-probabilities of the linear model: row-major [record * k + class]
        double[] oof = new double[n * k];
        int[] yt = pick(y, tr);
        int[] fold = folds(yt, k, STACK_FOLDS, seed + 1);
        for (int f = 0; f < STACK_FOLDS; f++) {
            int[] in = rowsWhere(fold, f, false);
            int[] out = rowsWhere(fold, f, true);
            if (out.length == 0) {
                continue;
            }
            Softmax m = Softmax.train(x.select(pick(tr, in)), pick(yt, in), k, lambda * n / in.length,
                    maxIterations, null);
            double[] z = logits(m, x.select(pick(tr, out)));
            for (int i = 0; i < out.length; i++) {
                System.arraycopy(z, i * k, oof, tr[out[i]] * k, k);
            }
        }
        for (int i = 0; i < va.length; i++) {
            System.arraycopy(validLogits, i * k, oof, va[i] * k, k);
        }
        double[] row = new double[k];
        for (int r = 0; r < n; r++) {
            System.arraycopy(oof, r * k, row, 0, k);
            TrainedClassifier.logSoftmax(row, k, temperature);
            System.arraycopy(row, 0, oof, r * k, k);
        }
        MulticlassTrees.Validation v = new MulticlassTrees.Validation(pickRows(d, va), own(oof, va, k),
                pickScores(oof, va, k), pick(y, va));
        MulticlassTrees first = MulticlassTrees.fit(pickRows(d, tr), own(oof, tr, k), pickScores(oof, tr, k), yt, k,
                treeParams, v);
        if (first.rounds() == 0) {
            return null;
        }
        double[] vz = pickScores(oof, va, k);
        double[] z = new double[k];
        double[] buf = new double[dense.size() + 1];
        double[] own = new double[k];
        for (int i = 0; i < va.length; i++) {
            System.arraycopy(vz, i * k, own, 0, k);
            System.arraycopy(own, 0, z, 0, k);
            System.arraycopy(d[va[i]], 0, buf, 0, dense.size());
            first.addScores(buf, own, z);
            System.arraycopy(z, 0, vz, i * k, k);
        }
        double stackedLoss = MulticlassTrees.logLoss(vz, pick(y, va), k);
        if (!(stackedLoss < linearLoss * STACK_MARGIN)) {
            return null;
        }
        MulticlassTrees.Params all = new MulticlassTrees.Params(first.rounds(), treeParams.patience(),
                treeParams.maxDepth(), treeParams.learningRate(), treeParams.lambda(), treeParams.minChildWeight(),
                treeParams.bins());
        int[] every = new int[n];
        java.util.Arrays.setAll(every, i -> i);
        MulticlassTrees fitted = MulticlassTrees.fit(d, own(oof, every, k), oof, y, k, all, null);
        return new TrainedClassifier(List.copyOf(labels), leaves, fs, model, temperature, dense, fitted);
    }

    /** Stratified fold of each record (seeded): per class, a shuffle dealt round the folds. */
    private static int[] folds(int[] y, int k, int folds, long seed) {
        int[][] byClass = split(y, k, 0, seed);
        int[] fold = new int[y.length];
        int at = 0;
        for (int i : byClass[1]) {
            fold[i] = at++ % folds;
        }
        return fold;
    }

    private static int[] rowsWhere(int[] fold, int f, boolean equal) {
        return java.util.stream.IntStream.range(0, fold.length).filter(i -> (fold[i] == f) == equal).toArray();
    }

    private static double[][] pickRows(double[][] d, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = d[rows[i]];
        }
        return out;
    }

    private static double[] pickScores(double[] s, int[] rows, int k) {
        double[] out = new double[rows.length * k];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(s, rows[i] * k, out, i * k, k);
        }
        return out;
    }

    /** The own column of each class: {@code [class][row]}. */
    private static double[][] own(double[] s, int[] rows, int k) {
        double[][] out = new double[k][rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int c = 0; c < k; c++) {
                out[c][i] = s[rows[i] * k + c];
            }
        }
        return out;
    }

    /** A stratified split: per class, a seeded shuffle and the validation share (none of a class of one record). */
    private int[][] split(int[] y, int k, long seed) {
        return split(y, k, validationShare, seed);
    }

    /**
     * A stratified split by a share: per class, a seeded shuffle, the share's records second (none of a class of one
     * record); with share 0 the second part is every record, class by class in shuffled order.
     */
    private static int[][] split(int[] y, int k, double share, long seed) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < y.length; i++) {
            byClass.get(y[i]).add(i);
        }
        Random rnd = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> valid = new ArrayList<>();
        for (List<Integer> members : byClass) {
            java.util.Collections.shuffle(members, rnd);
            if (share == 0) {
                valid.addAll(members);
                continue;
            }
            int v = members.size() < 2 ? 0 : (int) Math.round(members.size() * share);
            valid.addAll(members.subList(0, v));
            train.addAll(members.subList(v, members.size()));
        }
        if (share == 0) {
            return new int[][] {new int[0], valid.stream().mapToInt(Integer::intValue).toArray()};
        }
        return new int[][] {train.stream().mapToInt(Integer::intValue).sorted().toArray(),
                valid.stream().mapToInt(Integer::intValue).sorted().toArray()};
    }

    private static int[] pick(int[] y, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = y[rows[i]];
        }
        return out;
    }

    private static double[] logits(Softmax m, Sparse x) {
        int k = m.classes;
        double[] out = new double[x.rows * k];
        double[] z = new double[k];
        for (int r = 0; r < x.rows; r++) {
            m.logits(x, r, z);
            System.arraycopy(z, 0, out, r * k, k);
        }
        return out;
    }

    static double logLoss(double[] logits, int[] y, int k, double t) {
        double loss = 0;
        for (int r = 0; r < y.length; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, logits[r * k + c] / t);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(logits[r * k + c] / t - max);
            }
            loss += max + Math.log(sum) - logits[r * k + y[r]] / t;
        }
        return loss / Math.max(1, y.length);
    }

    /** The temperature in [0.05, 20] with the least validation log-loss (golden-section search on its log). */
    static double temperature(double[] logits, int[] y, int k) {
        double a = Math.log(0.05);
        double b = Math.log(20);
        double g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        double fc = logLoss(logits, y, k, Math.exp(c));
        double fd = logLoss(logits, y, k, Math.exp(d));
        for (int i = 0; i < 40; i++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - g * (b - a);
                fc = logLoss(logits, y, k, Math.exp(c));
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + g * (b - a);
                fd = logLoss(logits, y, k, Math.exp(d));
            }
        }
        return Math.exp((a + b) / 2);
    }
}
