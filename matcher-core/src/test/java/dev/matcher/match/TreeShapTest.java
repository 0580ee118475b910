package dev.matcher.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TreeShapTest {

    /** Path-dependent expectation: features in the set follow x, others split by the training covers. */
    private static double expectation(TreeEnsemble t, int[] feature, double[] threshold, int[] left, int[] right,
                                      double[] value, double[] cover, int node, double[] x, int set) {
        if (feature[node] < 0) {
            return value[node];
        }
        int f = feature[node];
        if ((set >> f & 1) != 0) {
            int next = x[f] <= threshold[node] ? left[node] : right[node];
            return expectation(t, feature, threshold, left, right, value, cover, next, x, set);
        }
        double l = expectation(t, feature, threshold, left, right, value, cover, left[node], x, set);
        double r = expectation(t, feature, threshold, left, right, value, cover, right[node], x, set);
        return (cover[left[node]] * l + cover[right[node]] * r) / cover[node];
    }

    @Test
    void treeShapEqualsBruteForceShapleyValues() {
        // one tree over 4 features, feature 0 used twice on a path
        int[] feature = {0, 1, 2, -1, -1, 0, -1, -1, 3, -1, -1};
        double[] threshold = {0.5, 0.3, 0.7, 0, 0, 0.2, 0, 0, 0.6, 0, 0};
        int[] left = {1, 2, 3, -1, -1, 6, -1, -1, 9, -1, -1};
        int[] right = {8, 5, 4, -1, -1, 7, -1, -1, 10, -1, -1};
        double[] value = {0, 0, 0, 1.5, -0.5, 0, 2.0, 0.25, 0, -1.0, 3.0};
        double[] cover = {100, 60, 35, 20, 15, 25, 10, 15, 40, 30, 10};
        TreeEnsemble t = new TreeEnsemble(ModelType.GRADIENT_BOOSTING, 4, 0.1, new int[] {0}, feature, threshold,
                left, right, value, cover);
        Random r = new Random(5);
        int p = 4;
        long[] fact = {1, 1, 2, 6, 24};
        for (int trial = 0; trial < 50; trial++) {
            double[] x = {r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextDouble()};
            double[] phi = t.contributions(x);
            for (int i = 0; i < p; i++) {
                double expected = 0;
                for (int s = 0; s < 1 << p; s++) {
                    if ((s >> i & 1) != 0) {
                        continue;
                    }
                    int size = Integer.bitCount(s);
                    double w = (double) fact[size] * fact[p - size - 1] / fact[p];
                    expected += w * (expectation(t, feature, threshold, left, right, value, cover, 0, x, s | 1 << i)
                            - expectation(t, feature, threshold, left, right, value, cover, 0, x, s));
                }
                assertEquals(expected, phi[i], 1e-12, "feature " + i + " at trial " + trial);
            }
            double sum = t.baseValue();
            for (double v : phi) {
                sum += v;
            }
            assertEquals(t.raw(x), sum, 1e-12);
        }
    }

    @Test
    void contributionsOfATrainedEnsembleAddUpToItsScore() {
        Synthetic s = Synthetic.logistic(500, 6, 10, 0, 9);
        CalibratedModel m = ModelTrainer.builder().search(false).folds(2).build().train(s.x, s.y, s.names).model();
        for (int i = 0; i < 50; i++) {
            Explanation e = m.explain(s.x[i]);
            double sum = e.base();
            for (double c : e.contributions()) {
                sum += c;
            }
            assertEquals(e.raw(), sum, 1e-9);
        }
        // the label depends on f0 and f1 only: they lead the importance ranking
        String[] top = m.featureImportance().top(2);
        assertEquals(java.util.Set.of("f0", "f1"), java.util.Set.of(top));
    }

    @Test
    void singleLeafTreesAddTheirValueAndAreReadByNoFeature() {
        // tree 0: a leaf (a boosting round without a split); tree 1: a stump on feature 2
        int[] feature = {-1, 2, -1, -1};
        double[] threshold = {0, 0.5, 0, 0};
        int[] left = {-1, 2, -1, -1};
        int[] right = {-1, 3, -1, -1};
        double[] value = {0.75, 0, -1, 2};
        double[] cover = {10, 10, 4, 6};
        TreeEnsemble t = new TreeEnsemble(ModelType.GRADIENT_BOOSTING, 3, 0.5, new int[] {0, 1}, feature, threshold,
                left, right, value, cover);
        assertEquals(0.5 + 0.75 - 1, t.raw(new double[] {9, 9, 0.4}), 1e-12);
        double[] out = new double[2];
        t.raw(new double[][] {{0, 0, 0.4}, {0, 0, 0.6}}, 0, 2, out);
        assertEquals(0.25, out[0], 1e-12);
        assertEquals(0.5 + 0.75 + 2, out[1], 1e-12);
        assertEquals(java.util.BitSet.valueOf(new long[] {0b100}), t.featuresRead());
    }
}
