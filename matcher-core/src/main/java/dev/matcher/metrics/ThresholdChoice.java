package dev.matcher.metrics;

import java.util.Locale;

/**
 * A decision threshold (match when score >= threshold) with the confusion matrix it gives.
 *
 * <pre>{@code
 * ThresholdChoice best = PairMetrics.of(validScores, validLabels).bestF1();
 * ConfusionMatrix onTest = PairMetrics.of(testScores, testLabels).at(best.threshold());
 * }</pre>
 *
 * @param threshold the score at or above which a pair is called a match
 * @param matrix    the counts at that threshold
 */
public record ThresholdChoice(double threshold, ConfusionMatrix matrix) {
    public double precision() {
        return matrix.precision();
    }

    public double recall() {
        return matrix.recall();
    }

    public double f1() {
        return matrix.f1();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "threshold %.4g: %s", threshold, matrix);
    }
}
