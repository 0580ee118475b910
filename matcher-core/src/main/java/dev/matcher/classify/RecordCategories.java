package dev.matcher.classify;

import dev.matcher.data.TextTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The {@value #TOP} most likely categories of every record of a table, per label level (coarse to fine), with their
 * probabilities: what a {@link Categorizer} gives, computed once per record and read by matching for every pair a
 * record is in (flat arrays: {@code TOP} class ids and probabilities per record and level). Immutable.
 *
 * <pre>{@code
 * RecordCategories c = classifier.categorize(products);
 * c.predicted(0, 0);          // "Mobile Phones": row 0's most likely class at level 0
 * c.probability(0, 0, 1);     // the probability of its second most likely class
 * RecordCategories hard = RecordCategories.of("category", new String[] {"Phones", null, "TVs"});   // certain
 * }</pre>
 */
public final class RecordCategories {
    /** Categories kept per record and level. */
    public static final int TOP = 3;

    private final List<String> labels;
    private final List<List<String>> classes;
    private final int n;
    /** Per level, {@code TOP} class ids per row (most likely first; -1 when fewer), and their probabilities. */
    private final int[][] ids;
    private final float[][] probs;

    /**
     * Categories from arrays: per level, {@code TOP} class ids per row, most likely first (index into that level's
     * {@code classes}; -1 for none, only after the real ones) and their probabilities in [0, 1], not increasing.
     *
     * @throws IllegalArgumentException when the arrays do not fit the labels, classes and rows
     */
    public RecordCategories(List<String> labels, List<List<String>> classes, int rows, int[][] ids, float[][] probs) {
        if (labels.isEmpty() || classes.size() != labels.size() || ids.length != labels.size()
                || probs.length != labels.size() || rows < 0) {
            throw new IllegalArgumentException("categories of " + labels.size() + " label levels need as many class "
                    + "lists, id and probability arrays: got " + classes.size() + ", " + ids.length + ", "
                    + probs.length);
        }
        for (int l = 0; l < labels.size(); l++) {
            int k = classes.get(l).size();
            if (ids[l].length != rows * TOP || probs[l].length != rows * TOP) {
                throw new IllegalArgumentException("level " + labels.get(l) + ": " + ids[l].length + " ids and "
                        + probs[l].length + " probabilities for " + rows + " rows of " + TOP);
            }
            for (int i = 0; i < ids[l].length; i++) {
                int c = ids[l][i];
                float p = probs[l][i];
                boolean afterNone = i % TOP > 0 && ids[l][i - 1] < 0;
                if (c < -1 || c >= k || (c >= 0 && afterNone) || !(p >= 0 && p <= 1)
                        || (i % TOP > 0 && c >= 0 && p > probs[l][i - 1])) {
                    throw new IllegalArgumentException("level " + labels.get(l) + ", row " + i / TOP + ", rank "
                            + i % TOP + ": class id " + c + " of " + k + " with probability " + p
                            + " (need ids in [0, " + k + ") most likely first, -1 only after them)");
                }
            }
        }
        this.labels = List.copyOf(labels);
        this.classes = classes.stream().map(List::copyOf).toList();
        this.n = rows;
        this.ids = ids;
        this.probs = probs;
    }

    /**
     * Certain categories of one label: each row's value (null or blank: no category) with probability 1, e.g. a
     * column the user trusts or predictions made by another tool.
     */
    public static RecordCategories of(String label, String[] values) {
        Objects.requireNonNull(label, "label");
        Map<String, Integer> seen = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[] ids = new int[values.length * TOP];
        float[] probs = new float[values.length * TOP];
        Arrays.fill(ids, -1);
        for (int r = 0; r < values.length; r++) {
            String v = values[r] == null ? null : values[r].strip();
            if (v == null || v.isEmpty()) {
                continue;
            }
            ids[r * TOP] = seen.computeIfAbsent(v, x -> {
                names.add(x);
                return names.size() - 1;
            });
            probs[r * TOP] = 1;
        }
        return new RecordCategories(List.of(label), List.of(names), values.length, new int[][] {ids},
                new float[][] {probs});
    }

    /** The label columns, coarse to fine. */
    public List<String> labels() {
        return labels;
    }

    /** Rows. */
    public int size() {
        return n;
    }

    /** The classes of a level (ids index this list; a hierarchy's fine classes named by their path). */
    public List<String> classes(int level) {
        return classes.get(level);
    }

    /** The most likely class of a row at a level, or null when the row has none. */
    public String predicted(int row, int level) {
        return name(row, level, 0);
    }

    /** The class of a row at a level and rank (0 = most likely), or null. */
    public String name(int row, int level, int rank) {
        int c = ids[level][index(row, rank)];
        return c < 0 ? null : classes.get(level).get(c);
    }

    /** The probability of the class of a row at a level and rank (0 when there is none). */
    public double probability(int row, int level, int rank) {
        return probs[level][index(row, rank)];
    }

    private int index(int row, int rank) {
        Objects.checkIndex(row, n);
        Objects.checkIndex(rank, TOP);
        return row * TOP + rank;
    }

    /** A copy of a level's class ids, {@code TOP} per row, most likely first (-1: none). */
    public int[] classIds(int level) {
        return ids[level].clone();
    }

    /** A copy of a level's probabilities, {@code TOP} per row, matching {@link #classIds}. */
    public float[] probabilities(int level) {
        return probs[level].clone();
    }

    /**
     * These categories with the class ids of {@code other} (same labels): a class both know gets other's id, one
     * only this knows an id after other's classes. Two tables' categories compare by id once aligned.
     *
     * @throws IllegalArgumentException when the labels differ
     */
    public RecordCategories alignedTo(RecordCategories other) {
        if (!labels.equals(other.labels)) {
            throw new IllegalArgumentException("categories of labels " + labels + " and " + other.labels
                    + " cannot be compared: they come from different categorizers");
        }
        if (classes.equals(other.classes)) {
            return this;
        }
        List<List<String>> names = new ArrayList<>();
        int[][] out = new int[ids.length][];
        for (int l = 0; l < ids.length; l++) {
            List<String> theirs = new ArrayList<>(other.classes.get(l));
            Map<String, Integer> index = new HashMap<>();
            for (int c = 0; c < theirs.size(); c++) {
                index.put(theirs.get(c), c);
            }
            int[] map = new int[classes.get(l).size()];
            for (int c = 0; c < map.length; c++) {
                String name = classes.get(l).get(c);
                Integer id = index.get(name);
                if (id == null) {
                    id = theirs.size();
                    theirs.add(name);
                    index.put(name, id);
                }
                map[c] = id;
            }
            out[l] = new int[ids[l].length];
            for (int i = 0; i < out[l].length; i++) {
                out[l][i] = ids[l][i] < 0 ? -1 : map[ids[l][i]];
            }
            names.add(theirs);
        }
        return new RecordCategories(labels, names, n, out, probs);
    }

    /**
     * Categories of {@code rows} rows put together from parts (e.g. the folds of a cross-fitting, each predicted by
     * the model trained on the others): part {@code p} gives the categories of rows {@code rowsOf[p]}, in that order.
     *
     * @throws IllegalArgumentException when the parts' labels differ, sizes do not fit or a row is not covered once
     */
    public static RecordCategories merge(int rows, int[][] rowsOf, RecordCategories[] parts) {
        if (parts.length == 0 || rowsOf.length != parts.length) {
            throw new IllegalArgumentException(parts.length + " parts with " + rowsOf.length + " row lists");
        }
        RecordCategories base = parts[0];
        int levels = base.labels.size();
        int[][] ids = new int[levels][rows * TOP];
        float[][] probs = new float[levels][rows * TOP];
        boolean[] covered = new boolean[rows];
        List<List<String>> classes = base.classes;
        for (int p = 0; p < parts.length; p++) {
            RecordCategories part = p == 0 ? base : parts[p].alignedTo(new RecordCategories(base.labels, classes, 0,
                    new int[levels][0], new float[levels][0]));
            classes = part.classes;
            if (rowsOf[p].length != part.n) {
                throw new IllegalArgumentException("part " + p + " has " + part.n + " rows, its row list "
                        + rowsOf[p].length);
            }
            for (int i = 0; i < part.n; i++) {
                int r = rowsOf[p][i];
                if (r < 0 || r >= rows || covered[r]) {
                    throw new IllegalArgumentException("row " + r + " out of [0, " + rows + ") or in two parts");
                }
                covered[r] = true;
                for (int l = 0; l < levels; l++) {
                    System.arraycopy(part.ids[l], i * TOP, ids[l], r * TOP, TOP);
                    System.arraycopy(part.probs[l], i * TOP, probs[l], r * TOP, TOP);
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            if (!covered[r]) {
                throw new IllegalArgumentException("row " + r + " is in no part");
            }
        }
        return new RecordCategories(base.labels, classes, rows, ids, probs);
    }

    @Override
    public String toString() {
        TextTable t = new TextTable("row", "category", "probability");
        int level = labels.size() - 1;
        for (int r = 0; r < Math.min(n, 5); r++) {
            t.row(r, predicted(r, level), String.format(Locale.ROOT, "%.3f", probability(r, level, 0)));
        }
        return "Categories of " + n + " records by " + String.join(" > ", labels) + " (" + classes.get(level).size()
                + " classes)\n" + t + (n > 5 ? "...\n" : "");
    }
}
