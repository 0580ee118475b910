package dev.matcher.metrics;

import java.util.Locale;

/**
 * Precision, recall and F1 at a series of increasing thresholds (match when score >= threshold), for
 * "threshold vs quality" plots and tables.
 *
 * <pre>{@code
 * ThresholdSweep s = PairMetrics.of(scores, labels).sweep(101);   // thresholds 0.00, 0.01, ..., 1.00
 * s.f1(50);                                                       // F1 at threshold 0.5
 * }</pre>
 */
public final class ThresholdSweep {
    private final double[] thresholds;
    private final double[] precision;
    private final double[] recall;
    private final double[] f1;

    ThresholdSweep(double[] thresholds, double[] precision, double[] recall, double[] f1) {
        this.thresholds = thresholds;
        this.precision = precision;
        this.recall = recall;
        this.f1 = f1;
    }

    /** A sweep from given points (copied), e.g. to rebuild one from a report. */
    public static ThresholdSweep of(double[] thresholds, double[] precision, double[] recall, double[] f1) {
        int n = thresholds.length;
        if (precision.length != n || recall.length != n || f1.length != n) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        return new ThresholdSweep(thresholds.clone(), precision.clone(), recall.clone(), f1.clone());
    }

    public int size() {
        return thresholds.length;
    }

    public double threshold(int i) {
        return thresholds[i];
    }

    public double precision(int i) {
        return precision[i];
    }

    public double recall(int i) {
        return recall[i];
    }

    public double f1(int i) {
        return f1[i];
    }

    public double[] thresholds() {
        return thresholds.clone();
    }

    public double[] precisions() {
        return precision.clone();
    }

    public double[] recalls() {
        return recall.clone();
    }

    public double[] f1s() {
        return f1.clone();
    }

    @Override
    public String toString() {
        int best = 0;
        for (int i = 1; i < size(); i++) {
            if (f1[i] > f1[best]) {
                best = i;
            }
        }
        return size() == 0 ? "ThresholdSweep[empty]" : String.format(Locale.ROOT,
                "ThresholdSweep[%d thresholds %.3g..%.3g, best F1=%.4f at %.3g]",
                size(), thresholds[0], thresholds[size() - 1], f1[best], thresholds[best]);
    }
}
