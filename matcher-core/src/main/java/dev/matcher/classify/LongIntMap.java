package dev.matcher.classify;

import java.util.Arrays;

/** An open-addressing map from long keys to non-negative ints, without boxing; {@link #get} gives -1 when absent. */
final class LongIntMap {
    /** Key and value side by side ({@code table[2i]}, {@code table[2i + 1]}; value -1: empty): one cache line a probe. */
    private long[] table;
    private int size;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        table = empty(cap);
    }

    private static long[] empty(int cap) {
        long[] t = new long[cap * 2];
        for (int i = 1; i < t.length; i += 2) {
            t[i] = -1;
        }
        return t;
    }

    int size() {
        return size;
    }

    int get(long key) {
        long[] t = table;
        int mask = (t.length >> 1) - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long v = t[2 * i + 1];
            if (v < 0 || t[2 * i] == key) {
                return (int) v;
            }
        }
    }

    /** Stores {@code value >= 0} under the key, replacing an earlier one. */
    void put(long key, int value) {
        if (2 * (size + 1) > table.length >> 1) {
            grow();
        }
        long[] t = table;
        int mask = (t.length >> 1) - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (t[2 * i + 1] < 0) {
                t[2 * i] = key;
                t[2 * i + 1] = value;
                size++;
                return;
            }
            if (t[2 * i] == key) {
                t[2 * i + 1] = value;
                return;
            }
        }
    }

    private void grow() {
        long[] old = table;
        table = empty(old.length);
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] >= 0) {
                put(old[i], (int) old[i + 1]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
