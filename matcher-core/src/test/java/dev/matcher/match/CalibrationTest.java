package dev.matcher.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void isotonicIsMonotoneAndRecoversADistortedProbability() {
        Random r = new Random(1);
        int n = 20000;
        double[] raw = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            double p = r.nextDouble();
            raw[i] = p * p * p;        // a monotone distortion of the true probability
            y[i] = r.nextDouble() < p;
        }
        Calibration c = Calibration.fit(Calibration.Method.AUTO, raw, y);
        assertEquals(Calibration.Method.ISOTONIC, c.method());
        double prev = 0;
        for (double q = 0; q <= 1; q += 0.01) {
            double p = c.probability(q * q * q);
            assertTrue(p >= prev - 1e-12);
            prev = p;
        }
        assertEquals(0.5, c.probability(0.125), 0.05);
        assertEquals(0.9, c.probability(0.729), 0.05);
    }

    @Test
    void plattFitsALogisticCurve() {
        Random r = new Random(2);
        int n = 300;
        double[] raw = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            raw[i] = r.nextGaussian() * 3;
            y[i] = r.nextDouble() < Calibration.sigmoid(0.5 * raw[i] - 1);
        }
        Calibration c = Calibration.fit(Calibration.Method.AUTO, raw, y);
        assertEquals(Calibration.Method.PLATT, c.method());
        assertEquals(Calibration.sigmoid(0.5 * 2 - 1), c.probability(2), 0.12);
        assertTrue(c.probability(-5) < c.probability(0) && c.probability(0) < c.probability(5));
    }

    @Test
    void plattStaysSaneWhenTheScoresSeparateTheClassesPerfectly() {
        // like the out-of-fold log-odds of a boosted model on a small easy dataset
        double[] raw = new double[60];
        boolean[] y = new boolean[60];
        for (int i = 0; i < 60; i++) {
            y[i] = i % 5 == 0;
            raw[i] = y[i] ? 6 + i % 3 : -7 - i % 4;
        }
        Calibration c = Calibration.fit(Calibration.Method.PLATT, raw, y);
        assertTrue(c.probability(7) > 0.8, c.toString());
        assertTrue(c.probability(-8) < 0.2, c.toString());
        assertTrue(c.probability(0) > c.probability(-8) && c.probability(7) > c.probability(0));
    }

    @Test
    void thresholdMaximisesF1AndTheKnobMovesIt() {
        double[] p = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
        boolean[] y = {true, false, true, false, false, true};
        // F1: top 3 and all 6 both give 2/3, the first wins; F0.25: top 1 (0.895); F4: all 6 (0.944)
        assertEquals(0.65, Thresholds.best(p, y, 0.5), 1e-12);
        assertEquals(0.85, Thresholds.best(p, y, 1.0), 1e-12);
        assertEquals(0.4, Thresholds.best(p, y, 0.0), 1e-12);
        assertEquals(1.0, Thresholds.beta(0.5), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Thresholds.best(p, y, 1.5));
    }
}
