package dev.matcher.metrics;

import java.util.Locale;

/**
 * The receiver operating characteristic: true-positive rate against false-positive rate, starting at (0, 0)
 * (threshold +infinity, nothing accepted) and then one point per distinct score, highest first.
 *
 * <pre>{@code
 * RocCurve roc = PairMetrics.of(scores, labels).rocCurve();
 * roc.auc();    // 0.5 for a random scorer, 1.0 for a perfect one
 * }</pre>
 */
public final class RocCurve {
    private final double[] thresholds;
    private final double[] fpr;
    private final double[] tpr;

    RocCurve(double[] thresholds, double[] fpr, double[] tpr) {
        this.thresholds = thresholds;
        this.fpr = fpr;
        this.tpr = tpr;
    }

    public int size() {
        return thresholds.length;
    }

    public double threshold(int i) {
        return thresholds[i];
    }

    public double falsePositiveRate(int i) {
        return fpr[i];
    }

    public double truePositiveRate(int i) {
        return tpr[i];
    }

    public double[] thresholds() {
        return thresholds.clone();
    }

    public double[] falsePositiveRates() {
        return fpr.clone();
    }

    public double[] truePositiveRates() {
        return tpr.clone();
    }

    /**
     * The area under the curve by the trapezoid rule: the probability that a random match scores above a random
     * non-match, ties counting half. NaN when the labels hold only one class.
     */
    public double auc() {
        if (size() < 2 || fpr[size() - 1] == 0 || tpr[size() - 1] == 0) {
            return Double.NaN;
        }
        double area = 0;
        for (int i = 1; i < size(); i++) {
            area += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        }
        return area;
    }

    /** At most {@code maxPoints} points, evenly spaced by index, always keeping the first and last (for plots). */
    public RocCurve downsample(int maxPoints) {
        int[] keep = Downsample.indices(size(), maxPoints);
        if (keep.length == size()) {
            return this;
        }
        return new RocCurve(Downsample.pick(thresholds, keep), Downsample.pick(fpr, keep), Downsample.pick(tpr, keep));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RocCurve[%d points, AUC=%.4f]", size(), auc());
    }
}
