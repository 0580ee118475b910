package dev.matcher.cli;

import dev.matcher.Resolver;
import dev.matcher.data.DataException;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.SchemaInference;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.data.TextTable;
import dev.matcher.eval.BenchmarkDataset;
import dev.matcher.metrics.PairMetrics;
import dev.matcher.match.FeatureImportance;
import dev.matcher.match.LabelQuality;
import dev.matcher.match.Matcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code matcher train}: labelled pairs to a model file that {@code dedupe}, {@code link} and {@code explain} use.
 *
 * <pre>{@code
 * matcher train --left products.csv --labels pairs.csv --model model.bin
 * matcher train --left a.csv --right b.csv --labels pairs.csv --model variants.bin --mode variant --variant-attributes color,size
 * }</pre>
 */
@Command(name = "train", sortOptions = false, description = {
        "Train a matcher on labelled pairs and save it.",
        "Pairs files have the header left_id,right_id,label (1 match, 0 non-match);",
        "without --right both ids are rows of --left (deduplication).",
        "Prints the decision threshold and the most important features."})
final class TrainCommand implements Runnable {
    private static final int TOP_FEATURES = 10;
    /** Folds of the cross-validated F1 that {@code train} prints. */
    static final int FOLDS = 5;

    @Option(names = "--left", required = true, paramLabel = "FILE", description = "Left table (the only one for deduplication).")
    Path leftFile;

    @Option(names = "--right", paramLabel = "FILE", description = "Right table (record linkage).")
    Path rightFile;

    @Option(names = "--labels", required = true, paramLabel = "PAIRS.csv", description = "Labelled pairs to train on.")
    Path labelsFile;

    @Option(names = "--valid", paramLabel = "PAIRS.csv",
            description = "Labelled pairs to choose the threshold on (default: cross-validation on the training pairs).")
    Path validFile;

    @Option(names = "--model", required = true, paramLabel = "OUT.bin", description = "Where to save the model.")
    Path modelFile;

    @Mixin
    ModelOptions options;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = Progress.to(spec.commandLine().getErr(), quiet);
        Table left = progress.stage("reading " + leftFile.getFileName(), () -> Table.read(leftFile), Table::size, "records");
        Table right = left;
        if (rightFile != null) {
            Table r = progress.stage("reading " + rightFile.getFileName(), () -> Table.read(rightFile), Table::size, "records");
            List<Table> both = SchemaInference.harmonize(left, r);
            left = both.get(0);
            right = both.get(1);
        }
        Task task = rightFile == null ? Task.deduplication(left) : Task.linkage(left, right);
        LabelledPairs train = LabelledPairs.read(labelsFile, task);
        LabelledPairs valid = validFile == null ? null : LabelledPairs.read(validFile, task);
        if (!options.map.isEmpty() && rightFile == null) {
            throw new ParameterException(spec.commandLine(), "--map pairs columns of two tables: give --right");
        }
        if (train.positives() < 2 || train.size() - train.positives() < 2) {
            throw new DataException(labelsFile, 0, 0, "need at least 2 matches and 2 non-matches to train, found "
                    + train.positives() + " and " + (train.size() - train.positives()));
        }
        Table l = left;
        Table r = right;
        // the labels against the candidate pairs the model will meet: random non-matches are the usual trap
        Pairs candidates = progress.stage("blocking", () -> Resolver.builder().build().candidates(task), Pairs::size,
                "candidate pairs");
        List<LabelQuality.Warning> warnings = new ArrayList<>(LabelQuality.check(task, train, candidates).warnings());
        Matcher m = progress.stage("training", () -> options.builder().train(l, r, train, valid), x -> train.size(),
                "labelled pairs");
        double[] scores = progress.stage("scoring candidates", () -> m.score(l, r, candidates), x -> x.length,
                "pairs");
        LabelQuality.builder(train).candidateScores(scores, m.threshold()).check().warnings().stream()
                .filter(w -> w.kind() == LabelQuality.Kind.MOST_CANDIDATES_MATCH).forEach(warnings::add);
        m.save(modelFile);
        out.printf(Locale.ROOT, "Trained on %,d labelled pairs (%,d matches) in %s mode: threshold %.3f%n",
                train.size(), train.positives(), m.mode().name().toLowerCase(Locale.ROOT), m.threshold());
        out.println(m);
        MatchJob.printColumns(out, m, rightFile != null);
        out.println("Top features:");
        out.print(top(m.featureImportance(), TOP_FEATURES));
        long above = Arrays.stream(scores).filter(s -> s >= m.threshold()).count();
        out.printf(Locale.ROOT, "Labels: %,d matches, %,d non-matches; the model calls %,d of %,d candidate pairs "
                + "(%.1f%%) matches%n", train.positives(), train.size() - train.positives(), above, scores.length,
                scores.length == 0 ? 0.0 : 100.0 * above / scores.length);
        double[] f1 = progress.stage("cross-validating", () -> foldF1(l, r, train), x -> FOLDS, "folds");
        if (f1.length == 0) {
            out.printf(Locale.ROOT, "Cross-validated F1: too few labels for %d folds (need %d matches and %d "
                    + "non-matches)%n", FOLDS, 2 * FOLDS, 2 * FOLDS);
        } else {
            double mean = Arrays.stream(f1).average().orElse(0);
            double sd = Math.sqrt(Arrays.stream(f1).map(v -> (v - mean) * (v - mean)).sum() / (f1.length - 1));
            out.printf(Locale.ROOT, "Cross-validated F1 on the labels (%d folds): %.3f ± %.3f (lowest fold %.3f)%n",
                    FOLDS, mean, sd, Arrays.stream(f1).min().orElse(0));
        }
        for (LabelQuality.Warning w : warnings) {
            out.println("warning: labels: " + w.message());
        }
        out.println("Model saved to " + modelFile);
    }

    /**
     * F1 of each of {@link #FOLDS} stratified folds of the labels, scored by a model trained with these options on the
     * other folds at its own threshold; empty when a fold would have fewer than two labels of a class.
     */
    private double[] foldF1(Table l, Table r, LabelledPairs labels) {
        int n = labels.size();
        int positives = labels.positives();
        if (positives < 2 * FOLDS || n - positives < 2 * FOLDS) {
            return new double[0];
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Collections.shuffle(Arrays.asList(order), new java.util.Random(options.seed));
        int[] fold = new int[n];
        int[] next = new int[2];
        for (int i : order) {
            int c = labels.label(i) ? 1 : 0;
            fold[i] = next[c]++ % FOLDS;          // stratified: each class dealt round the folds
        }
        double[] f1 = new double[FOLDS];
        for (int f = 0; f < FOLDS; f++) {
            LabelledPairs in = subset(labels, fold, f, false);
            LabelledPairs held = subset(labels, fold, f, true);
            Matcher m = options.builder().train(l, r, in, null);
            f1[f] = PairMetrics.of(m.score(l, r, held.pairs()), held.labels()).at(m.threshold()).f1();
        }
        return f1;
    }

    private static LabelledPairs subset(LabelledPairs labels, int[] fold, int f, boolean inFold) {
        int n = 0;
        for (int v : fold) {
            n += (v == f) == inFold ? 1 : 0;
        }
        int[] left = new int[n];
        int[] right = new int[n];
        boolean[] y = new boolean[n];
        int k = 0;
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == f) == inFold) {
                left[k] = labels.pairs().left(i);
                right[k] = labels.pairs().right(i);
                y[k++] = labels.label(i);
            }
        }
        return new LabelledPairs(Pairs.of(left, right), y);
    }

    static String top(FeatureImportance fi, int k) {
        double[] imp = fi.importance();
        String[] names = fi.names();
        double total = 0;
        for (double v : imp) {
            total += v;
        }
        TextTable t = new TextTable("feature", "importance", "share");
        int[] order = fi.order();
        for (int i = 0; i < Math.min(k, order.length); i++) {
            int f = order[i];
            t.row(names[f], String.format(Locale.ROOT, "%.4f", imp[f]),
                    String.format(Locale.ROOT, "%.1f%%", total > 0 ? 100 * imp[f] / total : 0));
        }
        return t.toString();
    }
}
