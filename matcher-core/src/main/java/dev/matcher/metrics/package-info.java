/**
 * Pairwise quality of a match scorer from scores and true labels, the one place F1, F-beta and average precision
 * are computed (training chooses its model and threshold with them, evaluation reports them): {@link dev.matcher.metrics.PairMetrics}
 * gives the confusion matrix at any threshold, precision-recall and ROC curves with their areas, the best-F1
 * threshold, threshold sweeps and score histograms, all from primitive arrays in O(n log n).
 *
 * <pre>{@code
 * PairMetrics valid = PairMetrics.of(validScores, validLabels);
 * double t = valid.bestF1().threshold();
 * ConfusionMatrix test = PairMetrics.of(testScores, testLabels).at(t);
 * }</pre>
 */
package dev.matcher.metrics;
