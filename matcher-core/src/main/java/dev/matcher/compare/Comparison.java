package dev.matcher.compare;

/**
 * A group of features computed together from the same per-record profiles (so shared work, like a token match
 * matrix, is done once per pair). Each named output has a slot in the feature vector, or -1 when dropped.
 */
abstract class Comparison {
    /** Per-thread work space, reused across pairs. */
    static final class Scratch {
        static final int MAX_TOKENS = 16;
        final double[] matrix = new double[MAX_TOKENS * MAX_TOKENS];
        /** Column maxima of {@link #matrix}. */
        final double[] best = new double[MAX_TOKENS];
        /** Per-character bit masks for the string kernels (zero between calls). */
        final long[] table = new long[256];
        /** Which words each side explains ({@link Abbreviations}). */
        final boolean[] coveredA = new boolean[Abbreviations.MAX_WORDS];
        final boolean[] coveredB = new boolean[Abbreviations.MAX_WORDS];
        /** One pair's {@link TokenAlignment} features. */
        final double[] align = new double[TokenAlignment.SUFFIXES.size()];
        /** One merge of two token-id sets: shared count, TF-IDF dot product, shared IDF mass. */
        int inter;
        double dot;
        double idfInter;
        /** Sum of the lengths {@link FeatureSpace} read to touch a pair's objects (stored so the reads happen). */
        int touched;
    }

    final String[] names;
    int[] slots;

    Comparison(String[] names) {
        this.names = names;
        this.slots = new int[names.length];
    }

    abstract void compare(int l, int r, double[] out, Scratch scratch);

    /**
     * Adds the per-record column arrays {@link #compare} reads ({@code String[]}, {@code int[][]} or
     * {@code long[][]}: one object per record) for each side, so {@link FeatureSpace} can touch a pair's objects
     * all at once before computing (see {@link FeatureSpace#compute(int, int, double[])}).
     */
    void columns(java.util.List<Object> left, java.util.List<Object> right) {
    }

    /**
     * Value ids of two string columns ({@code right == left} in deduplication: one array): equal strings get equal
     * ids, null gets -1. Comparing two ids tells equal values apart without reading either string, which for a pair
     * of records is usually in no cache.
     */
    static int[][] valueIds(String[] left, String[] right) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        int[] l = ids(left, seen);
        return new int[][] {l, left == right ? l : ids(right, seen)};
    }

    private static int[] ids(String[] values, java.util.Map<String, Integer> seen) {
        int[] ids = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ids[i] = values[i] == null ? -1 : seen.computeIfAbsent(values[i], k -> seen.size());
        }
        return ids;
    }

    final boolean on(int k) {
        return slots[k] >= 0;
    }

    final void put(double[] out, int k, double v) {
        int p = slots[k];
        if (p >= 0) {
            out[p] = v;
        }
    }

    /** Every output of this comparison set to -1 (a value is missing). */
    final void missing(double[] out) {
        for (int p : slots) {
            if (p >= 0) {
                out[p] = -1;
            }
        }
    }

    final boolean active() {
        for (int p : slots) {
            if (p >= 0) {
                return true;
            }
        }
        return false;
    }
}
