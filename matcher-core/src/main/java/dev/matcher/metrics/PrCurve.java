package dev.matcher.metrics;

import java.util.Locale;

/**
 * The precision-recall curve: one point per distinct score, from the highest threshold (lowest recall) down.
 * Point {@code i} is the operating point "match when score >= threshold(i)".
 *
 * <pre>{@code
 * PrCurve pr = PairMetrics.of(scores, labels).prCurve();
 * pr.averagePrecision();          // area under the step curve
 * pr.recall(pr.size() - 1);       // 1.0: the lowest threshold accepts every pair
 * }</pre>
 */
public final class PrCurve {
    private final double[] thresholds;
    private final double[] precision;
    private final double[] recall;

    PrCurve(double[] thresholds, double[] precision, double[] recall) {
        this.thresholds = thresholds;
        this.precision = precision;
        this.recall = recall;
    }

    /** A curve from given points (copied), e.g. to rebuild one from a report; recall must not decrease. */
    public static PrCurve of(double[] thresholds, double[] precision, double[] recall) {
        if (thresholds.length != precision.length || precision.length != recall.length) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        for (int i = 1; i < recall.length; i++) {
            if (recall[i] < recall[i - 1]) {
                throw new IllegalArgumentException("recall decreases at point " + i);
            }
        }
        return new PrCurve(thresholds.clone(), precision.clone(), recall.clone());
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

    public double[] thresholds() {
        return thresholds.clone();
    }

    public double[] precisions() {
        return precision.clone();
    }

    public double[] recalls() {
        return recall.clone();
    }

    /**
     * Average precision: {@code sum (R_i - R_(i-1)) * P_i} with {@code R_(-1) = 0}, the area under the step curve
     * without interpolation (the definition scikit-learn uses). 0 for an empty curve.
     */
    public double averagePrecision() {
        double ap = 0;
        double previousRecall = 0;
        for (int i = 0; i < size(); i++) {
            ap += (recall[i] - previousRecall) * precision[i];
            previousRecall = recall[i];
        }
        return ap;
    }

    /** At most {@code maxPoints} points, evenly spaced by index, always keeping the first and last (for plots). */
    public PrCurve downsample(int maxPoints) {
        int[] keep = Downsample.indices(size(), maxPoints);
        if (keep.length == size()) {
            return this;
        }
        return new PrCurve(Downsample.pick(thresholds, keep), Downsample.pick(precision, keep),
                Downsample.pick(recall, keep));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PrCurve[%d points, AP=%.4f]", size(), averagePrecision());
    }
}
