package dev.matcher.data;

import java.util.Arrays;

/**
 * An immutable list of record pairs as row indices: {@code left(i)} is a row of the left table, {@code right(i)} a
 * row of the right table (the same table in deduplication). Stored as two int arrays; a pair packs into one
 * {@code long} with {@link #pack} for sets and sorting.
 *
 * <pre>{@code
 * Pairs p = Pairs.of(new int[] {0, 1}, new int[] {5, 7});
 * long key = Pairs.pack(p.left(0), p.right(0));
 * boolean known = p.contains(1, 7);   // true
 * }</pre>
 */
public final class Pairs {
    private static final Pairs EMPTY = new Pairs(new int[0], new int[0]);
    private final int[] left;
    private final int[] right;
    private volatile long[] sortedKeys;

    private Pairs(int[] left, int[] right) {
        this.left = left;
        this.right = right;
    }

    /** Pairs from parallel arrays (copied). */
    public static Pairs of(int[] left, int[] right) {
        if (left.length != right.length) {
            throw new IllegalArgumentException(left.length + " left indices for " + right.length + " right indices");
        }
        return new Pairs(left.clone(), right.clone());
    }

    /** Pairs from packed keys, in the given order. */
    public static Pairs fromPacked(long[] keys) {
        int[] l = new int[keys.length];
        int[] r = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            l[i] = left(keys[i]);
            r[i] = right(keys[i]);
        }
        return new Pairs(l, r);
    }

    /** The pairs {@code from} (inclusive) to {@code to} (exclusive), copied. */
    public Pairs slice(int from, int to) {
        return new Pairs(Arrays.copyOfRange(left, from, to), Arrays.copyOfRange(right, from, to));
    }

    public static Pairs empty() {
        return EMPTY;
    }

    /** Packs a pair into a long: left in the high 32 bits, so packed keys sort by left, then right. */
    public static long pack(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    public static int left(long key) {
        return (int) (key >>> 32);
    }

    public static int right(long key) {
        return (int) key;
    }

    public int size() {
        return left.length;
    }

    public int left(int i) {
        return left[i];
    }

    public int right(int i) {
        return right[i];
    }

    public long packed(int i) {
        return pack(left[i], right[i]);
    }

    /** All pairs packed, in list order (a copy). */
    public long[] toPacked() {
        long[] keys = new long[left.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = pack(left[i], right[i]);
        }
        return keys;
    }

    /** True when the pair (in this orientation) is in the list; O(log n) after a one-off sort. */
    public boolean contains(int l, int r) {
        long[] keys = sortedKeys;
        if (keys == null) {
            keys = toPacked();
            Arrays.sort(keys);
            sortedKeys = keys;
        }
        return Arrays.binarySearch(keys, pack(l, r)) >= 0;
    }

    /** For deduplication: true when (l, r) or (r, l) is in the list. */
    public boolean containsUnordered(int l, int r) {
        return contains(l, r) || contains(r, l);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Pairs[").append(size());
        for (int i = 0; i < Math.min(5, size()); i++) {
            sb.append(i == 0 ? ": " : ", ").append('(').append(left[i]).append(',').append(right[i]).append(')');
        }
        return sb.append(size() > 5 ? ", ...]" : "]").toString();
    }
}
