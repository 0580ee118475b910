package dev.matcher.cli;

import dev.matcher.eval.synth.PersonGenerator;
import dev.matcher.eval.synth.ProductGenerator;
import dev.matcher.eval.synth.SyntheticGenerator;
import dev.matcher.eval.synth.VariantCatalog;
import dev.matcher.eval.synth.VariantCatalogGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code matcher generate people|products|variants RECORDS OUT [--seed S]}: synthetic data with known answers, for
 * trying the library and for the scale and variant benchmarks (the generators of matcher-eval's {@code synth}).
 */
@Command(name = "generate", description = {"Write synthetic records with known duplicates: people (Febrl-like), products,",
        "or variants (a catalogue of products in colours and sizes, listed by several shops). OUT ending in .csv or",
        ".parquet is one table; anything else is a dataset folder (left.csv, matches.csv, clusters.csv, labelled",
        "train/valid/test splits) that `matcher eval --data OUT` reads. variants: always a folder."})
final class GenerateCommand implements Runnable {
    enum Kind { people, products, variants }

    @Parameters(index = "0", paramLabel = "KIND", description = "people, products or variants.")
    Kind kind;

    @Parameters(index = "1", paramLabel = "RECORDS", description = "Number of records (1 or more).")
    int records;

    @Parameters(index = "2", paramLabel = "OUT", description = "A .csv or .parquet file, or a dataset folder.")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}): equal seeds give equal data.")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        if (records < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "RECORDS must be 1 or more, not " + records);
        }
        long start = System.nanoTime();
        String what;
        if (kind == Kind.variants) {                       // a dataset folder only: it has two label levels
            VariantCatalog c = VariantCatalogGenerator.builder().records(records).seed(seed).build().generate();
            c.writeDataset(out);
            what = c.toString();
        } else {
            SyntheticGenerator g = kind == Kind.people ? PersonGenerator.builder().records(records).seed(seed).build()
                    : ProductGenerator.builder().records(records).seed(seed).build();
            String file = out.getFileName().toString();
            if (file.endsWith(".csv")) {
                g.writeCsv(out);
            } else if (file.endsWith(".parquet")) {
                g.writeParquet(out);
            } else {
                g.writeDataset(out);
            }
            what = g.toString();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s: %,d records to %s in %.2f s (%,d MB)%n", what, records, out, seconds, bytes(out) >> 20);
        w.flush();
    }

    private static long bytes(Path out) {
        if (!Files.isDirectory(out)) {
            return out.toFile().length();
        }
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
