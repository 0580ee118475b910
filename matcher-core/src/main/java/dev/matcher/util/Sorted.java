package dev.matcher.util;

import java.util.Arrays;

/**
 * Merges of sorted, duplicate-free arrays: the one implementation for code off the per-pair hot path (the feature
 * kernels in {@code compare.Measures} keep their own branch-free variants, measured against these).
 *
 * <pre>{@code
 * Sorted.intersectionSize(new int[] {1, 3, 5}, new int[] {3, 4, 5});   // 2
 * Sorted.intersection(new long[] {1, 3, 5}, new long[] {3, 4, 5});     // [3, 5]
 * }</pre>
 */
public final class Sorted {
    private Sorted() {
    }

    /** Elements in both sorted arrays. */
    public static int intersectionSize(int[] a, int[] b) {
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                n++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    /** Elements in both sorted arrays. */
    public static long intersectionSize(long[] a, long[] b) {
        long n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                n++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    /** The elements in both sorted arrays, sorted. */
    public static long[] intersection(long[] a, long[] b) {
        long[] out = new long[Math.min(a.length, b.length)];
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                out[n++] = a[i];
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
