package dev.matcher.cli;

import dev.matcher.data.Table;
import dev.matcher.eval.BenchmarkDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code matcher inspect FILE|FOLDER...}: schema, row count, null share and a sample per column. */
@Command(name = "inspect", description = {
        "Show the inferred schema, row count, null share and a sample value per column.",
        "FILE is a .csv or .parquet table; FOLDER is a dataset in the benchmark layout (left.csv, right.csv, matches.csv, splits)."})
final class InspectCommand implements Runnable {
    @Parameters(arity = "1..*", paramLabel = "FILE|FOLDER")
    List<Path> inputs;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (Path input : inputs) {
            long start = System.nanoTime();
            if (Files.isDirectory(input)) {
                BenchmarkDataset d = BenchmarkDataset.load(input);
                out.println(d);
                out.println(d.left().profile());
                if (!d.isDeduplication()) {
                    out.println(d.right().profile());
                }
            } else {
                Table t = Table.read(input);
                out.println(t.profile());
            }
            out.printf(Locale.ROOT, "loaded in %.2f s%n%n", (System.nanoTime() - start) / 1e9);
        }
    }
}
