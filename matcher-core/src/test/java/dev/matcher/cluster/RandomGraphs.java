package dev.matcher.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Random scored graphs for property tests: distinct unordered pairs with scores in [0, 1]. */
final class RandomGraphs {
    private RandomGraphs() {
    }

    /** A graph on {@code n} records where each pair is scored with probability {@code density}. */
    static ScoredPairs dedup(long seed, int n, double density) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] l = new int[n * n];
        int[] r = new int[n * n];
        double[] s = new double[n * n];
        int m = 0;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (random.nextDouble() < density) {
                    l[m] = a;
                    r[m] = b;
                    // a mix of clear matches, clear non-matches and doubtful pairs
                    s[m++] = random.nextInt(3) == 0 ? 0.8 + 0.2 * random.nextDouble() : random.nextDouble();
                }
            }
        }
        return shuffled(ScoredPairs.of(Arrays.copyOf(l, m), Arrays.copyOf(r, m), Arrays.copyOf(s, m)), random, true);
    }

    /** Pairs (left record, right record) with left records {@code 0..nLeft-1} and right ones after them. */
    static ScoredPairs linkage(long seed, int nLeft, int nRight, double density) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] l = new int[nLeft * nRight];
        int[] r = new int[nLeft * nRight];
        double[] s = new double[nLeft * nRight];
        int m = 0;
        for (int a = 0; a < nLeft; a++) {
            for (int b = 0; b < nRight; b++) {
                if (random.nextDouble() < density) {
                    l[m] = a;
                    r[m] = nLeft + b;
                    s[m++] = random.nextDouble();
                }
            }
        }
        return shuffled(ScoredPairs.of(Arrays.copyOf(l, m), Arrays.copyOf(r, m), Arrays.copyOf(s, m)), random, false);
    }

    static ScoredPairs shuffled(ScoredPairs p, SplittableRandom random, boolean flipSides) {
        int m = p.size();
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        for (int i = m - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] l = new int[m];
        int[] r = new int[m];
        double[] s = new double[m];
        for (int i = 0; i < m; i++) {
            boolean flip = flipSides && random.nextBoolean();
            l[i] = flip ? p.right(order[i]) : p.left(order[i]);
            r[i] = flip ? p.left(order[i]) : p.right(order[i]);
            s[i] = p.score(order[i]);
        }
        return ScoredPairs.of(l, r, s);
    }

    /** Score of each pair as an n x n matrix; 0 where unscored (the higher score when listed twice). */
    static double[][] matrix(int n, ScoredPairs p) {
        double[][] m = new double[n][n];
        for (int i = 0; i < p.size(); i++) {
            int a = p.left(i);
            int b = p.right(i);
            m[a][b] = Math.max(m[a][b], p.score(i));
            m[b][a] = m[a][b];
        }
        return m;
    }
}
