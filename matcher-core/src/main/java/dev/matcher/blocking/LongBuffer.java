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
}
