package dev.matcher.metrics;

import dev.matcher.data.LabelledPairs;

import java.util.Arrays;
import java.util.Locale;

/**
 * Pairwise quality of a scorer: given one score and one true label per pair, the confusion matrix at any threshold,
 * the precision-recall and ROC curves with their areas, the best-F1 threshold, threshold sweeps and score
 * histograms. A pair is predicted a match when its score is at or above the threshold.
 *
 * <p>Built once in O(n log n) (the scores of matches and of non-matches are sorted separately); afterwards a
 * confusion matrix costs O(log n) and each curve O(n). Only primitive arrays are held.
 *
 * <pre>{@code
 * PairMetrics m = PairMetrics.of(scores, labels);
 * ThresholdChoice best = m.bestF1();      // threshold 0.62: tp=90 fp=7 fn=10 tn=893 (P=0.9278 R=0.9000 F1=0.9137)
 * double ap = m.prCurve().averagePrecision();
 * }</pre>
 */
public final class PairMetrics {
    private final double[] matchScores;
    private final double[] nonMatchScores;
    // distinct scores, highest first, with the cumulative counts accepted at each: the curves' operating points
    private final double[] pointThresholds;
    private final long[] pointTp;
    private final long[] pointFp;

    private PairMetrics(double[] matchScores, double[] nonMatchScores) {
        this.matchScores = matchScores;
        this.nonMatchScores = nonMatchScores;
        int n = matchScores.length + nonMatchScores.length;
        double[] thr = new double[n];
        long[] tps = new long[n];
        long[] fps = new long[n];
        int i = matchScores.length - 1;
        int j = nonMatchScores.length - 1;
        long tp = 0;
        long fp = 0;
        int k = 0;
        while (i >= 0 || j >= 0) {
            double t = Math.max(i >= 0 ? matchScores[i] : Double.NEGATIVE_INFINITY,
                    j >= 0 ? nonMatchScores[j] : Double.NEGATIVE_INFINITY);
            for (; i >= 0 && matchScores[i] == t; i--) {
                tp++;
            }
            for (; j >= 0 && nonMatchScores[j] == t; j--) {
                fp++;
            }
            thr[k] = t;
            tps[k] = tp;
            fps[k] = fp;
            k++;
        }
        this.pointThresholds = Arrays.copyOf(thr, k);
        this.pointTp = Arrays.copyOf(tps, k);
        this.pointFp = Arrays.copyOf(fps, k);
    }

    /**
     * Metrics for {@code scores[i]} with true label {@code labels[i]} (true = match).
     *
     * @throws IllegalArgumentException for arrays of different lengths or a NaN score
     */
    public static PairMetrics of(double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + labels.length + " labels");
        }
        int positives = 0;
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            if (labels[i]) {
                positives++;
            }
        }
        double[] pos = new double[positives];
        double[] neg = new double[scores.length - positives];
        for (int i = 0, p = 0, q = 0; i < scores.length; i++) {
            if (labels[i]) {
                pos[p++] = scores[i];
            } else {
                neg[q++] = scores[i];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        return new PairMetrics(pos, neg);
    }

    /** Metrics for scores of labelled pairs, in the pairs' order. */
    public static PairMetrics of(double[] scores, LabelledPairs truth) {
        return of(scores, truth.labels());
    }

    public int size() {
        return matchScores.length + nonMatchScores.length;
    }

    /** The number of true matches. */
    public int positives() {
        return matchScores.length;
    }

    /** The number of true non-matches. */
    public int negatives() {
        return nonMatchScores.length;
    }

    /** The confusion matrix when pairs scoring at or above {@code threshold} are called matches. */
    public ConfusionMatrix at(double threshold) {
        long tp = matchScores.length - firstAtOrAbove(matchScores, threshold);
        long fp = nonMatchScores.length - firstAtOrAbove(nonMatchScores, threshold);
        return new ConfusionMatrix(tp, fp, matchScores.length - tp, nonMatchScores.length - fp);
    }

    private static int firstAtOrAbove(double[] sorted, double threshold) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < threshold) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The threshold with the highest F1 among the observed scores (the threshold is the lowest score still called a
     * match); among equal F1 the highest threshold. With no matches at all, +infinity (call nothing a match).
     */
    public ThresholdChoice bestF1() {
        int best = -1;
        double bestF1 = 0;
        for (int k = 0; k < pointThresholds.length; k++) {
            double f1 = ConfusionMatrix.ratio(2 * pointTp[k], pointTp[k] + pointFp[k] + matchScores.length);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = k;
            }
        }
        double threshold = best < 0 ? Double.POSITIVE_INFINITY : pointThresholds[best];
        return new ThresholdChoice(threshold, at(threshold));
    }

    /**
     * The threshold that maximises F-beta, placed halfway between the lowest score it accepts and the next lower
     * score (the lowest score itself when there is none); among equal F-beta the highest threshold wins. 0.5 when
     * there is no match or no pair.
     *
     * <pre>{@code
     * double t = PairMetrics.of(validScores, validLabels).bestThreshold(1.0);   // max F1, between two scores
     * }</pre>
     */
    public double bestThreshold(double beta) {
        if (matchScores.length == 0) {
            return 0.5;
        }
        double b2 = beta * beta;
        int positives = matchScores.length;
        double bestF = -1;
        double bestT = 0.5;
        for (int k = 0; k < pointThresholds.length; k++) {
            long tp = pointTp[k];
            double f = (1 + b2) * tp / ((1 + b2) * tp + b2 * (positives - tp) + pointFp[k]);
            if (f > bestF) {
                bestF = f;
                bestT = k + 1 < pointThresholds.length ? 0.5 * (pointThresholds[k] + pointThresholds[k + 1])
                        : pointThresholds[k];
            }
        }
        return bestT;
    }

    /**
     * Average precision of the ranking by score with ties broken pessimistically (non-matches ranked before matches
     * of equal score): the mean over matches of the precision at the rank of each; 0 with no match. Unlike
     * {@link #averagePrecision()} a tie never helps, so a scorer that gives every pair the same score gets the
     * match rate, not 1. Model selection in training uses it.
     *
     * <pre>{@code
     * PairMetrics.of(new double[] {1, 1}, new boolean[] {true, false}).averagePrecisionTiesLast();   // 0.5
     * }</pre>
     */
    public double averagePrecisionTiesLast() {
        double sum = 0;
        int tp = 0;
        int rank = 0;
        for (int k = 0; k < pointThresholds.length; k++) {
            rank += (int) (pointFp[k] - (k == 0 ? 0 : pointFp[k - 1]));   // the group's non-matches first
            for (long m = pointTp[k] - (k == 0 ? 0 : pointTp[k - 1]); m > 0; m--) {
                tp++;
                rank++;
                sum += (double) tp / rank;
            }
        }
        return matchScores.length == 0 ? 0 : sum / matchScores.length;
    }

    /** Precision and recall at every distinct score, highest threshold first. */
    public PrCurve prCurve() {
        int n = pointThresholds.length;
        double[] precision = new double[n];
        double[] recall = new double[n];
        for (int k = 0; k < n; k++) {
            precision[k] = ConfusionMatrix.ratio(pointTp[k], pointTp[k] + pointFp[k]);
            recall[k] = ConfusionMatrix.ratio(pointTp[k], matchScores.length);
        }
        return new PrCurve(pointThresholds.clone(), precision, recall);
    }

    /** Average precision (area under the precision-recall step curve); see {@link PrCurve#averagePrecision()}. */
    public double averagePrecision() {
        return prCurve().averagePrecision();
    }

    /** The ROC curve: (0, 0) at threshold +infinity, then one point per distinct score, highest first. */
    public RocCurve rocCurve() {
        int n = pointThresholds.length + 1;
        double[] thresholds = new double[n];
        double[] fpr = new double[n];
        double[] tpr = new double[n];
        thresholds[0] = Double.POSITIVE_INFINITY;
        for (int k = 1; k < n; k++) {
            thresholds[k] = pointThresholds[k - 1];
            fpr[k] = ConfusionMatrix.ratio(pointFp[k - 1], nonMatchScores.length);
            tpr[k] = ConfusionMatrix.ratio(pointTp[k - 1], matchScores.length);
        }
        return new RocCurve(thresholds, fpr, tpr);
    }

    /** Area under the ROC curve; NaN when only one class is present. */
    public double auc() {
        return rocCurve().auc();
    }

    /** Precision, recall and F1 at each of the given thresholds (in the given order). */
    public ThresholdSweep sweep(double[] thresholds) {
        int n = thresholds.length;
        double[] precision = new double[n];
        double[] recall = new double[n];
        double[] f1 = new double[n];
        for (int i = 0; i < n; i++) {
            ConfusionMatrix m = at(thresholds[i]);
            precision[i] = m.precision();
            recall[i] = m.recall();
            f1[i] = m.f1();
        }
        return new ThresholdSweep(thresholds.clone(), precision, recall, f1);
    }

    /**
     * A sweep over {@code steps} evenly spaced thresholds covering {@link #scoreRange()}, both ends included
     * (0.00, 0.01, ..., 1.00 for 101 steps and probability scores).
     */
    public ThresholdSweep sweep(int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("steps must be at least 2, was " + steps);
        }
        double[] range = scoreRange();
        double[] thresholds = new double[steps];
        for (int i = 0; i < steps; i++) {
            thresholds[i] = range[0] + (range[1] - range[0]) * i / (steps - 1);
        }
        return sweep(thresholds);
    }

    /** Match and non-match score counts in {@code bins} equal bins over {@link #scoreRange()}. */
    public ScoreHistogram histogram(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be positive, was " + bins);
        }
        double[] range = scoreRange();
        return new ScoreHistogram(range[0], range[1], count(matchScores, range, bins), count(nonMatchScores, range, bins));
    }

    private static long[] count(double[] scores, double[] range, int bins) {
        long[] counts = new long[bins];
        double width = range[1] - range[0];
        for (double s : scores) {
            int bin = (int) ((s - range[0]) / width * bins);
            counts[Math.max(0, Math.min(bins - 1, bin))]++;
        }
        return counts;
    }

    /**
     * {@code [0, 1]} when every score lies there (probabilities), else {@code [min, max]} of the finite scores
     * (widened by 1 when they are all equal).
     */
    public double[] scoreRange() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] sorted : new double[][] {matchScores, nonMatchScores}) {
            for (double s : sorted) {
                if (Double.isFinite(s)) {
                    min = Math.min(min, s);
                    max = Math.max(max, s);
                }
            }
        }
        if (min > max || (min >= 0 && max <= 1)) {
            return new double[] {0, 1};
        }
        return min == max ? new double[] {min - 0.5, max + 0.5} : new double[] {min, max};
    }

    @Override
    public String toString() {
        ThresholdChoice best = bestF1();
        return String.format(Locale.ROOT, "PairMetrics[%d pairs, %d matches, AP=%.4f, AUC=%.4f, best F1=%.4f at %.4g]",
                size(), positives(), averagePrecision(), auc(), best.f1(), best.threshold());
    }
}
