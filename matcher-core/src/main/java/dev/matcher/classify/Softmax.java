package dev.matcher.classify;

import dev.matcher.util.Parallel;

import java.util.Arrays;

/**
 * Multinomial logistic regression over sparse rows: weights class-major, {@code w[k * (d + 1) + j]}, the bias of
 * class k at {@code j = d}. Trained by L-BFGS on the mean log-loss plus {@code lambda / 2 * |w|^2} (biases not
 * penalised), then pruned of its smallest weights. The loss is summed over row chunks in chunk order and the gradient
 * is built per class, so results do not depend on the number of threads.
 */
final class Softmax {
    /** Training stops when an iteration improves the objective by less than this share. */
    static final double TOLERANCE = 1e-4;
    /**
     * Feature weights smaller than this are pruned after training: feature values are at most 1 (unit-length TF-IDF
     * per field), so each moves a logit by less than 0.01, while on text most weights are that small (ali 93 % of
     * them, pricerunner 70 %; the top class is unchanged on 99.9 % of held-out rows).
     */
    static final double PRUNED_BELOW = 0.01;
    final int classes;
    final int dims;
    final double[] w;

    Softmax(int classes, int dims, double[] w) {
        if (w.length != (long) classes * (dims + 1)) {
            throw new IllegalArgumentException(w.length + " weights for " + classes + " classes of " + dims
                    + " features");
        }
        this.classes = classes;
        this.dims = dims;
        this.w = w;
    }

    /**
     * The non-zero weights feature-major for prediction, as floats (half the memory traffic; a score differs from the
     * double one by about 1e-7 of its size): feature j's classes and weights at {@code [start[j], start[j + 1])}.
     * Made when first used.
     */
    private record ByFeature(float[] bias, int[] start, int[] classOf, float[] weight) {
    }

    private volatile ByFeature byFeature;

    /**
     * Raw class scores (logits) of one row, for prediction: a row of {@code m} features reads the {@code m} runs of
     * its features' non-zero weights (pruned by {@link #train}: a tenth to a third of them on text), not {@code m * k}.
     */
    void logits(Sparse x, int row, double[] out) {
        ByFeature t = byFeature;
        if (t == null) {
            t = transpose();
        }
        float[] bias = t.bias;
        for (int c = 0; c < classes; c++) {
            out[c] = bias[c];
        }
        int[] start = t.start;
        int[] classOf = t.classOf;
        float[] weight = t.weight;
        int to = x.start[row + 1];
        for (int p = x.start[row]; p < to; p++) {
            int j = x.col[p];
            double v = x.val[p];
            for (int i = start[j], end = start[j + 1]; i < end; i++) {
                out[classOf[i]] += weight[i] * v;
            }
        }
    }

    private synchronized ByFeature transpose() {
        if (byFeature == null) {
            int k = classes;
            int d = dims;
            float[] bias = new float[k];
            int[] start = new int[d + 1];
            for (int c = 0; c < k; c++) {
                bias[c] = (float) w[c * (d + 1) + d];
                for (int j = 0; j < d; j++) {
                    if (w[c * (d + 1) + j] != 0) {
                        start[j + 1]++;
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                start[j + 1] += start[j];
            }
            int[] classOf = new int[start[d]];
            float[] weight = new float[start[d]];
            int[] next = Arrays.copyOf(start, d);
            for (int c = 0; c < k; c++) {              // classes in order within each feature's run
                for (int j = 0; j < d; j++) {
                    double v = w[c * (d + 1) + j];
                    if (v != 0) {
                        classOf[next[j]] = c;
                        weight[next[j]++] = (float) v;
                    }
                }
            }
            byFeature = new ByFeature(bias, start, classOf, weight);
        }
        return byFeature;
    }

    private static void logits(double[] w, int k, int d, Sparse x, int row, double[] out) {
        int from = x.start[row];
        int to = x.start[row + 1];
        for (int c = 0; c < k; c++) {
            int base = c * (d + 1);
            double z = w[base + d];
            for (int p = from; p < to; p++) {
                z += w[base + x.col[p]] * x.val[p];
            }
            out[c] = z;
        }
    }

    /** Softmax of {@code z / temperature} in place. */
    static void softmax(double[] z, int k, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, z[c]);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            z[c] = Math.exp((z[c] - max) / temperature);
            sum += z[c];
        }
        for (int c = 0; c < k; c++) {
            z[c] /= sum;
        }
    }

    /**
     * Trains on rows {@code x} with classes {@code y} (each in [0, k)); {@code init} (may be null) is a warm start.
     * Feature weights below {@link #PRUNED_BELOW} in magnitude are then set to zero.
     */
    static Softmax train(Sparse x, int[] y, int k, double lambda, int maxIterations, double[] init) {
        int d = x.dims;
        int size = k * (d + 1);
        Objective f = new Objective(x, y, k, lambda);
        double[] w = init != null ? init.clone() : new double[size];
        lbfgs(f, w, maxIterations, 7, TOLERANCE);
        for (int i = 0; i < size; i++) {
            if (i % (d + 1) != d && Math.abs(w[i]) < PRUNED_BELOW) {
                w[i] = 0;
            }
        }
        return new Softmax(k, d, w);
    }

    /** Mean log-loss plus the L2 penalty, and its gradient. */
    static final class Objective {
        final Sparse x;
        final int[] y;
        final int k;
        final double lambda;
        final double[] residual;

        Objective(Sparse x, int[] y, int k, double lambda) {
            this.x = x;
            this.y = y;
            this.k = k;
            this.lambda = lambda;
            this.residual = new double[x.rows * k];
        }

        double value(double[] w, double[] grad) {
            int d = x.dims;
            int n = x.rows;
            Double[] parts = Parallel.map(n, 128, Double[]::new, (from, to) -> {
                double[] z = new double[k];
                double loss = 0;
                for (int i = from; i < to; i++) {
                    logits(w, k, d, x, i, z);
                    double max = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < k; c++) {
                        max = Math.max(max, z[c]);
                    }
                    double sum = 0;
                    for (int c = 0; c < k; c++) {
                        sum += Math.exp(z[c] - max);
                    }
                    double logSum = max + Math.log(sum);
                    loss += logSum - z[y[i]];
                    int at = i * k;
                    for (int c = 0; c < k; c++) {
                        residual[at + c] = Math.exp(z[c] - logSum);
                    }
                    residual[at + y[i]] -= 1;
                }
                return loss;
            });
            double loss = 0;
            for (Double p : parts) {
                loss += p;
            }
            loss /= n;
            Parallel.forEach(k, c -> {
                int base = c * (d + 1);
                Arrays.fill(grad, base, base + d + 1, 0);
                double bias = 0;
                for (int i = 0; i < n; i++) {
                    double r = residual[i * k + c];
                    int to = x.start[i + 1];
                    for (int p = x.start[i]; p < to; p++) {
                        grad[base + x.col[p]] += r * x.val[p];
                    }
                    bias += r;
                }
                for (int j = 0; j < d; j++) {
                    grad[base + j] = grad[base + j] / n + lambda * w[base + j];
                }
                grad[base + d] = bias / n;
            });
            double penalty = 0;
            for (int c = 0; c < k; c++) {
                int base = c * (d + 1);
                for (int j = 0; j < d; j++) {
                    penalty += w[base + j] * w[base + j];
                }
            }
            return loss + lambda / 2 * penalty;
        }
    }

    /** Limited-memory BFGS with a backtracking (Armijo) line search; {@code w} is updated in place. */
    static void lbfgs(Objective f, double[] w, int maxIterations, int memory, double tolerance) {
        int size = w.length;
        double[][] s = new double[memory][];
        double[][] yy = new double[memory][];
        double[] rho = new double[memory];
        double[] g = new double[size];
        double[] gNew = new double[size];
        double[] dir = new double[size];
        double[] wNew = new double[size];
        double[] alpha = new double[memory];
        double fx = f.value(w, g);
        int stored = 0;
        int head = 0;
        for (int it = 0; it < maxIterations; it++) {
            // two-loop recursion: dir = -H g
            for (int i = 0; i < size; i++) {
                dir[i] = -g[i];
            }
            for (int m = 0; m < stored; m++) {
                int j = Math.floorMod(head - 1 - m, memory);
                alpha[j] = rho[j] * dot(s[j], dir);
                axpy(-alpha[j], yy[j], dir);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, memory);
                double gamma = dot(s[last], yy[last]) / dot(yy[last], yy[last]);
                for (int i = 0; i < size; i++) {
                    dir[i] *= gamma;
                }
            } else {
                double norm = Math.sqrt(dot(g, g));
                if (norm == 0) {
                    return;
                }
                for (int i = 0; i < size; i++) {
                    dir[i] /= Math.max(1, norm);
                }
            }
            for (int m = stored - 1; m >= 0; m--) {
                int j = Math.floorMod(head - 1 - m, memory);
                double beta = rho[j] * dot(yy[j], dir);
                axpy(alpha[j] - beta, s[j], dir);
            }
            double slope = dot(g, dir);
            if (slope >= 0) {            // not a descent direction: restart from the gradient
                stored = 0;
                for (int i = 0; i < size; i++) {
                    dir[i] = -g[i];
                }
                slope = dot(g, dir);
                if (slope == 0) {
                    return;
                }
            }
            double step = 1;
            double fNew;
            int tries = 0;
            while (true) {
                for (int i = 0; i < size; i++) {
                    wNew[i] = w[i] + step * dir[i];
                }
                fNew = f.value(wNew, gNew);
                if (fNew <= fx + 1e-4 * step * slope || ++tries >= 30) {
                    break;
                }
                step *= 0.5;
            }
            if (!(fNew <= fx)) {
                return;                   // no progress along the direction: converged as far as it goes
            }
            double[] sNew = s[head] != null ? s[head] : new double[size];
            double[] yNew = yy[head] != null ? yy[head] : new double[size];
            for (int i = 0; i < size; i++) {
                sNew[i] = wNew[i] - w[i];
                yNew[i] = gNew[i] - g[i];
            }
            double sy = dot(sNew, yNew);
            if (sy > 1e-12) {
                s[head] = sNew;
                yy[head] = yNew;
                rho[head] = 1 / sy;
                head = (head + 1) % memory;
                stored = Math.min(stored + 1, memory);
            } else {
                stored = 0;               // curvature lost (or an old pair overwritten): restart the memory
                head = 0;
            }
            System.arraycopy(wNew, 0, w, 0, size);
            System.arraycopy(gNew, 0, g, 0, size);
            double improvement = fx - fNew;
            fx = fNew;
            if (improvement <= tolerance * Math.max(1, Math.abs(fx))) {
                return;
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }
}
