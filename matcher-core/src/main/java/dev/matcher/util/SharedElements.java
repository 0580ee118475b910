package dev.matcher.util;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.ToIntFunction;

/**
 * Replaces the equal elements of an array by one instance (the first of equal content), in place: millions of rows
 * that repeat a few thousand values (names, places, categories, their profiles) then hold a few thousand objects.
 * Arrays whose first {@value #SAMPLE} elements are mostly distinct (identifiers, free text) are left as they are.
 *
 * <pre>{@code
 * String[] city = {"Oslo", new String("Oslo"), null};
 * SharedElements.share(city);          // city[1] == city[0] now
 * }</pre>
 */
public final class SharedElements {
    /** Elements looked at before deciding whether an array repeats enough to be worth sharing. */
    public static final int SAMPLE = 4096;
    /** Share of distinct elements in the sample above which an array is left alone. */
    public static final double MAX_DISTINCT = 0.8;

    private SharedElements() {
    }

    /** Shares equal strings. */
    public static void share(String[] values) {
        share(values, String::hashCode, String::equals);
    }

    /** Shares the elements equal by {@code equal} (nulls stay); {@code hash} must agree with it. */
    public static <T> void share(T[] rows, ToIntFunction<T> hash, BiPredicate<T, T> equal) {
        int[] first = firsts(rows, hash, equal);
        if (first != null) {
            for (int r = 0; r < rows.length; r++) {
                if (first[r] >= 0) {
                    rows[r] = rows[first[r]];
                }
            }
        }
    }

    /**
     * For each row, the first row of equal content ({@code r} itself for the first of its value, -1 for null), so
     * that work on a value is done once and handed to its repeats; null when the array hardly repeats (see
     * {@link #MAX_DISTINCT}: then each row is its own first). Equal strings are recognised by {@link String#equals}.
     *
     * <pre>{@code
     * int[] first = SharedElements.firsts(new String[] {"Oslo", "Bergen", "Oslo", null});   // null: 3 of 3 distinct
     * }</pre>
     */
    public static int[] firsts(String[] values) {
        return firsts(values, String::hashCode, String::equals);
    }

    /** As {@link #firsts(String[])}, with {@code hash} agreeing with {@code equal}. */
    public static <T> int[] firsts(T[] rows, ToIntFunction<T> hash, BiPredicate<T, T> equal) {
        int n = rows.length;
        if (n < 2 || distinctShare(rows, hash, equal) > MAX_DISTINCT) {
            return null;
        }
        int[] first = new int[n];
        int[] slots = new int[Integer.highestOneBit(Math.min(n, 1 << 28)) << 2];     // first row + 1; load <= 1/2
        int mask = slots.length - 1;
        for (int r = 0; r < n; r++) {
            T v = rows[r];
            if (v == null) {
                first[r] = -1;
                continue;
            }
            int i = mix(hash.applyAsInt(v)) & mask;
            while (true) {
                int s = slots[i];
                if (s == 0) {
                    slots[i] = r + 1;
                    first[r] = r;
                    break;
                }
                T f = rows[s - 1];
                if (f == v || equal.test(f, v)) {
                    first[r] = s - 1;
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        return first;
    }

    private static <T> double distinctShare(T[] rows, ToIntFunction<T> hash, BiPredicate<T, T> equal) {
        int m = Math.min(rows.length, SAMPLE);
        Map<Integer, List<T>> seen = new HashMap<>();
        int present = 0;
        int distinct = 0;
        for (int r = 0; r < m; r++) {
            T v = rows[r];
            if (v == null) {
                continue;
            }
            present++;
            List<T> bucket = seen.computeIfAbsent(hash.applyAsInt(v), h -> new ArrayList<>(1));
            if (bucket.stream().noneMatch(x -> equal.test(x, v))) {
                bucket.add(v);
                distinct++;
            }
        }
        return present == 0 ? 1 : distinct / (double) present;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
