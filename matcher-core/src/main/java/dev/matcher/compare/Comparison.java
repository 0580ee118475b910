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
        /** One merge of two token-id sets: shared count, TF-IDF dot product, shared IDF mass. */
        int inter;
        double dot;
        double idfInter;
    }

    final String[] names;
    int[] slots;

    Comparison(String[] names) {
        this.names = names;
        this.slots = new int[names.length];
    }

    abstract void compare(int l, int r, double[] out, Scratch scratch);

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
