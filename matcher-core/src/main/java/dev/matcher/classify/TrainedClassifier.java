package dev.matcher.classify;

import dev.matcher.data.Table;
import dev.matcher.util.Parallel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The classifier: fitted features, a softmax over the leaf classes, a temperature that calibrates it and, when
 * validation chose them, gradient-boosted trees stacked on top: they read dense features and the linear model's
 * calibrated log-probability of each class, and add their score to it (the class probabilities are then the softmax
 * of {@code log p_linear(c) + trees_c}).
 */
final class TrainedClassifier implements Classifier {
    static final String SEPARATOR = " > ";

    final List<String> labels;
    /** Leaf classes: one row per class, one value per level. */
    final String[][] leaves;
    final FeatureSet features;
    final Softmax model;
    final double temperature;
    /** The dense features and trees of the stacked model, or both null (the linear model alone). */
    final DenseFeatures dense;
    final dev.matcher.match.MulticlassTrees trees;
    /** The dense features the trees split on: the others are not computed when predicting. */
    private final java.util.BitSet denseRead;
    private final List<String> classNames;
    /** Per level: the leaf's prefix id, and the prefixes' names (the class names of that level). */
    private final int[][] prefixOf;
    private final String[][] levelNames;
    /** Per level, the prefixes' full paths (coarse to that level, joined by {@link #SEPARATOR}). */
    private final List<List<String>> levelPaths;
    /** Keeps the categories of the last two tables categorized: blocking and features ask for the same. */
    private final Remembering remembered = new Remembering(t -> categories(predict(t)));

    TrainedClassifier(List<String> labels, String[][] leaves, FeatureSet features, Softmax model, double temperature) {
        this(labels, leaves, features, model, temperature, null, null);
    }

    TrainedClassifier(List<String> labels, String[][] leaves, FeatureSet features, Softmax model, double temperature,
                      DenseFeatures dense, dev.matcher.match.MulticlassTrees trees) {
        if ((dense == null) != (trees == null) || (trees != null && (trees.classes() != leaves.length
                || trees.sharedFeatures() != dense.size()))) {
            throw new IllegalArgumentException("inconsistent stacked trees: " + trees + " over " + dense + " for "
                    + leaves.length + " classes");
        }
        if (labels.isEmpty() || leaves.length < 2 || model.classes != leaves.length || model.dims != features.size()) {
            throw new IllegalArgumentException("inconsistent classifier: " + labels.size() + " label levels, "
                    + leaves.length + " classes, a model of " + model.classes + " classes over " + model.dims
                    + " features for " + features.size() + " features");
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature " + temperature + " is not a positive number");
        }
        this.labels = List.copyOf(labels);
        this.leaves = leaves;
        this.features = features;
        this.model = model;
        this.temperature = temperature;
        this.dense = dense;
        this.trees = trees;
        this.denseRead = trees == null ? null : trees.featuresRead();
        int levels = labels.size();
        List<String> names = new ArrayList<>();
        for (String[] leaf : leaves) {
            if (leaf.length != levels) {
                throw new IllegalArgumentException("class " + Arrays.toString(leaf) + " has " + leaf.length
                        + " levels, the labels " + levels);
            }
            names.add(String.join(SEPARATOR, leaf));
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("a class appears twice");
        }
        this.classNames = List.copyOf(names);
        prefixOf = new int[levels][leaves.length];
        levelNames = new String[levels][];
        List<List<String>> paths = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
            Map<String, Integer> ids = new LinkedHashMap<>();
            List<String> shown = new ArrayList<>();
            for (int c = 0; c < leaves.length; c++) {
                String prefix = String.join(SEPARATOR, Arrays.copyOf(leaves[c], l + 1));
                Integer id = ids.get(prefix);
                if (id == null) {
                    id = ids.size();
                    ids.put(prefix, id);
                    shown.add(leaves[c][l]);
                }
                prefixOf[l][c] = id;
            }
            levelNames[l] = shown.toArray(new String[0]);
            paths.add(List.copyOf(ids.keySet()));
        }
        levelPaths = List.copyOf(paths);
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public List<String> classes() {
        return classNames;
    }

    @Override
    public List<String> features() {
        List<String> out = new ArrayList<>();
        for (FeatureSet.Field f : features.fields) {
            out.add(f.column() + " (" + f.kind().name().toLowerCase(Locale.ROOT) + ")");
        }
        return out;
    }

    @Override
    public String model() {
        return trees == null ? "linear" : "linear+trees";
    }

    @Override
    public Predictions predict(Table table) {
        int[] all = new int[table.size()];
        Arrays.setAll(all, i -> i);
        return predict(table, all);
    }

    @Override
    public Predictions predict(Table table, int[] rows) {
        int[] r = rows.clone();
        Sparse x = features.transform(table, r);
        return predict(x, trees == null ? null : dense.transform(table, r, denseRead));
    }

    /**
     * The stacked model's scores of one row: the linear model's calibrated log-probabilities plus each class's trees;
     * {@code z} holds the linear logits on entry, {@code row} is scratch of {@code dense.size() + 1} values.
     */
    void stack(double[] z, double[] denseRow, double[] row, double[] own) {
        int k = leaves.length;
        logSoftmax(z, k, temperature);
        System.arraycopy(z, 0, own, 0, k);
        System.arraycopy(denseRow, 0, row, 0, denseRow.length);
        trees.addScores(row, own, z);
    }

    /** {@code z / temperature} minus its log-sum-exp, in place. */
    static void logSoftmax(double[] z, int k, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, z[c] / temperature);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            sum += Math.exp(z[c] / temperature - max);
        }
        double log = max + Math.log(sum);
        for (int c = 0; c < k; c++) {
            z[c] = z[c] / temperature - log;
        }
    }

    Predictions predict(Sparse x, double[][] denseRows) {
        int n = x.rows;
        int k = leaves.length;
        int levels = labels.size();
        double[] probs = new double[n * k];
        int[][] chosen = new int[levels][n];
        double[][] conf = new double[levels][n];
        Parallel.forRange(n, 256, (from, to) -> {
            double[] z = new double[k];
            double[] own = new double[k];
            double[] row = trees == null ? null : new double[dense.size() + 1];
            double[][] marginal = new double[levels][];
            for (int l = 0; l < levels; l++) {
                marginal[l] = new double[levelNames[l].length];
            }
            for (int r = from; r < to; r++) {
                model.logits(x, r, z);
                if (trees == null) {
                    Softmax.softmax(z, k, temperature);
                } else {
                    stack(z, denseRows[r], row, own);
                    Softmax.softmax(z, k, 1);
                }
                System.arraycopy(z, 0, probs, r * k, k);
                int parent = -1;
                for (int l = 0; l < levels; l++) {
                    double[] m = marginal[l];
                    Arrays.fill(m, 0);
                    for (int c = 0; c < k; c++) {
                        if (l == 0 || prefixOf[l - 1][c] == parent) {
                            m[prefixOf[l][c]] += z[c];
                        }
                    }
                    int best = 0;
                    for (int p = 1; p < m.length; p++) {
                        if (m[p] > m[best]) {
                            best = p;
                        }
                    }
                    chosen[l][r] = best;
                    conf[l][r] = m[best];
                    parent = best;
                }
            }
            return null;
        });
        return new Predictions(labels, classNames, levelNames, chosen, conf, probs);
    }

    /**
     * Per level the {@value RecordCategories#TOP} most likely classes of each row (a coarser level's probabilities
     * summed over its leaves). The last two tables' categories are kept, so that blocking and features, asking for
     * the same table, predict it once.
     */
    @Override
    public RecordCategories categorize(Table table) {
        return remembered.categorize(table);
    }

    @Override
    public RecordCategories categorize(Table table, int[] rows) {
        return categories(predict(table, rows));
    }

    RecordCategories categories(Predictions p) {
        int n = p.size();
        int k = leaves.length;
        int levels = labels.size();
        int top = RecordCategories.TOP;
        int[][] ids = new int[levels][n * top];
        float[][] probs = new float[levels][n * top];
        Parallel.forRange(n, 512, (from, to) -> {
            double[][] marginal = new double[levels][];
            for (int l = 0; l < levels; l++) {
                marginal[l] = new double[levelPaths.get(l).size()];
            }
            for (int r = from; r < to; r++) {
                for (int l = 0; l < levels; l++) {
                    double[] m = marginal[l];
                    Arrays.fill(m, 0);
                    for (int c = 0; c < k; c++) {
                        m[prefixOf[l][c]] += p.probability(r, c);
                    }
                    Predictions.topK(m, 0, m.length, top, ids[l], r * top);
                    for (int i = 0; i < top; i++) {
                        int c = ids[l][r * top + i];
                        probs[l][r * top + i] = c < 0 ? 0 : (float) Math.min(1, m[c]);
                    }
                }
            }
            return null;
        });
        return new RecordCategories(labels, levelPaths, n, ids, probs);
    }

    /** The leaf class of a row's prediction: the path of chosen classes. */
    private int leafOf(Predictions p, int row) {
        String name = p.predicted(row, 0);
        for (int l = 1; l < labels.size(); l++) {
            name = name + SEPARATOR + p.predicted(row, l);
        }
        return classNames.indexOf(name);
    }

    @Override
    public List<Contribution> explain(Table table, int row, int k) {
        if (row < 0 || row >= table.size()) {
            throw new IndexOutOfBoundsException("row " + row + " of a table of " + table.size() + " rows");
        }
        Sparse one = features.transform(table, new int[] {row});
        double[][] denseRow = trees == null ? null : dense.transform(table, new int[] {row}, denseRead);
        int c = leafOf(predict(one, denseRow), 0);
        int d = model.dims;
        List<Contribution> out = new ArrayList<>();
        for (int p = one.start[0]; p < one.start[1]; p++) {
            int j = one.col[p];
            out.add(new Contribution(features.names[j], one.val[p] * model.w[c * (d + 1) + j] / temperature));
        }
        if (trees != null) {
            double[] z = new double[leaves.length];
            model.logits(one, 0, z);
            logSoftmax(z, leaves.length, temperature);
            double[] x = Arrays.copyOf(denseRow[0], dense.size() + 1);
            x[dense.size()] = z[c];
            double[] phi = trees.contributions(c, x);
            for (int j = 0; j < phi.length; j++) {
                if (phi[j] != 0) {
                    out.add(new Contribution("trees: " + (j < dense.size() ? dense.names[j]
                            : "linear model's log-probability"), phi[j]));
                }
            }
        }
        out.sort(Comparator.comparingDouble(Contribution::weight).reversed());
        return List.copyOf(out.subList(0, Math.min(k, out.size())));
    }

    @Override
    public List<Contribution> topFeatures(String leafClass, int k) {
        int c = classNames.indexOf(leafClass);
        if (c < 0) {
            throw new IllegalArgumentException("unknown class '" + leafClass + "' (classes: "
                    + String.join(", ", classNames.subList(0, Math.min(20, classNames.size())))
                    + (classNames.size() > 20 ? ", ..." : "") + ")");
        }
        int d = model.dims;
        Integer[] order = new Integer[d];
        for (int j = 0; j < d; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(model.w[c * (d + 1) + b], model.w[c * (d + 1) + a]));
        List<Contribution> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, d); i++) {
            out.add(new Contribution(features.names[order[i]], model.w[c * (d + 1) + order[i]]));
        }
        return out;
    }

    @Override
    public void save(Path file) {
        ClassifierFile.write(file, this);
    }

    @Override
    public String toString() {
        return "Classifier of " + String.join(SEPARATOR, labels) + ": " + leaves.length + " classes, "
                + features.size() + " features from " + String.join(", ", features()) + String.format(Locale.ROOT,
                ", temperature %.3f", temperature) + (trees == null ? ", linear model alone"
                : ", stacked trees (" + trees.rounds() + " rounds over " + dense.size() + " dense features)");
    }
}
