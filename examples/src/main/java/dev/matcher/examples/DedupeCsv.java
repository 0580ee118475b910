package dev.matcher.examples;

import dev.matcher.Resolution;
import dev.matcher.Resolver;
import dev.matcher.data.Table;

import java.nio.file.Path;

/**
 * Deduplicates a CSV file from a few labelled pairs and writes its rows with a cluster id: the whole library use of
 * a typical program, through the front door alone.
 *
 * <pre>
 * java -cp ... dev.matcher.examples.DedupeCsv products.csv labels.csv deduped.csv
 * </pre>
 */
public final class DedupeCsv {
    private DedupeCsv() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: DedupeCsv TABLE.csv LABELS.csv OUT.csv   (labels: left_id,right_id,label)");
            System.exit(2);
        }
        Table table = Table.readCsv(Path.of(args[0]));
        Resolution result = Resolver.builder()
                .labels(Path.of(args[1]))
                .build()
                .deduplicate(table);
        result.write(Path.of(args[2]));
        System.out.println(result.summary());
    }
}
