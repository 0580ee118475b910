package dev.matcher.match;

import dev.matcher.metrics.PairMetrics;
import java.util.Random;

/** Synthetic pair-feature data: similarities in [0, 1] whose labels follow a known logistic model. */
final class Synthetic {
    final double[][] x;
    final boolean[] y;
    final double[] truth;
    final String[] names;

    private Synthetic(double[][] x, boolean[] y, double[] truth, String[] names) {
        this.x = x;
        this.y = y;
        this.truth = truth;
        this.names = names;
    }

    /**
     * {@code n} rows of {@code p >= 3} features; P(match) = sigmoid(steep * (x0 + 0.5 x1 - 1.1) + shift); the
     * other features are noise. A large negative shift makes matches rare.
     */
    static Synthetic logistic(int n, int p, double steep, double shift, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][p];
        boolean[] y = new boolean[n];
        double[] truth = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = r.nextDouble();
            }
            double z = steep * (x[i][0] + 0.5 * x[i][1] - 1.1) + shift;
            truth[i] = 1 / (1 + Math.exp(-z));
            y[i] = r.nextDouble() < truth[i];
        }
        String[] names = new String[p];
        for (int j = 0; j < p; j++) {
            names[j] = "f" + j;
        }
        return new Synthetic(x, y, truth, names);
    }

    int positives() {
        int c = 0;
        for (boolean b : y) {
            c += b ? 1 : 0;
        }
        return c;
    }

    static double f1(double[] p, boolean[] y, double threshold) {
        return PairMetrics.of(p, y).at(threshold).f1();
    }
}
