package dev.matcher.classify;

import dev.matcher.data.AttributeKind;
import dev.matcher.data.DataException;
import dev.matcher.data.Table;
import dev.matcher.data.TextTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The classifier's answer for every row of a table: per label level the predicted class and its probability, and
 * the probabilities of all leaf classes (calibrated; they sum to 1).
 *
 * <pre>{@code
 * Predictions p = classifier.predict(table);
 * p.predicted(7);                // finest level's class of row 7
 * p.confidence(7);               // its probability
 * p.top(7, 3);                   // the three most likely leaf classes
 * Table out = p.annotate(table, 3);   // + predicted_<label>, confidence, top_<label>
 * }</pre>
 */
public final class Predictions {
    private final List<String> labels;
    private final List<String> classes;
    private final String[][] levelNames;
    private final int[][] chosen;
    private final double[][] confidence;
    private final double[] probabilities;
    private final int n;

    Predictions(List<String> labels, List<String> classes, String[][] levelNames, int[][] chosen,
                double[][] confidence, double[] probabilities) {
        this.labels = labels;
        this.classes = classes;
        this.levelNames = levelNames;
        this.chosen = chosen;
        this.confidence = confidence;
        this.probabilities = probabilities;
        this.n = chosen[0].length;
    }

    /** Rows predicted. */
    public int size() {
        return n;
    }

    /** The label columns, coarse to fine. */
    public List<String> labels() {
        return labels;
    }

    /** The predicted class of the finest level. */
    public String predicted(int row) {
        return predicted(row, labels.size() - 1);
    }

    /** The predicted class at a level (0 = coarsest). */
    public String predicted(int row, int level) {
        return levelNames[level][chosen[level][row]];
    }

    /** The probability of the finest level's predicted class (the whole path for a hierarchy). */
    public double confidence(int row) {
        return confidence(row, labels.size() - 1);
    }

    /** The probability of the predicted class at a level. */
    public double confidence(int row, int level) {
        return confidence[level][row];
    }

    /** The probability of every leaf class, in the order of {@link Classifier#classes()}. */
    public double[] probabilities(int row) {
        int k = classes.size();
        double[] p = new double[k];
        System.arraycopy(probabilities, row * k, p, 0, k);
        return p;
    }

    /** A leaf class and its probability. */
    public record Ranked(String label, double probability) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %.3f", label, probability);
        }
    }

    /** The probability of leaf class {@code c} of a row, without a copy. */
    double probability(int row, int c) {
        return probabilities[row * classes.size() + c];
    }

    /** The {@code k} most likely leaf classes, most likely first (ties by class order). */
    public List<Ranked> top(int row, int k) {
        int K = classes.size();
        int m = Math.min(k, K);
        int[] best = new int[m];
        topK(probabilities, row * K, K, m, best, 0);
        List<Ranked> out = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            out.add(new Ranked(classes.get(best[i]), probabilities[row * K + best[i]]));
        }
        return out;
    }

    /**
     * Partial selection: the indices (relative to {@code from}) of the {@code k} largest of {@code v[from, from +
     * length)}, largest first, ties by lower index, into {@code out[at, at + k)}; -1 fills the places beyond
     * {@code length}. One pass, k comparisons at most per value and usually one.
     */
    static void topK(double[] v, int from, int length, int k, int[] out, int at) {
        int filled = 0;
        for (int c = 0; c < length; c++) {
            double p = v[from + c];
            if (filled == k && !(p > v[from + out[at + k - 1]])) {
                continue;
            }
            int i = Math.min(filled, k - 1);
            while (i > 0 && v[from + out[at + i - 1]] < p) {
                out[at + i] = out[at + i - 1];
                i--;
            }
            out[at + i] = c;
            filled = Math.min(filled + 1, k);
        }
        for (int i = filled; i < k; i++) {
            out[at + i] = -1;
        }
    }

    /**
     * The table with {@code predicted_<label>} per level, {@code confidence} (finest level; coarser levels get
     * {@code confidence_<label>}) and, for {@code k > 0}, {@code top_<finest label>}: the k most likely leaf classes
     * as {@code class:probability} joined by {@code " | "}.
     *
     * @throws DataException when the table already has one of these columns, or another number of rows
     */
    public Table annotate(Table table, int k) {
        if (table.size() != n) {
            throw new DataException("table " + table.name() + " has " + table.size() + " rows, the predictions "
                    + n);
        }
        Table out = table;
        int levels = labels.size();
        for (int l = 0; l < levels; l++) {
            String[] v = new String[n];
            for (int r = 0; r < n; r++) {
                v[r] = predicted(r, l);
            }
            out = add(out, "predicted_" + labels.get(l), AttributeKind.CATEGORICAL, v);
        }
        for (int l = 0; l < levels; l++) {
            String[] v = new String[n];
            for (int r = 0; r < n; r++) {
                v[r] = String.format(Locale.ROOT, "%.4f", confidence(r, l));
            }
            out = add(out, l == levels - 1 ? "confidence" : "confidence_" + labels.get(l), AttributeKind.NUMERIC, v);
        }
        if (k > 0) {
            String[] v = new String[n];
            StringBuilder b = new StringBuilder();
            for (int r = 0; r < n; r++) {
                b.setLength(0);
                for (Ranked x : top(r, k)) {
                    if (b.length() > 0) {
                        b.append(" | ");
                    }
                    b.append(x.label()).append(':').append(String.format(Locale.ROOT, "%.4f", x.probability()));
                }
                v[r] = b.toString();
            }
            out = add(out, "top_" + labels.get(levels - 1), AttributeKind.TEXT, v);
        }
        return out;
    }

    private static Table add(Table t, String name, AttributeKind kind, String[] values) {
        if (t.schema().indexOf(name) >= 0) {
            throw new DataException("table " + t.name() + " already has a column '" + name + "': rename it before "
                    + "adding predictions");
        }
        return t.withColumn(name, kind, values);
    }

    @Override
    public String toString() {
        TextTable t = new TextTable("row", "predicted", "confidence");
        for (int r = 0; r < Math.min(n, 10); r++) {
            t.row(r, predicted(r), String.format(Locale.ROOT, "%.3f", confidence(r)));
        }
        return n + " predictions of " + String.join(" > ", labels) + "\n" + t + (n > 10 ? "...\n" : "");
    }
}
