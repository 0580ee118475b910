package dev.matcher.eval.transform;

import dev.matcher.data.Pairs;
import dev.matcher.eval.BenchmarkDataset;
import dev.matcher.io.Csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a dataset in the shared folder layout that {@link BenchmarkDataset#load} reads: {@code left.csv},
 * {@code right.csv} (linkage), {@code matches.csv} and the labelled splits, ids as they are.
 *
 * <pre>{@code
 * DatasetFolder.write(Transformations.renameRandom(Side.RIGHT, 1).apply(d), Path.of("/tmp/renamed"));
 * }</pre>
 */
public final class DatasetFolder {
    private DatasetFolder() {
    }

    /** Writes the folder (created if needed; files in it of the same names are replaced). */
    public static void write(BenchmarkDataset d, Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        d.left().writeCsv(folder.resolve("left.csv"));
        if (!d.isDeduplication()) {
            d.right().writeCsv(folder.resolve("right.csv"));
        }
        List<String[]> matches = new ArrayList<>();
        Pairs m = d.matches();
        for (int i = 0; i < m.size(); i++) {
            matches.add(new String[] {d.left().id(m.left(i)), d.right().id(m.right(i))});
        }
        Csv.writeRows(folder.resolve("matches.csv"), new String[] {"left_id", "right_id"}, matches);
        d.splits().forEach((name, split) -> {
            List<String[]> rows = new ArrayList<>();
            Pairs p = split.pairs();
            for (int i = 0; i < split.size(); i++) {
                rows.add(new String[] {d.left().id(p.left(i)), d.right().id(p.right(i)), split.label(i) ? "1" : "0"});
            }
            Csv.writeRows(folder.resolve(name + ".csv"), new String[] {"left_id", "right_id", "label"}, rows);
        });
    }
}
