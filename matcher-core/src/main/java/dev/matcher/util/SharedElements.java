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
        int n = rows.length;
        if (n < 2 || distinctShare(rows, hash, equal) > MAX_DISTINCT) {
            return;
        }
        int[] slots = new int[Integer.highestOneBit(Math.min(n, 1 << 28)) << 2];     // first row + 1; load <= 1/2
        int mask = slots.length - 1;
        for (int r = 0; r < n; r++) {
            T v = rows[r];
            if (v == null) {
                continue;
            }
            int i = mix(hash.applyAsInt(v)) & mask;
            while (true) {
                int s = slots[i];
                if (s == 0) {
                    slots[i] = r + 1;
                    break;
                }
                T first = rows[s - 1];
                if (first == v || equal.test(first, v)) {
                    rows[r] = first;
                    break;
                }
                i = (i + 1) & mask;
            }
        }
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
