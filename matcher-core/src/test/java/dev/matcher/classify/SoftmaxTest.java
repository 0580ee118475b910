package dev.matcher.classify;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pruned model keeps what decides, and its sparse feature-major prediction path computes the dense logits. */
class SoftmaxTest {
    private static final int K = 5;
    private static final int D = 300;

    @Test
    void trainingPrunesTheSmallWeightsAndKeepsTheDecisiveOnes() {
        Random rnd = new Random(3);
        int n = 2000;
        int[] start = new int[n + 1];
        int[] col = new int[n * 3];
        float[] val = new float[n * 3];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextInt(K);
            col[3 * i] = y[i];                              // feature c says class c
            col[3 * i + 1] = K + rnd.nextInt(D - K);        // two words of noise
            col[3 * i + 2] = K + rnd.nextInt(D - K);
            if (col[3 * i + 2] == col[3 * i + 1]) {
                col[3 * i + 2] = col[3 * i + 1] == D - 1 ? K : col[3 * i + 1] + 1;
            }
            Arrays.sort(col, 3 * i, 3 * i + 3);
            for (int p = 3 * i; p < 3 * i + 3; p++) {
                val[p] = (float) Math.sqrt(1.0 / 3);
            }
            start[i + 1] = 3 * i + 3;
        }
        Softmax m = Softmax.train(new Sparse(D, start, col, val), y, K, 1e-3, 200, null);
        int zero = 0;
        for (int c = 0; c < K; c++) {
            for (int j = 0; j < D; j++) {
                double w = m.w[c * (D + 1) + j];
                assertTrue(w == 0 || Math.abs(w) >= Softmax.PRUNED_BELOW, "weight " + w + " survived pruning");
                zero += w == 0 ? 1 : 0;
            }
            assertTrue(m.w[c * (D + 1) + c] > 1, "the deciding feature of class " + c + " lost its weight");
        }
        assertTrue(zero > 0, "nothing was pruned");
        double[] z = new double[K];
        int[] one = {0, 1};
        for (int c = 0; c < K; c++) {
            m.logits(new Sparse(D, one, new int[] {c}, new float[] {1}), 0, z);
            assertEquals(c, argmax(z), "a record holding only feature " + c);
        }
    }

    @Test
    void predictionLogitsEqualTheDenseClassMajorSum() {
        Random rnd = new Random(5);
        double[] w = new double[K * (D + 1)];
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextGaussian();    // a third pruned, as after training
        }
        Softmax m = new Softmax(K, D, w);
        double[] z = new double[K];
        for (int trial = 0; trial < 200; trial++) {
            int[] col = rnd.ints(0, D).distinct().limit(rnd.nextInt(20)).sorted().toArray();
            float[] val = new float[col.length];
            for (int p = 0; p < col.length; p++) {
                val[p] = rnd.nextFloat();
            }
            m.logits(new Sparse(D, new int[] {0, col.length}, col, val), 0, z);
            for (int c = 0; c < K; c++) {
                double expected = w[c * (D + 1) + D];
                for (int p = 0; p < col.length; p++) {
                    expected += w[c * (D + 1) + col[p]] * val[p];
                }
                assertEquals(expected, z[c], 1e-6 * (1 + Math.abs(expected)), "class " + c + " of trial " + trial);
            }
        }
    }

    private static int argmax(double[] z) {
        int best = 0;
        for (int c = 1; c < z.length; c++) {
            best = z[c] > z[best] ? c : best;
        }
        return best;
    }
}
