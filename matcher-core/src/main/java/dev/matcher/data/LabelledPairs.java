package dev.matcher.data;

import dev.matcher.io.CsvParser;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Record pairs with a 0/1 label each (1 = match), e.g. the pairs a user labelled, or a train, valid or test split.
 *
 * <pre>{@code
 * LabelledPairs labels = LabelledPairs.read(Path.of("labels.csv"), Task.deduplication(products));
 * int matches = labels.positives();
 * }</pre>
 *
 * @param pairs  the pairs, as row indices
 * @param labels one label per pair, true for a match
 */
public record LabelledPairs(Pairs pairs, boolean[] labels) {
    public LabelledPairs {
        if (pairs.size() != labels.length) {
            throw new IllegalArgumentException(pairs.size() + " pairs for " + labels.length + " labels");
        }
        labels = labels.clone();
    }

    /**
     * Reads a pairs file with the header {@code left_id,right_id,label} (label 1 = match, 0 = non-match), or
     * {@code left_id,right_id} alone, where every pair is a match. Ids name records of the task's tables (both of
     * the one table in deduplication, where {@code (a, b)} and {@code (b, a)} are the same pair).
     *
     * @throws DataException naming file, line and column for a missing header, a ragged row, an unknown id, a label
     *                       other than 0 or 1, a record paired with itself (deduplication), or a pair labelled both
     *                       ways (a pair repeated with the same label is kept as given)
     */
    public static LabelledPairs read(Path file, Task task) {
        try (CsvParser p = CsvParser.open(file, ',')) {
            String[] header = p.next();
            boolean labelled = header != null && header.length >= 3 && "label".equals(header[2]);
            if (header == null || header.length < 2 || !"left_id".equals(header[0]) || !"right_id".equals(header[1])) {
                throw new DataException(file, 1, 0, "missing header: expected left_id,right_id,label (or left_id,right_id "
                        + "for matches only), found " + (header == null ? "an empty file" : abbreviate(String.join(",", header))));
            }
            int[] l = new int[256];
            int[] r = new int[256];
            boolean[] labels = new boolean[256];
            long[] lines = new long[256];
            Map<Long, Integer> seen = new HashMap<>();   // pair -> its index
            int n = 0;
            for (String[] row; (row = p.next()) != null; ) {
                long line = p.line();
                if (row.length != header.length) {
                    throw new DataException(file, line, Math.min(row.length, header.length) + 1,
                            "ragged row: expected " + header.length + " fields, found " + row.length);
                }
                int a = resolve(file, line, 1, task.left(), row[0]);
                int b = resolve(file, line, 2, task.right(), row[1]);
                boolean label = !labelled || label(file, line, row[2]);
                if (task.isDeduplication() && a == b) {
                    throw new DataException(file, line, 2, "record '" + abbreviate(row[0]) + "' is paired with itself");
                }
                long key = task.isDeduplication() ? Pairs.pack(Math.min(a, b), Math.max(a, b)) : Pairs.pack(a, b);
                Integer earlier = seen.putIfAbsent(key, n);
                if (earlier != null) {
                    if (labels[earlier] != label) {
                        throw new DataException(file, line, 3, "conflicting labels: pair (" + abbreviate(row[0]) + ", " + abbreviate(row[1])
                                + ") is labelled " + (label ? 1 : 0) + " here and " + (labels[earlier] ? 1 : 0)
                                + " on line " + lines[earlier]);
                    }
                }
                if (n == l.length) {
                    l = Arrays.copyOf(l, n * 2);
                    r = Arrays.copyOf(r, n * 2);
                    labels = Arrays.copyOf(labels, n * 2);
                    lines = Arrays.copyOf(lines, n * 2);
                }
                lines[n] = line;
                l[n] = a;
                r[n] = b;
                labels[n++] = label;
            }
            return new LabelledPairs(Pairs.of(Arrays.copyOf(l, n), Arrays.copyOf(r, n)), Arrays.copyOf(labels, n));
        }
    }

    private static int resolve(Path file, long line, int column, Table table, String id) {
        int row = id == null ? -1 : table.indexOf(id);
        if (row < 0) {
            throw new DataException(file, line, column, "unknown id '" + abbreviate(String.valueOf(id))
                    + "': not in table " + table.name());
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
        throw new DataException(file, line, 3, "label must be 0 or 1, found '" + abbreviate(String.valueOf(value)) + "'");
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    public int size() {
        return labels.length;
    }

    public boolean label(int i) {
        return labels[i];
    }

    @Override
    public boolean[] labels() {
        return labels.clone();
    }

    public int positives() {
        int n = 0;
        for (boolean l : labels) {
            if (l) {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "LabelledPairs[" + size() + " pairs, " + positives() + " matches]";
    }
}
