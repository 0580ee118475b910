package dev.matcher.cli;

import dev.matcher.compare.ColumnCorrespondence;
import dev.matcher.data.SchemaInference;
import dev.matcher.data.Table;
import dev.matcher.eval.BenchmarkDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code matcher inspect FILE|FOLDER...}: schema, row count, null share and a sample per column; for two tables
 * ({@code inspect LEFT RIGHT}) or a linkage dataset folder, also which columns correspond and why.
 */
@Command(name = "inspect", description = {
        "Show the inferred schema, row count, null share and a sample value per column.",
        "FILE is a .csv or .parquet table; FOLDER is a dataset in the benchmark layout (left.csv, right.csv, matches.csv, splits).",
        "With two tables (inspect LEFT RIGHT) or a linkage folder: the column correspondence that link and train",
        "would use (left ~ right, score, why); --map LEFT=RIGHT fixes pairs as in training."})
final class InspectCommand implements Runnable {
    @Parameters(arity = "1..*", paramLabel = "FILE|FOLDER")
    List<Path> inputs;

    @Option(names = "--map", split = ",", paramLabel = "LEFT=RIGHT", converter = ModelOptions.MapConverter.class,
            description = "Fix a left column as corresponding to a right one (as train/link --map).")
    List<String[]> map = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        boolean pair = inputs.size() == 2 && inputs.stream().noneMatch(Files::isDirectory);
        if (!map.isEmpty() && !pair && !(inputs.size() == 1 && Files.isDirectory(inputs.get(0)))) {
            throw new ParameterException(spec.commandLine(), "--map needs two tables (inspect LEFT RIGHT --map a=b) "
                    + "or one linkage folder");
        }
        List<Table> tables = new ArrayList<>();
        for (Path input : inputs) {
            long start = System.nanoTime();
            if (Files.isDirectory(input)) {
                BenchmarkDataset d = BenchmarkDataset.load(input);
                out.println(d);
                out.println(d.left().profile());
                if (!d.isDeduplication()) {
                    out.println(d.right().profile());
                    out.println(correspondence(d.left(), d.right()));
                }
            } else {
                Table t = Table.read(input);
                tables.add(t);
                out.println(t.profile());
            }
            out.printf(Locale.ROOT, "loaded in %.2f s%n%n", (System.nanoTime() - start) / 1e9);
        }
        if (pair) {
            List<Table> both = SchemaInference.harmonize(tables.get(0), tables.get(1));
            out.println(correspondence(both.get(0), both.get(1)));
        }
    }

    private String correspondence(Table left, Table right) {
        ColumnCorrespondence.Builder b = ColumnCorrespondence.builder(left, right);
        map.forEach(p -> b.align(p[0], p[1]));
        return "Columns compared (left ~ right) when linking " + left.name() + " with " + right.name() + ":\n"
                + b.build();
    }
}
