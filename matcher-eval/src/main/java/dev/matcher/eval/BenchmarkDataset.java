package dev.matcher.eval;

import dev.matcher.data.DataException;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.SchemaInference;
import dev.matcher.data.Table;
import dev.matcher.data.Task;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A benchmark dataset in the shared folder layout: {@code left.csv}, optional {@code right.csv} (linkage; without it
 * the task is deduplication), {@code matches.csv} ({@code left_id,right_id}) and optional labelled splits
 * {@code train.csv}, {@code valid.csv}, {@code test.csv} ({@code left_id,right_id,label}). Other files are ignored.
 * Ids in pair files are resolved to row indices ({@link LabelledPairs#read}). In linkage, an attribute both tables
 * have gets one kind (see {@link SchemaInference#harmonize}).
 *
 * <pre>{@code
 * BenchmarkDataset d = BenchmarkDataset.load(Path.of("datasets/dm_textual_abt_buy"));
 * d.task();                       // linkage of left (1081) and right (1092)
 * d.split("train").orElseThrow(); // LabelledPairs[5743 pairs, 822 matches]
 * }</pre>
 *
 * @param name    the folder name
 * @param task    deduplication of the left table, or linkage of the two
 * @param matches the known matching pairs (left row, right row)
 * @param splits  the labelled splits present, by name ({@code train}, {@code valid}, {@code test})
 */
public record BenchmarkDataset(String name, Task task, Pairs matches, Map<String, LabelledPairs> splits) {

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
        return load(folder, false);
    }

    /**
     * Loads a dataset folder at the family level when asked and the folder has one: {@code family_matches.csv} and
     * {@code family_train/valid/test.csv} (pairs of one product family: variants match), as a variant catalogue
     * ({@code matcher generate variants}) writes them; a folder without them loads as {@link #load(Path)} (its matches may
     * already be families, as in a catalogue whose clusters hold every variant). The name then ends in
     * {@code " (family)"}.
     *
     * @throws DataException as {@link #load(Path)}
     */
    public static BenchmarkDataset load(Path folder, boolean familyLevel) {
        if (!Files.isDirectory(folder)) {
            throw new DataException(folder, 0, 0, "no such dataset folder");
        }
        String name = folder.toAbsolutePath().normalize().getFileName().toString();
        Table left = Table.readCsv(folder.resolve("left.csv"));
        Path rightFile = folder.resolve("right.csv");
        Task task;
        if (Files.exists(rightFile)) {
            List<Table> both = SchemaInference.harmonize(left, Table.readCsv(rightFile));
            task = Task.linkage(both.get(0), both.get(1));
        } else {
            task = Task.deduplication(left);
        }
        String prefix = familyLevel && Files.exists(folder.resolve("family_matches.csv")) ? "family_" : "";
        if (!prefix.isEmpty()) {
            name += " (family)";
        }
        Pairs matches = LabelledPairs.read(folder.resolve(prefix + "matches.csv"), task).pairs();
        Map<String, LabelledPairs> splits = new LinkedHashMap<>();
        for (String split : SPLITS) {
            Path f = folder.resolve(prefix + split + ".csv");
            if (Files.exists(f)) {
                splits.put(split, LabelledPairs.read(f, task));
            }
        }
        return new BenchmarkDataset(name, task, matches, splits);
    }

    /**
     * The folder that holds the shared benchmark datasets: the system property {@code matcher.datasets}, else the
     * environment variable {@code MATCHER_DATASETS}.
     *
     * @throws DataException when neither is set or the folder does not exist
     */
    public static Path folder() {
        String dir = System.getProperty("matcher.datasets");
        String from = "-Dmatcher.datasets";
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("MATCHER_DATASETS");
            from = "MATCHER_DATASETS";
        }
        if (dir == null || dir.isBlank()) {
            throw new DataException(Path.of("."), 0, 0, "where are the benchmark datasets? set -Dmatcher.datasets=DIR "
                    + "or the environment variable MATCHER_DATASETS=DIR (a folder of dataset folders)");
        }
        Path p = Path.of(dir);
        if (!Files.isDirectory(p)) {
            throw new DataException(p, 0, 0, "no such datasets folder (from " + from + ")");
        }
        return p;
    }

    public Table left() {
        return task.left();
    }

    /**
     * The dataset with these columns removed from its tables (from each table that has them), e.g. a category a
     * user would not have when matching. The pairs stay as they are (rows do not move).
     *
     * @throws DataException when no table has one of the columns
     */
    public BenchmarkDataset withoutColumns(List<String> columns) {
        for (String c : columns) {
            if (left().schema().indexOf(c) < 0 && right().schema().indexOf(c) < 0) {
                throw new DataException("dataset " + name + " has no column '" + c + "' to drop (columns: "
                        + left().schema().names() + (isDeduplication() ? "" : ", " + right().schema().names()) + ")");
            }
        }
        Table l = without(left(), columns);
        Task t = isDeduplication() ? Task.deduplication(l) : Task.linkage(l, without(right(), columns));
        return new BenchmarkDataset(name, t, matches, splits);
    }

    private static Table without(Table t, List<String> columns) {
        List<dev.matcher.data.Attribute> kept = t.schema().attributes().stream()
                .filter(a -> !columns.contains(a.name())).toList();
        if (kept.size() == t.schema().size()) {
            return t;
        }
        String[] ids = new String[t.size()];
        for (int r = 0; r < ids.length; r++) {
            ids[r] = t.id(r);
        }
        String[][] values = kept.stream().map(a -> t.column(a.name()).toArray()).toArray(String[][]::new);
        return Table.of(t.name(), ids, kept.stream().map(dev.matcher.data.Attribute::name).toList(), values,
                dev.matcher.data.Schema.of(kept));
    }

    /** The right table; the left table itself in deduplication. */
    public Table right() {
        return task.right();
    }

    public Optional<LabelledPairs> split(String splitName) {
        return Optional.ofNullable(splits.get(splitName));
    }

    public boolean isDeduplication() {
        return task.isDeduplication();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(": ").append(task).append(", ")
                .append(matches.size()).append(" matches");
        splits.forEach((k, v) -> sb.append(", ").append(k).append(' ').append(v.size()).append(" pairs/")
                .append(v.positives()).append(" matches"));
        return sb.toString();
    }
}
