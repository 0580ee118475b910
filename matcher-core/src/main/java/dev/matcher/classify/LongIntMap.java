package dev.matcher.classify;

import java.util.Arrays;

/** An open-addressing map from long keys to non-negative ints, without boxing; {@link #get} gives -1 when absent. */
final class LongIntMap {
    private long[] keys;
    private int[] vals;
    private int size;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[cap];
        vals = new int[cap];
        Arrays.fill(vals, -1);
    }

    int size() {
        return size;
    }

    int get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            int v = vals[i];
            if (v < 0 || keys[i] == key) {
                return v;
            }
        }
    }

    /** Stores {@code value >= 0} under the key, replacing an earlier one. */
    void put(long key, int value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (vals[i] < 0) {
                keys[i] = key;
                vals[i] = value;
                size++;
                return;
            }
            if (keys[i] == key) {
                vals[i] = value;
                return;
            }
        }
    }

    private void grow() {
        long[] k = keys;
        int[] v = vals;
        keys = new long[k.length * 2];
        vals = new int[v.length * 2];
        Arrays.fill(vals, -1);
        size = 0;
        for (int i = 0; i < k.length; i++) {
            if (v[i] >= 0) {
                put(k[i], v[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
