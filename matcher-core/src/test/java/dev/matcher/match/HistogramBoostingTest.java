package dev.matcher.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HistogramBoostingTest {

    @Test
    void binsAgreeWithCutThresholds() {
        Random r = new Random(1);
        double[][] x = new double[1000][1];
        for (double[] row : x) {
            row[0] = r.nextInt(5) == 0 ? -1 : Math.round(r.nextDouble() * 200) / 200.0;
        }
        double[] cuts = HistogramBoosting.cuts(x, 0, 16);
        assertTrue(cuts.length <= 15 && cuts.length >= 10, "cuts " + cuts.length);
        for (int k = 1; k < cuts.length; k++) {
            assertTrue(cuts[k] > cuts[k - 1]);
        }
        for (double[] row : x) {
            int b = HistogramBoosting.binOf(cuts, row[0]);
            for (int k = 0; k < cuts.length; k++) {
                assertEquals(row[0] <= cuts[k], b <= k);
            }
        }
        // few distinct values: one bin each
        double[][] small = {{0}, {1}, {1}, {0.5}, {-1}};
        assertEquals(3, HistogramBoosting.cuts(small, 0, 64).length);
    }

    @Test
    void learnsAnInteractionThatNoSingleFeatureShows() {
        // match iff both features are high (AND): depth-2 trees are needed
        Random r = new Random(2);
        int n = 2000;
        double[][] x = new double[n][3];
        boolean[] y = new boolean[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = r.nextDouble();
            }
            y[i] = x[i][0] > 0.6 && x[i][1] > 0.4;
            w[i] = 1;
        }
        TreeEnsemble t = HistogramBoosting.fit(x, y, w,
                new HistogramBoosting.Params(60, 3, 0.3, 1, 1, 1.0, 64), 7);
        int errors = 0;
        for (int i = 0; i < n; i++) {
            errors += (t.raw(x[i]) > 0) != y[i] ? 1 : 0;
        }
        assertTrue(errors < n / 100, "training errors " + errors);
        assertTrue(t.maxDepth() <= 3);
        assertEquals(60, t.trees());
    }

    @Test
    void weightsShiftTheDecisionTowardTheHeavierClass() {
        Synthetic s = Synthetic.logistic(2000, 3, 4, 0, 3);
        double[] ones = new double[s.x.length];
        double[] heavy = new double[s.x.length];
        for (int i = 0; i < ones.length; i++) {
            ones[i] = 1;
            heavy[i] = s.y[i] ? 5 : 1;
        }
        HistogramBoosting.Params prm = new HistogramBoosting.Params(50, 3, 0.1, 1, 1, 1.0, 32);
        TreeEnsemble plain = HistogramBoosting.fit(s.x, s.y, ones, prm, 1);
        TreeEnsemble weighted = HistogramBoosting.fit(s.x, s.y, heavy, prm, 1);
        int plainPos = 0, weightedPos = 0;
        for (double[] row : s.x) {
            plainPos += plain.raw(row) > 0 ? 1 : 0;
            weightedPos += weighted.raw(row) > 0 ? 1 : 0;
        }
        assertTrue(weightedPos > plainPos * 1.2, plainPos + " vs " + weightedPos);
    }
}
