package dev.matcher.eval;

import dev.matcher.classify.Classifier;
import dev.matcher.classify.ClassifierBuilder;
import dev.matcher.classify.Predictions;
import dev.matcher.classify.RecordCategories;
import dev.matcher.data.DataException;
import dev.matcher.data.Table;
import dev.matcher.metrics.ClassMetrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The classification benchmark protocol: k-fold cross-validation of a classifier, with folds either stratified by
 * class (seeded) or grouped (all records of one group, e.g. one product's listings, in the same fold, so that
 * memorising an item does not count), stratified as far as the groups allow. Every fold's model is trained on the
 * other folds only; figures are over all records (each predicted once, by the model that did not see it).
 *
 * <pre>{@code
 * int[] folds = ClassificationEval.stratifiedFolds(labels, 5, 42);
 * ClassificationEval.Result r = ClassificationEval.run(table, folds, 5, () -> Classifier.builder().label("category"));
 * r.levels().get(0).macroF1();
 * }</pre>
 */
public final class ClassificationEval {
    private ClassificationEval() {
    }

    /**
     * The figures of one cross-validation: per label level the metrics, mean training seconds per fold, and
     * prediction throughput (records per second, feature extraction included); the same two in CPU seconds of the
     * whole process (all threads, garbage collection included), which other load on the machine distorts less; NaN
     * where the JVM does not report process CPU time; {@code chosen}: the model validation chose in each fold
     * ({@link Classifier#model()}), counted ({@code "linear+trees 4/5, linear 1/5"}).
     */
    public record Result(List<String> labels, List<ClassMetrics> levels, double trainSeconds,
                         double predictRecordsPerSecond, double trainCpuSeconds, double predictRecordsPerCpuSecond,
                         String chosen) {
    }

    /** CPU nanoseconds of this process so far, or -1 when the JVM does not tell. */
    static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /**
     * The group of every row of a table from a {@code clusters.csv} ({@code id,cluster_id,...}): its cluster, or a
     * group of its own when the file does not list it or gives no cluster.
     *
     * @throws DataException naming the file and line for a missing {@code cluster_id} column or an unknown id
     */
    public static String[] groups(Table table, java.nio.file.Path clusters) {
        Table c = Table.read(clusters);
        if (c.schema().indexOf("cluster_id") < 0) {
            throw new DataException(clusters, 1, 0, "no cluster_id column");
        }
        String[] g = new String[table.size()];
        for (int r = 0; r < g.length; r++) {
            g[r] = "\u0000" + r;
        }
        for (int i = 0; i < c.size(); i++) {
            int r = table.indexOf(c.id(i));
            if (r < 0) {
                throw new DataException(clusters, i + 2, 1, "unknown id " + DataException.excerpt(c.id(i)));
            }
            String v = c.value(i, "cluster_id");
            if (v != null) {
                g[r] = v;
            }
        }
        return g;
    }

    /** Fold of each record: per class a seeded shuffle dealt round-robin, so every fold has each class's share. */
    public static int[] stratifiedFolds(String[] labels, int k, long seed) {
        String[] groups = new String[labels.length];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = "\u0000" + i;
        }
        return groupedFolds(labels, groups, k, seed);
    }

    /**
     * Fold of each record with all records of a group in one fold: groups are ordered by their most common class
     * (seeded shuffle within), and each goes to the fold that has fewest records of that class so far.
     */
    public static int[] groupedFolds(String[] labels, String[] groups, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("need at least 2 folds: " + k);
        }
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            members.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
        }
        Map<String, List<List<Integer>>> byClass = new java.util.TreeMap<>();
        for (List<Integer> m : members.values()) {
            Map<String, Integer> votes = new HashMap<>();
            for (int i : m) {
                votes.merge(labels[i], 1, Integer::sum);
            }
            String major = votes.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).get().getKey();
            byClass.computeIfAbsent(major, c -> new ArrayList<>()).add(m);
        }
        Random rnd = new Random(seed);
        int[] fold = new int[labels.length];
        long[] sizes = new long[k];
        for (List<List<Integer>> gs : byClass.values()) {
            Collections.shuffle(gs, rnd);
            gs.sort((a, b) -> Integer.compare(b.size(), a.size()));    // stable: large groups first
            long[] perFold = new long[k];
            int next = rnd.nextInt(k);
            for (List<Integer> g : gs) {
                int best = -1;
                for (int j = 0; j < k; j++) {
                    int f = (next + j) % k;
                    if (best < 0 || perFold[f] < perFold[best]
                            || (perFold[f] == perFold[best] && sizes[f] < sizes[best])) {
                        best = f;
                    }
                }
                next = (best + 1) % k;
                perFold[best] += g.size();
                sizes[best] += g.size();
                for (int i : g) {
                    fold[i] = best;
                }
            }
        }
        return fold;
    }

    /** The truth of each record per label level (the label columns of the builder), checked to be present. */
    public static String[][] truth(Table table, List<String> labels) {
        String[][] t = new String[labels.size()][];
        for (int l = 0; l < labels.size(); l++) {
            if (table.schema().indexOf(labels.get(l)) < 0) {
                throw new DataException("table " + table.name() + " has no label column '" + labels.get(l)
                        + "' (its columns: " + String.join(", ", table.schema().names()) + ")");
            }
            t[l] = table.column(labels.get(l)).toArray();
            for (int r = 0; r < t[l].length; r++) {
                t[l][r] = t[l][r] == null ? null : t[l][r].strip();
            }
        }
        return t;
    }

    /**
     * Cross-fitted categories: every row categorized by a classifier trained on the other folds only, so that a
     * record's own label never decides its category (what matching with categories is measured with when the
     * labels come from the same records).
     *
     * <pre>{@code
     * RecordCategories c = ClassificationEval.crossFitted(table, folds, 5, () -> Classifier.builder().label("category"));
     * }</pre>
     */
    public static RecordCategories crossFitted(Table table, int[] fold, int k, Supplier<ClassifierBuilder> builder) {
        List<int[]> rows = new ArrayList<>();
        List<RecordCategories> parts = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int ff = f;
            int[] train = java.util.stream.IntStream.range(0, table.size()).filter(i -> fold[i] != ff).toArray();
            int[] test = java.util.stream.IntStream.range(0, table.size()).filter(i -> fold[i] == ff).toArray();
            if (test.length > 0) {
                rows.add(test);
                parts.add(builder.get().train(table, train).categorize(table, test));
            }
        }
        return RecordCategories.merge(table.size(), rows.toArray(int[][]::new), parts.toArray(RecordCategories[]::new));
    }

    /** Each row's leaf class: its labels (coarse to fine) joined, for folds stratified by the whole path. */
    public static String[] leaves(Table table, List<String> labels) {
        String[][] truth = truth(table, labels);
        String[] leaf = new String[table.size()];
        for (int r = 0; r < leaf.length; r++) {
            StringBuilder b = new StringBuilder();
            for (String[] level : truth) {
                b.append(level[r]).append('\u0001');
            }
            leaf[r] = b.toString();
        }
        return leaf;
    }

    /**
     * Cross-fitted categories of a table's records for a label (coarse to fine for a hierarchy): {@code k} folds,
     * grouped by the clusters of {@code clusters} ({@code clusters.csv}; null: stratified), each fold categorized by
     * a default classifier trained on the others, reading every column but the labels.
     *
     * <pre>{@code
     * RecordCategories c = ClassificationEval.crossFitted(offers, List.of("category"), folder.resolve("clusters.csv"), 5, 42);
     * }</pre>
     */
    public static RecordCategories crossFitted(Table table, List<String> labels, java.nio.file.Path clusters, int k,
                                               long seed) {
        String[] leaf = leaves(table, labels);
        int[] folds = clusters != null ? groupedFolds(leaf, groups(table, clusters), k, seed)
                : stratifiedFolds(leaf, k, seed);
        String[] levels = labels.toArray(String[]::new);
        return crossFitted(table, folds, k, () -> Classifier.builder().label(levels).seed(seed));
    }

    /** Cross-validates: for each fold, trains a fresh builder's classifier on the others and predicts the fold. */
    public static Result run(Table table, List<String> labels, int[] fold, int k,
                             Supplier<ClassifierBuilder> builder) {
        String[][] truth = truth(table, labels);
        String[][] predicted = new String[labels.size()][table.size()];
        long trainNanos = 0;
        long predictNanos = 0;
        long predicted0 = 0;
        long trainCpu = 0;
        long predictCpu = 0;
        java.util.Map<String, Integer> chosen = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        for (int f = 0; f < k; f++) {
            int ff = f;
            int[] train = java.util.stream.IntStream.range(0, table.size()).filter(i -> fold[i] != ff).toArray();
            int[] test = java.util.stream.IntStream.range(0, table.size()).filter(i -> fold[i] == ff).toArray();
            if (test.length == 0) {
                continue;
            }
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            Classifier c = builder.get().train(table, train);
            long t1 = System.nanoTime();
            long c1 = processCpuNanos();
            chosen.merge(c.model(), 1, Integer::sum);
            Predictions p = c.predict(table, test);
            long t2 = System.nanoTime();
            long c2 = processCpuNanos();
            trainNanos += t1 - t0;
            predictNanos += t2 - t1;
            trainCpu = c0 < 0 || trainCpu < 0 ? -1 : trainCpu + c1 - c0;
            predictCpu = c0 < 0 || predictCpu < 0 ? -1 : predictCpu + c2 - c1;
            predicted0 += test.length;
            for (int i = 0; i < test.length; i++) {
                for (int l = 0; l < labels.size(); l++) {
                    predicted[l][test[i]] = p.predicted(i, l);
                }
            }
        }
        List<ClassMetrics> levels = new ArrayList<>();
        for (int l = 0; l < labels.size(); l++) {
            levels.add(ClassMetrics.of(predicted[l], truth[l]));
        }
        return new Result(List.copyOf(labels), levels, trainNanos / 1e9 / k,
                predicted0 / Math.max(1e-9, predictNanos / 1e9), trainCpu < 0 ? Double.NaN : trainCpu / 1e9 / k,
                predictCpu < 0 ? Double.NaN : predicted0 / Math.max(1e-9, predictCpu / 1e9),
                chosen.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + "/" + k)
                        .collect(java.util.stream.Collectors.joining(", ")));
    }
}
