package dev.matcher.match;

import smile.math.BFGS;
import smile.math.DifferentiableMultivariateFunction;
import smile.math.MathEx;

/**
 * The L2-penalised binomial log-loss of Smile's {@code LogisticRegression.binomial}, summed in row order, minimised
 * by Smile's L-BFGS ({@link BFGS#minimize}, 5 corrections, as Smile does). Why not Smile's own objective: it sums
 * the rows with a parallel stream, whose split (and so the rounding of the sum) follows the parallelism of the pool
 * it runs in, so the fitted weights changed with the pool size and the core count.
 *
 * <pre>{@code
 * double[] w = LogisticLoss.fit(z, labels, 0.1, 1e-5, 500);   // p weights, then the intercept
 * }</pre>
 */
final class LogisticLoss implements DifferentiableMultivariateFunction {
    private final double[][] x;
    private final int[] y;
    private final double lambda;
    private final int p;

    private LogisticLoss(double[][] x, int[] y, double lambda) {
        this.x = x;
        this.y = y;
        this.lambda = lambda;
        this.p = x[0].length;
    }

    /** Weights of the features, then the intercept, for 0/1 labels. */
    static double[] fit(double[][] x, int[] y, double lambda, double tolerance, int maxIterations) {
        double[] w = new double[x[0].length + 1];
        BFGS.minimize(new LogisticLoss(x, y, lambda), 5, w, tolerance, maxIterations);
        return w;
    }

    /** {@code w[p] + x . w}, in Smile's order. */
    private static double dot(double[] x, double[] w) {
        double d = w[x.length];
        for (int j = 0; j < x.length; j++) {
            d += x[j] * w[j];
        }
        return d;
    }

    @Override
    public double f(double[] w) {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            double z = dot(x[i], w);
            f += MathEx.log1pe(z) - y[i] * z;
        }
        return f + penalty(w, null);
    }

    @Override
    public double g(double[] w, double[] g) {
        java.util.Arrays.fill(g, 0);
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            double[] xi = x[i];
            double z = dot(xi, w);
            double err = y[i] - MathEx.logistic(z);
            for (int j = 0; j < p; j++) {
                g[j] -= err * xi[j];
            }
            g[p] -= err;
            f += MathEx.log1pe(z) - y[i] * z;
        }
        return f + penalty(w, g);
    }

    /** {@code lambda / 2 * |w|^2} over the feature weights (not the intercept); adds its gradient to {@code g}. */
    private double penalty(double[] w, double[] g) {
        if (lambda <= 0) {
            return 0;
        }
        double s = 0;
        for (int j = 0; j < p; j++) {
            s += w[j] * w[j];
            if (g != null) {
                g[j] += lambda * w[j];
            }
        }
        return 0.5 * lambda * s;
    }
}
