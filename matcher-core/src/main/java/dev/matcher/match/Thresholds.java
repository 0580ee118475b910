package dev.matcher.match;

import java.util.Arrays;

/**
 * Chooses a decision threshold on labelled probabilities. The precision-recall trade-off knob {@code t} in [0, 1]
 * picks the F-beta measure that is maximised, with {@code beta = 4^(1 - 2t)}: 0.5 is F1 (the default), 1 weighs
 * precision 4 times more than recall (F0.25), 0 weighs recall 4 times more (F4).
 *
 * <pre>{@code
 * double t = Thresholds.best(validProbabilities, validLabels, 0.5);   // max F1
 * }</pre>
 */
public final class Thresholds {
    private Thresholds() {
    }

    /** The beta of the F-measure that the knob selects. */
    public static double beta(double tradeoff) {
        if (!(tradeoff >= 0 && tradeoff <= 1)) {
            throw new IllegalArgumentException("precision-recall trade-off must be in [0, 1], got " + tradeoff);
        }
        return Math.pow(4, 1 - 2 * tradeoff);
    }

    /**
     * The threshold that maximises F-beta: pairs with probability {@code >= threshold} are matches. It lies halfway
     * between the last accepted and the first rejected probability; with no positives it is 0.5.
     */
    public static double best(double[] p, boolean[] y, double tradeoff) {
        if (p.length != y.length) {
            throw new IllegalArgumentException(p.length + " scores for " + y.length + " labels");
        }
        double b2 = beta(tradeoff) * beta(tradeoff);
        int n = p.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        int positives = 0;
        for (boolean b : y) {
            positives += b ? 1 : 0;
        }
        if (positives == 0) {
            return 0.5;
        }
        double bestF = -1;
        double bestT = 0.5;
        int tp = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            tp += y[i] ? 1 : 0;
            if (k + 1 < n && p[order[k + 1]] == p[i]) {
                continue;   // ties are accepted together
            }
            int predicted = k + 1;
            double f = (1 + b2) * tp / ((1 + b2) * tp + b2 * (positives - tp) + (predicted - tp));
            if (f > bestF) {
                bestF = f;
                bestT = k + 1 < n ? 0.5 * (p[i] + p[order[k + 1]]) : p[i];
            }
        }
        return bestT;
    }
}
