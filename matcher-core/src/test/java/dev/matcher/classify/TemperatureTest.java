package dev.matcher.classify;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The temperature that calibrates the softmax is found again when logits are over- or under-confident. */
class TemperatureTest {
    @Test
    void temperatureUndoesAScaling() {
        Random rnd = new Random(11);
        int n = 4000;
        int k = 4;
        for (double scale : new double[] {0.4, 1, 3}) {
            double[] logits = new double[n * k];
            int[] y = new int[n];
            double[] p = new double[k];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < k; c++) {
                    p[c] = rnd.nextGaussian() * 2;
                    logits[i * k + c] = p[c] * scale;       // the model's logits: the true ones times a scale
                }
                Softmax.softmax(p, k, 1);
                double u = rnd.nextDouble();
                int c = 0;
                while (c < k - 1 && (u -= p[c]) > 0) {
                    c++;
                }
                y[i] = c;                                  // drawn from the true probabilities
            }
            double t = ClassifierBuilder.temperature(logits, y, k);
            assertEquals(scale, t, 0.15 * scale, "scale " + scale);
            assertTrue(ClassifierBuilder.logLoss(logits, y, k, t) <= ClassifierBuilder.logLoss(logits, y, k, 1) + 1e-12);
        }
    }
}
