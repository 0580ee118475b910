package dev.matcher.cli;

import dev.matcher.util.Parallel;
import dev.matcher.classify.Classifier;
import dev.matcher.classify.ClassifierBuilder;
import dev.matcher.classify.Predictions;
import dev.matcher.data.DataException;
import dev.matcher.data.Table;
import dev.matcher.data.TextTable;
import dev.matcher.eval.ClassificationEval;
import dev.matcher.metrics.ClassMetrics;
import dev.matcher.eval.report.ClassificationReport;
import dev.matcher.io.AtomicFiles;
import dev.matcher.io.OutputPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code matcher classify train|predict|eval}: k-way classification of records (e.g. a product into its category).
 *
 * <pre>{@code
 * matcher classify train --table products.csv --label category --model category.bin
 * matcher classify predict new.csv --model category.bin --out classified.csv
 * matcher classify eval datasets/pricerunner_products --label category_label --exclude category_id
 * }</pre>
 */
@Command(name = "classify", description = {"Classify records into the classes of a label column (train, predict, eval)."},
        subcommands = {ClassifyCommand.Train.class, ClassifyCommand.Predict.class, ClassifyCommand.Eval.class})
final class ClassifyCommand {
    private ClassifyCommand() {
    }

    /** The label option's columns: one, or a hierarchy "coarse,fine" / "coarse>fine". */
    static String[] labels(String spec) {
        String[] parts = Arrays.stream(spec.split("[,>]")).map(String::strip).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
        if (parts.length == 0) {
            throw new DataException("--label names no column");
        }
        return parts;
    }

    static <T> T inThreads(Integer threads, Supplier<T> work) {
        if (threads == null) {
            return work.get();
        }
        if (threads < 1) {
            throw new DataException("--threads must be at least 1: " + threads);
        }
        return Parallel.inPool(threads, work);
    }

    @Command(name = "train", sortOptions = false, description = {
            "Train a classifier on a table's label column and save it.",
            "Every other column is a feature, read by its kind (text: words, word pairs, character",
            "2- to 4-grams; numbers: quantile bins; categories; identifier codes). Use --exclude",
            "for columns that are the label under another name."})
    static final class Train implements Runnable {
        @Option(names = "--table", required = true, paramLabel = "FILE", description = "Labelled table (.csv or .parquet).")
        Path table;

        @Option(names = "--label", required = true, paramLabel = "COLUMN",
                description = "Label column; a hierarchy as coarse,fine (predicted consistently).")
        String label;

        @Option(names = "--model", required = true, paramLabel = "OUT.bin", description = "Where to save the classifier.")
        Path model;

        @Option(names = "--exclude", split = ",", paramLabel = "COLUMN", description = "Columns not to use as features.")
        List<String> exclude = new ArrayList<>();

        @Option(names = "--linear-only", description = "Do not try trees stacked on the linear model.")
        boolean linearOnly;

        @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores).")
        Integer threads;

        @Option(names = "--quiet", description = "No progress on stderr.")
        boolean quiet;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            OutputPaths.requireFile(model, table);
            PrintWriter out = spec.commandLine().getOut();
            Progress progress = Progress.to(spec.commandLine().getErr(), quiet);
            Table t = progress.stage("reading " + table.getFileName(), () -> Table.read(table), Table::size, "records");
            Classifier c = progress.stage("training", () -> inThreads(threads, () -> Classifier.builder()
                    .label(labels(label)).exclude(exclude.toArray(String[]::new)).trees(!linearOnly).train(t)), x -> t.size(), "records");
            c.save(model);
            out.println(c);
            out.println("Top features per class (first 10 classes):");
            TextTable top = new TextTable("class", "features");
            for (String cls : c.classes().subList(0, Math.min(10, c.classes().size()))) {
                top.row(cls, String.join(", ", c.topFeatures(cls, 5).stream().map(x -> x.feature()).toList()));
            }
            out.print(top);
            out.println("Classifier saved to " + model);
        }
    }

    @Command(name = "predict", sortOptions = false, description = {
            "Classify every row of a table with a saved classifier. Writes the rows with",
            "predicted_<label> (per level of a hierarchy), confidence and top_<label>",
            "(the k most likely classes with their probabilities)."})
    static final class Predict implements Runnable {
        @Parameters(index = "0", paramLabel = "FILE", description = "Input table (.csv or .parquet).")
        Path input;

        @Option(names = "--model", required = true, paramLabel = "M.bin", description = "A classifier saved by 'classify train'.")
        Path model;

        @Option(names = "--out", required = true, paramLabel = "OUT",
                description = "Output file (.parquet writes Parquet, anything else CSV; '-' writes CSV to standard output). Never an input.")
        Path out;

        @Option(names = "--top", defaultValue = "3", paramLabel = "K", description = "Classes listed in top_<label> (default ${DEFAULT-VALUE}; 0: none).")
        int top;

        @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores).")
        Integer threads;

        @Option(names = "--force", description = "Replace an output that is a symbolic link, named pipe or device (never an input).")
        boolean force;

        @Option(names = "--quiet", description = "No progress on stderr.")
        boolean quiet;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            if (top < 0) {
                throw new DataException("--top must be 0 or more: " + top);
            }
            boolean toStdout = out.toString().equals("-");
            if (!toStdout) {
                OutputPaths.requireFile(out, input, model);
            }
            PrintWriter messages = toStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
            Progress progress = Progress.to(spec.commandLine().getErr(), quiet);
            Classifier c = Classifier.load(model);
            Table t = progress.stage("reading " + input.getFileName(), () -> Table.read(input), Table::size, "records");
            Predictions p = progress.stage("classifying", () -> inThreads(threads, () -> c.predict(t)),
                    Predictions::size, "records");
            Table annotated = p.annotate(t, top);
            if (toStdout) {
                MatchJob.writeCsv(annotated, spec.commandLine().getOut());
            } else {
                AtomicFiles.Option[] options = force ? new AtomicFiles.Option[] {AtomicFiles.Option.REPLACE_NON_REGULAR}
                        : new AtomicFiles.Option[0];
                progress.stage("writing " + out.getFileName(), () -> {
                    annotated.write(out, options);
                    return annotated;
                }, Table::size, "records");
                messages.println("Classified " + t.size() + " records into " + c.classes().size() + " classes of "
                        + String.join(" > ", c.labels()) + "; written to " + out);
            }
        }
    }

    @Command(name = "eval", sortOptions = false, description = {
            "Cross-validate the classifier on a dataset folder (left.csv; clusters.csv for the grouped",
            "protocol) against the plain TF-IDF + logistic-regression baseline: stratified k-fold (seeded)",
            "and grouped k-fold (all records of one cluster in one fold). Prints accuracy, macro-F1,",
            "mean training seconds per fold and prediction records per second per label level, both also",
            "in CPU seconds of the process (less distorted by other load on the machine), and which model",
            "validation chose per fold (linear, or linear+trees: trees stacked on it)."})
    static final class Eval implements Runnable {
        @Parameters(index = "0", paramLabel = "DIR", description = "Dataset folder with left.csv (and clusters.csv).")
        Path dir;

        @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "Label column; a hierarchy as coarse,fine.")
        String label;

        @Option(names = "--exclude", split = ",", paramLabel = "COLUMN", description = "Columns not to use as features (other labels, label ids).")
        List<String> exclude = new ArrayList<>();

        @Option(names = "--folds", defaultValue = "5", paramLabel = "K", description = "Folds (default ${DEFAULT-VALUE}).")
        int folds;

        @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed of the folds (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--protocol", defaultValue = "both", paramLabel = "P",
                description = "stratified, grouped or both (default ${DEFAULT-VALUE}).")
        String protocol;

        @Option(names = "--no-baseline", description = "Skip the baseline.")
        boolean noBaseline;

        @Option(names = "--linear-only", description = "Do not try trees stacked on the classifier's linear model.")
        boolean linearOnly;

        @Option(names = "--per-class", description = "Also print per-class precision, recall and F1 of the classifier.")
        boolean perClass;

        @Option(names = "--report", paramLabel = "FILE.html",
                description = "Write an HTML report: the results, per-class precision/recall/F1 and confusion matrices.")
        Path report;

        @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores).")
        Integer threads;

        @Option(names = "--quiet", description = "No progress on stderr.")
        boolean quiet;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            if (report != null) {
                OutputPaths.requireFile(report, dir);
            }
            if (folds < 2) {
                throw new DataException("--folds must be at least 2: " + folds);
            }
            if (!List.of("stratified", "grouped", "both").contains(protocol)) {
                throw new DataException("--protocol must be stratified, grouped or both: " + protocol);
            }
            Path left = dir.resolve("left.csv");
            if (!Files.isRegularFile(left)) {
                throw new DataException(dir, 0, 0, "no left.csv in the dataset folder");
            }
            PrintWriter out = spec.commandLine().getOut();
            Progress progress = Progress.to(spec.commandLine().getErr(), quiet);
            Table table = progress.stage("reading " + left, () -> Table.read(left), Table::size, "records");
            String[] levels = labels(label);
            String[] leaf = ClassificationEval.leaves(table, List.of(levels));
            List<String> protocols = new ArrayList<>();
            List<int[]> foldSets = new ArrayList<>();
            if (!protocol.equals("grouped")) {
                protocols.add("stratified");
                foldSets.add(ClassificationEval.stratifiedFolds(leaf, folds, seed));
            }
            if (!protocol.equals("stratified")) {
                Path clusters = dir.resolve("clusters.csv");
                if (Files.isRegularFile(clusters)) {
                    protocols.add("grouped");
                    foldSets.add(ClassificationEval.groupedFolds(leaf, ClassificationEval.groups(table, clusters), folds, seed));
                } else {
                    out.println("no clusters.csv in " + dir + ": the grouped protocol is skipped");
                }
            }
            String[] excluded = exclude.toArray(String[]::new);
            TextTable result = new TextTable("dataset", "label", "protocol", "model", "accuracy", "macro-F1",
                    "train s", "predict rec/s", "train CPU s", "predict rec/CPU-s", "chosen");
            List<String> names = List.of(levels);
            List<ClassificationReport.Entry> entries = new ArrayList<>();
            for (int i = 0; i < protocols.size(); i++) {
                int[] f = foldSets.get(i);
                String p = protocols.get(i);
                List<String> models = noBaseline ? List.of("classifier") : List.of("classifier", "baseline");
                for (String m : models) {
                    Supplier<ClassifierBuilder> builder = m.equals("baseline")
                            ? () -> Classifier.builder().label(levels).exclude(excluded).plainTfIdf()
                            : () -> Classifier.builder().label(levels).exclude(excluded).trees(!linearOnly);
                    ClassificationEval.Result r = progress.stage(p + " " + folds + "-fold, " + m,
                            () -> inThreads(threads, () -> ClassificationEval.run(table, names, f, folds, builder)),
                            x -> (long) table.size() * folds, "records");
                    for (int l = 0; l < levels.length; l++) {
                        ClassMetrics cm = r.levels().get(l);
                        entries.add(new ClassificationReport.Entry(levels[l], p, m, cm, r.trainSeconds(),
                                r.predictRecordsPerSecond()));
                        result.row(dir.getFileName(), levels[l], p, m, fmt(cm.accuracy()), fmt(cm.macroF1()),
                                String.format(Locale.ROOT, "%.2f", r.trainSeconds()),
                                String.format(Locale.ROOT, "%,.0f", r.predictRecordsPerSecond()),
                                String.format(Locale.ROOT, "%.2f", r.trainCpuSeconds()),
                                String.format(Locale.ROOT, "%,.0f", r.predictRecordsPerCpuSecond()), r.chosen());
                        if (perClass && m.equals("classifier")) {
                            TextTable pc = new TextTable("class", "support", "precision", "recall", "F1");
                            for (ClassMetrics.PerClass c : cm.perClass()) {
                                pc.row(c.label(), c.support(), fmt(c.precision()), fmt(c.recall()), fmt(c.f1()));
                            }
                            out.println(p + ", " + levels[l] + ", per class:");
                            out.print(pc);
                        }
                    }
                    out.flush();
                }
            }
            out.print(result);
            if (report != null) {
                ClassificationReport.write(report, dir.getFileName().toString(), entries);
                out.println("Report written to " + report);
            }
        }

        private static String fmt(double v) {
            return String.format(Locale.ROOT, "%.4f", v);
        }

        /** Cluster of each record (a record without one is its own group); clusters decide folds, never features. */
    }
}
