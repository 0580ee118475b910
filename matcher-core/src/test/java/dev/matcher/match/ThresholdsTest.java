package dev.matcher.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link Thresholds#robust}: F-beta averaged over a window of thresholds, the middle of the best region. */
class ThresholdsTest {
    private static double[] scores(double[]... groups) {
        return Arrays.stream(groups).flatMapToDouble(Arrays::stream).toArray();
    }

    private static double[] times(double v, int n) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    private static boolean[] labels(int... runs) {
        // alternating runs: positives, negatives, positives, ...
        boolean[] y = new boolean[Arrays.stream(runs).sum()];
        int k = 0;
        for (int r = 0; r < runs.length; r++) {
            for (int i = 0; i < runs[r]; i++) {
                y[k++] = r % 2 == 0;
            }
        }
        return y;
    }

    @Test
    void separatedScoresGiveTheMiddleOfTheGap() {
        // F1 = 1 for thresholds in (0.6, 0.95]: grid 0.605..0.95; full windows of +-0.1 inside: 0.705..0.85
        double[] p = scores(times(0.95, 5), times(0.6, 5));
        boolean[] y = labels(5, 5);
        assertEquals(0.775, Thresholds.robust(p, y, 0.5), 1e-9);
        assertEquals(0.775, Thresholds.best(p, y, 0.5), 1e-9);
    }

    @Test
    void aSpikeOfTwoPairsDoesNotDragTheThresholdToIt() {
        // 20 positives at 0.902, 20 negatives at 0.102, one negative at 0.802 and one positive at 0.812.
        // F1 = 1 only in (0.802, 0.812] (grid 0.805, 0.81); 42/43 in (0.102, 0.802]; 40/41 in (0.812, 0.902].
        // The best window holds both spike points and 39 points at 42/43: centre 0.71 (0.61..0.81), mean 0.97788;
        // 0.715 swaps one 42/43 for 40/41 (0.97784), 0.705 loses a spike point (0.97731).
        double[] p = scores(times(0.902, 20), times(0.102, 20), new double[] {0.812}, new double[] {0.802});
        boolean[] y = labels(20, 20, 1, 1);
        assertEquals(0.807, Thresholds.best(p, y, 0.5), 1e-9);
        assertEquals(0.71, Thresholds.robust(p, y, 0.5), 1e-9);
    }

    @Test
    void noPositivesGiveOneHalfAndLengthsMustAgree() {
        assertEquals(0.5, Thresholds.robust(new double[] {0.2, 0.9}, new boolean[2], 0.5));
        assertThrows(IllegalArgumentException.class, () -> Thresholds.robust(new double[1], new boolean[2], 0.5));
        assertThrows(IllegalArgumentException.class, () -> Thresholds.robust(new double[1], new boolean[1], 2));
    }
}
