package dev.matcher.metrics;

/** Index thinning for curves that are drawn or stored: plots gain nothing from 100,000 points. */
final class Downsample {
    private Downsample() {
    }

    static int[] indices(int size, int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be at least 2, was " + maxPoints);
        }
        int n = Math.min(size, maxPoints);
        int[] keep = new int[n];
        for (int i = 0; i < n; i++) {
            keep[i] = n == size ? i : (int) Math.round((double) i * (size - 1) / (n - 1));
        }
        return keep;
    }

    static double[] pick(double[] values, int[] keep) {
        double[] out = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            out[i] = values[keep[i]];
        }
        return out;
    }
}
