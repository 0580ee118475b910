package dev.matcher.classify;

import dev.matcher.data.AttributeKind;
import dev.matcher.data.DataException;
import dev.matcher.data.Table;

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
 * bins of numbers, category values, identifier codes and their prefixes; images are not read); features seen in
 * fewer than 2 training records are dropped (with 50 or more records); the
 * L2 penalty is chosen among {@link #regularization} candidates and the probabilities are calibrated (one
 * temperature) on a stratified 15% validation share, then the model is refitted on all records.
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
        for (var a : table.schema().attributes()) {
            if (!labels.contains(a.name()) && !excluded.contains(a.name()) && a.kind() != AttributeKind.IMAGE) {
                fields.add(new FeatureSet.Field(a.name(), a.kind()));
            }
        }
        if (fields.isEmpty()) {
            throw new DataException("table " + table.name() + " has no column to read features from besides the "
                    + "label and the excluded ones");
        }
        FeatureSet.Config config = new FeatureSet.Config(words, bigrams, charMin, charMax, charsOnText, numbers,
                categories,
                codes, rows.length >= 50 ? minDf : 1, maxFeatures);
        FeatureSet fs = FeatureSet.fit(table, fields, config, rows);
        Sparse x = fs.transform(table, rows);
        if (x.entries() == 0) {
            List<String> cols = fields.stream().map(FeatureSet.Field::column).toList();
            throw new DataException("no features: the columns " + String.join(", ", cols) + " of table "
                    + table.name() + " are empty (or give no usable value) in every training record");
        }
        return fit(fs, x, y, leaves);
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

    private Classifier fit(FeatureSet fs, Sparse x, int[] y, String[][] leaves) {
        int k = leaves.length;
        int n = x.rows;
        double[] lambdas = Arrays.stream(regularization).map(r -> r / n).sorted().toArray();
        double lambda = lambdas[lambdas.length - 1];
        double temperature = 1;
        double[] warm = null;
        int[][] split = validationShare > 0 ? split(y, k) : null;
        if (split != null && split[1].length > 0) {
            Sparse xt = x.select(split[0]);
            Sparse xv = x.select(split[1]);
            int[] yt = pick(y, split[0]);
            int[] yv = pick(y, split[1]);
            double best = Double.POSITIVE_INFINITY;
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
                }
            }
        }
        Softmax model = Softmax.train(x, y, k, lambda, maxIterations, warm);
        return new TrainedClassifier(List.copyOf(labels), leaves, fs, model, temperature);
    }

    /** A stratified split: per class, a seeded shuffle and the validation share (none of a class of one record). */
    private int[][] split(int[] y, int k) {
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
            int v = members.size() < 2 ? 0 : (int) Math.round(members.size() * validationShare);
            valid.addAll(members.subList(0, v));
            train.addAll(members.subList(v, members.size()));
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
