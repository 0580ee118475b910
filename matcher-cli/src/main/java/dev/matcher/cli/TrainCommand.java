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
        for (LabelQuality.Warning w : warnings) {
            out.println("warning: labels: " + w.message());
        }
        out.println("Model saved to " + modelFile);
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
