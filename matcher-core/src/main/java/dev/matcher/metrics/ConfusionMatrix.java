package dev.matcher.metrics;

import java.util.Locale;

/**
 * Counts of a binary match decision against the truth, with the ratios derived from them.
 * Ratios whose denominator is zero are 0 (e.g. precision when nothing was predicted a match).
 *
 * <pre>{@code
 * ConfusionMatrix m = new ConfusionMatrix(8, 2, 4, 86);
 * m.precision();   // 0.8
 * m.f1();          // 0.727...
 * }</pre>
 *
 * @param truePositives  predicted match, is a match
 * @param falsePositives predicted match, is not a match
 * @param falseNegatives predicted non-match, is a match
 * @param trueNegatives  predicted non-match, is not a match
 */
public record ConfusionMatrix(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {

    public ConfusionMatrix {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0 || trueNegatives < 0) {
            throw new IllegalArgumentException("negative count in " + truePositives + "/" + falsePositives + "/"
                    + falseNegatives + "/" + trueNegatives);
        }
    }

    /** Counts the decisions {@code predicted[i]} against {@code actual[i]}. */
    public static ConfusionMatrix of(boolean[] predicted, boolean[] actual) {
        if (predicted.length != actual.length) {
            throw new IllegalArgumentException(predicted.length + " predictions for " + actual.length + " labels");
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i]) {
                if (actual[i]) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (actual[i]) {
                fn++;
            }
        }
        return new ConfusionMatrix(tp, fp, fn, predicted.length - tp - fp - fn);
    }

    public long total() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    /** The number of true matches. */
    public long positives() {
        return truePositives + falseNegatives;
    }

    /** The number of true non-matches. */
    public long negatives() {
        return falsePositives + trueNegatives;
    }

    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** The harmonic mean of precision and recall, {@code 2tp / (2tp + fp + fn)}. */
    public double f1() {
        return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    /**
     * The F-beta measure, {@code (1 + b²)tp / ((1 + b²)tp + b²fn + fp)}: beta above 1 weighs recall more, below 1
     * precision; 0 with no true positive.
     */
    public double fBeta(double beta) {
        double b2 = beta * beta;
        return truePositives == 0 ? 0
                : (1 + b2) * truePositives / ((1 + b2) * truePositives + b2 * falseNegatives + falsePositives);
    }

    public double accuracy() {
        return ratio(truePositives + trueNegatives, total());
    }

    /** The false-positive rate, {@code fp / (fp + tn)}. */
    public double falsePositiveRate() {
        return ratio(falsePositives, falsePositives + trueNegatives);
    }

    static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "tp=%d fp=%d fn=%d tn=%d (P=%.4f R=%.4f F1=%.4f)",
                truePositives, falsePositives, falseNegatives, trueNegatives, precision(), recall(), f1());
    }
}
