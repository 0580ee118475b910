package dev.matcher.io;

import dev.matcher.data.DataException;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.SchemaInference;
import dev.matcher.data.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A benchmark dataset in the shared folder layout: {@code left.csv}, optional {@code right.csv} (linkage; without it
 * the task is deduplication), {@code matches.csv} ({@code left_id,right_id}) and optional labelled splits
 * {@code train.csv}, {@code valid.csv}, {@code test.csv} ({@code left_id,right_id,label}). Other files are ignored.
 * Ids in pair files are resolved to row indices; in deduplication both refer to the left table. In linkage, an
 * attribute both tables have gets one kind (see {@link SchemaInference#harmonize}).
 *
 * <pre>{@code
 * BenchmarkDataset d = BenchmarkDataset.load(Path.of("datasets/dm_textual_abt_buy"));
 * d.task();                       // LINKAGE
 * d.split("train").orElseThrow(); // LabelledPairs[5743 pairs, 822 matches]
 * }</pre>
 *
 * @param name    the folder name
 * @param task    deduplication (one table) or linkage (two tables)
 * @param left    the left table (the only one in deduplication)
 * @param right   the right table; the left table itself in deduplication
 * @param matches the known matching pairs (left row, right row)
 * @param splits  the labelled splits present, by name ({@code train}, {@code valid}, {@code test})
 */
public record BenchmarkDataset(String name, Task task, Table left, Table right, Pairs matches,
                               Map<String, LabelledPairs> splits) {

    /** One table or two. */
    public enum Task { DEDUPLICATION, LINKAGE }

    /** The split names looked for, in this order. */
    public static final String[] SPLITS = {"train", "valid", "test"};

    public BenchmarkDataset {
        splits = Collections.unmodifiableMap(new LinkedHashMap<>(splits));
    }

    /**
     * Loads a dataset folder.
     *
     * @throws DataException for a missing folder or file, malformed CSV, a pair naming an unknown id, or a label
     *                       that is not 0 or 1 (naming file and line)
     */
    public static BenchmarkDataset load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new DataException(folder, 0, 0, "no such dataset folder");
        }
        String name = folder.toAbsolutePath().normalize().getFileName().toString();
        Table left = Csv.read(folder.resolve("left.csv"), CsvOptions.defaults());
        Path rightFile = folder.resolve("right.csv");
        boolean linkage = Files.exists(rightFile);
        Table right = left;
        if (linkage) {
            List<Table> both = SchemaInference.harmonize(left, Csv.read(rightFile, CsvOptions.defaults()));
            left = both.get(0);
            right = both.get(1);
        }
        Pairs matches = readPairs(folder.resolve("matches.csv"), left, right, false).pairs();
        Map<String, LabelledPairs> splits = new LinkedHashMap<>();
        for (String split : SPLITS) {
            Path f = folder.resolve(split + ".csv");
            if (Files.exists(f)) {
                splits.put(split, readPairs(f, left, right, true));
            }
        }
        return new BenchmarkDataset(name, linkage ? Task.LINKAGE : Task.DEDUPLICATION, left, right, matches, splits);
    }

    public Optional<LabelledPairs> split(String splitName) {
        return Optional.ofNullable(splits.get(splitName));
    }

    public boolean isDeduplication() {
        return task == Task.DEDUPLICATION;
    }

    /**
     * Reads a pairs file with header {@code left_id,right_id} (and {@code label} when {@code labelled}).
     * Unlabelled files give every pair the label true.
     */
    public static LabelledPairs readPairs(Path file, Table left, Table right, boolean labelled) {
        try (CsvParser p = CsvParser.open(file, ',')) {
            String[] header = p.next();
            String[] expected = labelled ? new String[] {"left_id", "right_id", "label"} : new String[] {"left_id", "right_id"};
            if (header == null || header.length < expected.length
                    || !Arrays.equals(Arrays.copyOf(header, expected.length), expected)) {
                throw new DataException(file, 1, 0, "missing header: expected " + String.join(",", expected)
                        + ", found " + (header == null ? "an empty file" : String.join(",", header)));
            }
            int[] l = new int[256];
            int[] r = new int[256];
            boolean[] labels = new boolean[256];
            int n = 0;
            for (String[] row; (row = p.next()) != null; n++) {
                if (row.length != header.length) {
                    throw new DataException(file, p.line(), Math.min(row.length, header.length) + 1,
                            "ragged row: expected " + header.length + " fields, found " + row.length);
                }
                if (n == l.length) {
                    l = Arrays.copyOf(l, n * 2);
                    r = Arrays.copyOf(r, n * 2);
                    labels = Arrays.copyOf(labels, n * 2);
                }
                l[n] = resolve(file, p.line(), 1, left, row[0]);
                r[n] = resolve(file, p.line(), 2, right, row[1]);
                labels[n] = !labelled || label(file, p.line(), row[2]);
            }
            return new LabelledPairs(Pairs.of(Arrays.copyOf(l, n), Arrays.copyOf(r, n)), Arrays.copyOf(labels, n));
        }
    }

    private static int resolve(Path file, long line, int column, Table table, String id) {
        int row = id == null ? -1 : table.indexOf(id);
        if (row < 0) {
            throw new DataException(file, line, column, "unknown id '" + id + "': not in table " + table.name());
        }
        return row;
    }

    private static boolean label(Path file, long line, String value) {
        if ("1".equals(value)) {
            return true;
        }
        if ("0".equals(value)) {
            return false;
        }
        throw new DataException(file, line, 3, "label must be 0 or 1, found '" + value + "'");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(" (").append(task.name().toLowerCase()).append("): left ")
                .append(left.size()).append(" rows");
        if (task == Task.LINKAGE) {
            sb.append(", right ").append(right.size()).append(" rows");
        }
        sb.append(", ").append(matches.size()).append(" matches");
        splits.forEach((k, v) -> sb.append(", ").append(k).append(' ').append(v.size()).append(" pairs/")
                .append(v.positives()).append(" matches"));
        return sb.toString();
    }
}
