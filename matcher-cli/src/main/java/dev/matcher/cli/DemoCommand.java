package dev.matcher.cli;

import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.eval.BenchmarkRunner;
import dev.matcher.eval.report.DatasetResult;
import dev.matcher.eval.report.Report;
import dev.matcher.eval.synth.ProductGenerator;
import dev.matcher.eval.synth.SyntheticData;
import dev.matcher.eval.BenchmarkDataset;
import dev.matcher.match.MatchMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * {@code matcher demo}: the README's main job. Generates a product catalogue in which every product comes in
 * several colours/sizes/capacities and every variant is listed a few times with noise, then runs the whole pipeline
 * twice: EXACT mode (find the duplicate listings of one variant) and VARIANT mode (find the family, ignoring colour
 * and size). Prints the figures and writes the HTML report.
 */
@Command(name = "demo", description = {
        "Generate a product catalogue with colour/size variants and noisy duplicate listings, then block, learn",
        "(active learning with the generator's truth as the oracle), match and cluster it in EXACT and VARIANT mode."})
final class DemoCommand implements Runnable {
    @Option(names = "--records", defaultValue = "1500", description = "Catalogue size (default ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--label-budget", defaultValue = "200", paramLabel = "N",
            description = "Labels per fold the generator's truth answers (default ${DEFAULT-VALUE}).")
    int labels;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--out", defaultValue = "reports/demo", description = "Report folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", defaultValue = "7", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter stdout = spec.commandLine().getOut();
        long start = System.nanoTime();
        SyntheticData data = ProductGenerator.builder().records(records).seed(seed).build().generate();
        Table catalogue = data.table().named("products");
        stdout.printf(Locale.ROOT, "Generated %,d listings of %,d product variants in %,d families.%n",
                data.size(), data.itemCount(), data.familyCount());
        stdout.println(catalogue);
        BenchmarkRunner.Options options = BenchmarkRunner.Options.defaults().withSeed(seed).withLabels(labels);
        Progress progress = Progress.to(spec.commandLine().getErr(), quiet);
        progress.note("EXACT mode:");
        DatasetResult exact = new BenchmarkRunner(options, progress.listener())
                .run(dataset("demo-exact", catalogue, data, false));
        progress.note("VARIANT mode:");
        DatasetResult variant = new BenchmarkRunner(options.withMode(MatchMode.VARIANT, "color", "size"),
                progress.listener()).run(dataset("demo-variant", catalogue, data, true));
        stdout.println("EXACT mode (same variant):           " + summary(exact));
        stdout.println("VARIANT mode (same product family):  " + summary(variant));
        Path report = Report.builder().title("matcher demo: product variants")
                .context("data", data.size() + " generated listings, seed " + seed)
                .add(exact).add(variant).build().writeTo(out);
        stdout.printf(Locale.ROOT, "Done in %.0f s. Report: %s%n", (System.nanoTime() - start) / 1e9, report);
    }

    private static BenchmarkDataset dataset(String name, Table table, SyntheticData data, boolean families) {
        return new BenchmarkDataset(name, Task.deduplication(table),
                families ? data.familyMatches() : data.matches(), Map.of());
    }

    private static String summary(DatasetResult r) {
        return String.format(Locale.ROOT, "pairs P=%.3f R=%.3f F1=%.3f, clusters F1=%.3f, blocking PC=%.3f",
                r.precision(), r.recall(), r.f1(), r.clusterF1(), r.blocking().pairCompleteness());
    }
}
