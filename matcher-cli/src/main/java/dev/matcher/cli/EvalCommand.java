package dev.matcher.cli;

import dev.matcher.data.DataException;
import dev.matcher.eval.BenchmarkRunner;
import dev.matcher.eval.report.DatasetResult;
import dev.matcher.eval.report.Report;
import dev.matcher.eval.BenchmarkDataset;
import dev.matcher.match.MatchMode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code matcher eval}: the benchmark leaderboard over dataset folders in the shared layout, written as Markdown,
 * JSON, CSV and a self-contained HTML report.
 */
@Command(name = "eval", description = {
        "Evaluate on benchmark dataset folders (left.csv, right.csv, matches.csv, train/valid/test.csv).",
        "--mode variant evaluates variant families (family_*.csv labels when the folder has them).",
        "Writes leaderboard.md, results.json, results.csv and report.html to --out."})
final class EvalCommand implements Runnable {
    static final class Inputs {
        @Option(names = "--data", arity = "1..*", paramLabel = "DIR", description = "Dataset folders.")
        List<Path> folders;

        @Option(names = "--all", paramLabel = "ROOT", description = "Every dataset folder under ROOT.")
        Path root;
    }

    @ArgGroup(multiplicity = "1")
    Inputs inputs;

    @Option(names = "--out", defaultValue = "reports", paramLabel = "DIR", description = "Output folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--label-budget", defaultValue = "500", paramLabel = "N",
            description = "Labels per fold the full-pipeline protocol may ask its oracle for (default ${DEFAULT-VALUE}).")
    int labels;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--mode", paramLabel = "exact|variant", converter = ModelOptions.ModeConverter.class,
            description = {"exact (default): the same item matches;",
                    "variant: variants of one family match (a folder's family_*.csv labels when it has them)."})
    MatchMode mode;

    @Option(names = "--variant-attributes", split = ",", paramLabel = "ATTR",
            description = "Attributes that describe variants, e.g. color,size (variant mode ignores them).")
    List<String> variantAttributes = new ArrayList<>();

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<Path> folders = inputs.root != null ? datasetsUnder(inputs.root) : inputs.folders;
        Progress progress = Progress.to(stderr, quiet);
        MatchMode m = mode == null ? MatchMode.EXACT : mode;
        BenchmarkRunner runner = new BenchmarkRunner(BenchmarkRunner.Options.defaults().withLabels(labels).withSeed(seed)
                .withMode(m, variantAttributes.toArray(String[]::new)), progress.listener());
        boolean family = m == MatchMode.VARIANT;
        Report.Builder report = Report.builder()
                .context("command", "matcher " + String.join(" ", spec.commandLine().getParseResult().originalArgs()))
                .context("machine", Runtime.getRuntime().availableProcessors() + " cores, max heap "
                        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, Java " + System.getProperty("java.version"))
                .context("seed", Long.toString(seed))
                .context("mode", m.name().toLowerCase(Locale.ROOT)
                        + (variantAttributes.isEmpty() ? "" : ", variant attributes " + String.join(",", variantAttributes)));
        long start = System.nanoTime();
        List<String> failed = new ArrayList<>();
        for (Path folder : folders) {
            if (!quiet) {
                stderr.printf("[%5.0fs] %s ...%n", (System.nanoTime() - start) / 1e9, folder.getFileName());
                stderr.flush();
            }
            DatasetResult r;
            try {
                r = runner.run(BenchmarkDataset.load(folder, family));
            } catch (RuntimeException e) {
                // one bad dataset is a row that says why; the others still run
                String name = folder.toAbsolutePath().normalize().getFileName().toString();
                r = DatasetResult.failed(name, e.getMessage() != null ? e.getMessage() : e.toString());
                failed.add(name);
            }
            report.add(r);
            stdout.println(r);
            stdout.flush();
        }
        Path written = report.build().writeTo(out);
        stdout.printf(Locale.ROOT, "%d datasets in %.0f s; report in %s (leaderboard.md, report.html)%n",
                folders.size(), (System.nanoTime() - start) / 1e9, written);
        if (!failed.isEmpty()) {
            throw new DataException(String.format(Locale.ROOT, "%d of %d datasets failed (%s); the report says why",
                    failed.size(), folders.size(), String.join(", ", failed)));
        }
    }

    /** Sub-folders that hold a left.csv, in name order. */
    static List<Path> datasetsUnder(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            List<Path> found = new ArrayList<>(children.filter(p -> Files.isRegularFile(p.resolve("left.csv"))).sorted().toList());
            if (found.isEmpty()) {
                throw new DataException(root, 0, 0, "no dataset folders (with a left.csv) here");
            }
            return found;
        } catch (IOException e) {
            throw new DataException(root, 0, 0, "cannot list: " + e.getMessage(), e);
        }
    }
}
