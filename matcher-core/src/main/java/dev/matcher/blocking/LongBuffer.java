package dev.matcher.blocking;

import java.util.Arrays;

/** A growable long array for packed pairs and key hashes (no boxing). */
final class LongBuffer {
    long[] data;
    int size;

    LongBuffer(int capacity) {
        data = new long[Math.max(4, capacity)];
    }

    void add(long v) {
        if (size == data.length) {
            long grown = (long) data.length + (data.length >> 1) + 4;
            if (grown > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than " + (Integer.MAX_VALUE - 8) + " entries");
            }
            data = Arrays.copyOf(data, (int) grown);
        }
        data[size++] = v;
    }

    long[] toArray() {
        return Arrays.copyOf(data, size);
    }

    /** Concatenates, sorts and removes duplicates. */
    static long[] sortedUnique(LongBuffer[] parts) {
        long total = 0;
        for (LongBuffer p : parts) {
            total += p.size;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("more than " + (Integer.MAX_VALUE - 8) + " pairs");
        }
        long[] all = new long[(int) total];
        int n = 0;
        for (LongBuffer p : parts) {
            System.arraycopy(p.data, 0, all, n, p.size);
            n += p.size;
        }
        return sortedUnique(all);
    }

    /** Sorts in place (in parallel for large arrays) and returns the distinct values. */
    static long[] sortedUnique(long[] all) {
        if (all.length > 100_000) {
            Arrays.parallelSort(all);
        } else {
            Arrays.sort(all);
        }
        int u = 0;
        for (int i = 0; i < all.length; i++) {
            if (u == 0 || all[i] != all[u - 1]) {
                all[u++] = all[i];
            }
        }
        return u == all.length ? all : Arrays.copyOf(all, u);
    }

    /**
     * The distinct values of both arrays, sorted: a linear merge when both are sorted already (what every blocker
     * returns), else a sort of the concatenation. The inputs are not changed.
     */
    static long[] union(long[] a, long[] b) {
        if (!strictlyAscending(a) || !strictlyAscending(b)) {
            long[] all = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return sortedUnique(all);
        }
        long[] out = new long[a.length + b.length];
        int i = 0, j = 0, n = 0;
        while (i < a.length && j < b.length) {
            long x = a[i], y = b[j];
            out[n++] = x <= y ? x : y;
            i += x <= y ? 1 : 0;
            j += y <= x ? 1 : 0;
        }
        System.arraycopy(a, i, out, n, a.length - i);
        n += a.length - i;
        System.arraycopy(b, j, out, n, b.length - j);
        n += b.length - j;
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static boolean strictlyAscending(long[] a) {
        for (int i = 1; i < a.length; i++) {
            if (a[i - 1] >= a[i]) {
                return false;
            }
        }
        return true;
    }
}
