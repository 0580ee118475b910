package dev.matcher.cli;

import dev.matcher.data.Table;
import dev.matcher.io.Csv;
import dev.matcher.io.CsvOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** {@code matcher bench ...}: end-to-end timings. */
@Command(name = "bench", description = "End-to-end timings.", subcommands = {BenchCommand.CsvLoad.class, BenchCommand.Scale.class})
final class BenchCommand {

    /** {@code matcher bench csv FILE}: CSV load throughput into the columnar table. */
    @Command(name = "csv", description = "Time loading a CSV file into a table (median of runs): MB/s and rows/s.")
    static final class CsvLoad implements Runnable {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--runs", defaultValue = "5", description = "Timed runs after one warm-up (default ${DEFAULT-VALUE}).")
        int runs;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            double megabytes;
            try {
                megabytes = Files.size(file) / 1e6;
            } catch (java.io.IOException e) {
                throw new dev.matcher.data.DataException(file, 0, 0, "cannot read: " + e.getMessage(), e);
            }
            int rows = Csv.read(file, CsvOptions.defaults()).size();
            double[] seconds = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                Table t = Csv.read(file, CsvOptions.defaults());
                seconds[i] = (System.nanoTime() - start) / 1e9;
                if (t.size() != rows) {
                    throw new IllegalStateException("row count changed between runs");
                }
            }
            Arrays.sort(seconds);
            double median = seconds[runs / 2];
            out.printf(Locale.ROOT, "%s: %.1f MB, %,d rows; median of %d runs %.3f s (min %.3f, max %.3f): "
                            + "%.1f MB/s, %,.0f rows/s%n", file, megabytes, rows, runs, median, seconds[0],
                    seconds[runs - 1], megabytes / median, rows / median);
        }
    }

    /** {@code matcher bench scale --records N}: end-to-end deduplication of generated people. */
    @Command(name = "scale", description = {"Generate N person records with known duplicates, train on a labelled sample,",
            "deduplicate all N (block, score, cluster) and print per-stage wall time, pairs/s, peak heap and F1."})
    static final class Scale implements Runnable {
        @Option(names = "--records", defaultValue = "100000", description = "Records (default ${DEFAULT-VALUE}).")
        int records;

        @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            // each stage to stderr as it ends (a long run that fails still shows how far it went), the table to stdout
            spec.commandLine().getOut().print(dev.matcher.eval.ScaleBenchmark.run(records, seed, System.err));
        }
    }
}
