package dev.matcher.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-record objects the comparisons of a feature space read ({@link Comparison#columns}), by type and side, with
 * repeated values shared ({@link SharedValues}).
 */
final class RecordColumns {
    private final String[][] leftStrings;
    private final String[][] rightStrings;
    private final int[][][] leftInts;
    private final int[][][] rightInts;
    private final long[][][] leftLongs;
    private final long[][][] rightLongs;

    RecordColumns(Comparison[] comparisons) {
        List<Object> l = new ArrayList<>();
        List<Object> r = new ArrayList<>();
        for (Comparison c : comparisons) {
            c.columns(l, r);
        }
        SharedValues.share(l, r);
        leftStrings = typed(l, String[].class, String[][]::new);
        rightStrings = typed(r, String[].class, String[][]::new);
        leftInts = typed(l, int[][].class, int[][][]::new);
        rightInts = typed(r, int[][].class, int[][][]::new);
        leftLongs = typed(l, long[][].class, long[][][]::new);
        rightLongs = typed(r, long[][].class, long[][][]::new);
    }

    private static <T> T[] typed(List<Object> columns, Class<T> type, java.util.function.IntFunction<T[]> array) {
        return columns.stream().filter(type::isInstance).map(type::cast).distinct().toArray(array);
    }

    /**
     * Reads the length of every per-record object of the pair, in a loop of independent loads: the records are
     * usually in no cache (the right one above all, pairs coming sorted by left row), and the comparisons would
     * otherwise wait for each miss in turn, far apart in their code. Here the processor overlaps them.
     */
    int touch(int l, int r) {
        return touch(leftStrings, l) + touch(rightStrings, r) + touch(leftInts, l) + touch(rightInts, r)
                + touch(leftLongs, l) + touch(rightLongs, r);
    }

    private static int touch(String[][] columns, int row) {
        int t = 0;
        for (String[] c : columns) {
            String s = c[row];
            t += s == null ? 0 : s.length();
        }
        return t;
    }

    private static int touch(int[][][] columns, int row) {
        int t = 0;
        for (int[][] c : columns) {
            int[] a = c[row];
            t += a == null || a.length == 0 ? 0 : a[a.length - 1];      // the end of a longer array too
        }
        return t;
    }

    private static int touch(long[][][] columns, int row) {
        int t = 0;
        for (long[][] c : columns) {
            long[] a = c[row];
            t += a == null ? 0 : a.length;
        }
        return t;
    }
}
