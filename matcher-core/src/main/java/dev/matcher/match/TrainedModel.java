package dev.matcher.match;

/**
 * A trained, uncalibrated scoring function over a feature vector, with additive explanations.
 * {@code raw(x) == baseValue() + sum(contributions(x))} up to rounding.
 *
 * <pre>{@code
 * TrainedModel m = ...;                 // from ModelTrainer
 * double s = m.raw(features);
 * double[] why = m.contributions(features);
 * }</pre>
 */
public sealed interface TrainedModel permits TreeEnsemble, LinearModel {
    /** Number of features expected in a vector. */
    int features();

    /** The raw score: log-odds for boosting and logistic regression, a match fraction for random forests. */
    double raw(double[] x);

    /** Raw scores of rows {@code from..to-1} into {@code out[0..to-from-1]}. */
    default void raw(double[][] rows, int from, int to, double[] out) {
        for (int i = from; i < to; i++) {
            out[i - from] = raw(rows[i]);
        }
    }

    /** The features {@link #raw} reads (a tree model splits on a fraction of them): the others may hold anything. */
    java.util.BitSet featuresRead();

    /** The expected raw score over the training data (the explanation baseline). */
    double baseValue();

    /** Per-feature additive contributions to {@link #raw} (exact TreeSHAP for trees, centred terms for linear). */
    double[] contributions(double[] x);

    /** Which algorithm produced the model. */
    ModelType type();

    /** Unit of the raw score, for printing explanations. */
    default String unit() {
        return type() == ModelType.RANDOM_FOREST ? "probability" : "log-odds";
    }
}
