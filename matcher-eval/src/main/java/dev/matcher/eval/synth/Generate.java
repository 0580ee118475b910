package dev.matcher.eval.synth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes synthetic data from the command line and says how long it took:
 * {@code Generate people|products|variants RECORDS OUT [SEED]} where OUT ending in {@code .csv} or {@code .parquet}
 * is a file and anything else a dataset folder in the shared benchmark layout ({@code variants}: always a folder,
 * see {@link VariantCatalogGenerator}).
 *
 * <pre>{@code
 * java -cp ... dev.matcher.eval.synth.Generate people 1000000 /tmp/people.csv
 * }</pre>
 */
public final class Generate {
    private Generate() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: Generate people|products|variants RECORDS OUT(.csv|.parquet|folder) [SEED]");
            System.exit(2);
        }
        int records = Integer.parseInt(args[1].replace("_", ""));
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        if (args[0].equals("variants")) {                  // a dataset folder only: it has two label levels
            long start = System.nanoTime();
            VariantCatalog c = VariantCatalogGenerator.builder().records(records).seed(seed).build().generate();
            c.writeDataset(Path.of(args[2]));
            System.out.printf(Locale.ROOT, "%s to %s in %.2f s%n", c, args[2], (System.nanoTime() - start) / 1e9);
            return;
        }
        SyntheticGenerator g = switch (args[0]) {
            case "people" -> PersonGenerator.builder().records(records).seed(seed).build();
            case "products" -> ProductGenerator.builder().records(records).seed(seed).build();
            default -> throw new IllegalArgumentException("unknown kind " + args[0] + ": people or products");
        };
        Path out = Path.of(args[2]);
        String file = out.getFileName().toString();
        long start = System.nanoTime();
        if (file.endsWith(".csv")) {
            g.writeCsv(out);
        } else if (file.endsWith(".parquet")) {
            g.writeParquet(out);
        } else {
            g.writeDataset(out);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = Files.isDirectory(out) ? Files.walk(out).filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum()
                : Files.size(out);
        System.out.printf(Locale.ROOT, "%s: %,d records to %s in %.2f s (%,.0f records/s, %,d MB)%n",
                g, records, out, seconds, records / seconds, bytes >> 20);
    }
}
