package dev.matcher.match;

import java.util.Arrays;
import java.util.Random;

/**
 * Gradient-boosted trees on the logistic loss with histogram split finding (the LightGBM / XGBoost "hist" method),
 * written on primitive arrays. Features are cut once into at most {@code bins} quantile bins; each tree grows depth-wise,
 * a node's gradient/hessian histogram is built from its rows, its sibling's by subtraction from the parent. Leaves
 * take the Newton step {@code -G / (H + lambda)} times the learning rate; samples carry weights (rare matches are
 * up-weighted). The result is a {@link TreeEnsemble} whose raw score is the log-odds.
 *
 * <p>Why not Smile's {@code GradientTreeBoost}: Smile 2.6 scans every training row for every node and feature through
 * its {@code Tuple} interface; on 13,000 pairs x 40 features one 200-tree fit took 38 s here, this one about a second.
 * Nodes go to a {@link TreeBuilder}, as Smile's trees do ({@link SmileTrees}).
 */
final class HistogramBoosting {
    /** Hyper-parameters. */
    record Params(int trees, int maxDepth, double learningRate, double lambda, double minChildWeight,
                  double subsample, int bins) {
    }

    private HistogramBoosting() {
    }

    static TreeEnsemble fit(double[][] x, boolean[] y, double[] weight, Params prm, long seed) {
        int n = x.length;
        int p = x[0].length;
        double[][] cuts = new double[p][];
        byte[][] bin = new byte[p][n];
        for (int j = 0; j < p; j++) {
            cuts[j] = cuts(x, j, prm.bins());
            for (int i = 0; i < n; i++) {
                bin[j][i] = (byte) binOf(cuts[j], x[i][j]);
            }
        }
        double sw = 0;
        double swPos = 0;
        for (int i = 0; i < n; i++) {
            sw += weight[i];
            swPos += y[i] ? weight[i] : 0;
        }
        double base = Math.log(Math.max(swPos, 1e-9) / Math.max(sw - swPos, 1e-9));
        double[] f = new double[n];
        Arrays.fill(f, base);
        double[] g = new double[n];
        double[] h = new double[n];
        Random rnd = new Random(seed);
        Grower grower = new Grower(bin, cuts, prm, p);
        int[] rows = new int[n];
        for (int t = 0; t < prm.trees(); t++) {
            for (int i = 0; i < n; i++) {
                double pr = 1 / (1 + Math.exp(-f[i]));
                g[i] = weight[i] * (pr - (y[i] ? 1 : 0));
                h[i] = Math.max(weight[i] * pr * (1 - pr), 1e-16);
            }
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (prm.subsample() >= 1 || rnd.nextDouble() < prm.subsample()) {
                    rows[m++] = i;
                }
            }
            grower.grow(Arrays.copyOf(rows, m), g, h);
            // update all rows (also those left out of the subsample) with the new tree
            for (int i = 0; i < n; i++) {
                f[i] += grower.predictBinned(i);
            }
        }
        return grower.build(base);
    }

    /** Cut points: x <= cuts[k] falls in bin k, above the last cut in the last bin. */
    static double[] cuts(double[][] x, int j, int bins) {
        double[] v = new double[x.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = x[i][j];
        }
        Arrays.sort(v);
        double[] distinct = new double[v.length];
        int d = 0;
        for (int i = 0; i < v.length; i++) {
            if (d == 0 || v[i] != distinct[d - 1]) {
                distinct[d++] = v[i];
            }
        }
        if (d <= bins) {
            return Arrays.copyOf(distinct, Math.max(0, d - 1));
        }
        double[] c = new double[bins - 1];
        int k = 0;
        for (int q = 1; q < bins; q++) {
            double cut = v[(int) ((long) q * v.length / bins)];
            if (cut < distinct[d - 1] && (k == 0 || cut > c[k - 1])) {
                c[k++] = cut;
            }
        }
        return Arrays.copyOf(c, k);
    }

    static int binOf(double[] cuts, double value) {
        int lo = 0;
        int hi = cuts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (value <= cuts[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Grows trees one at a time and accumulates them in flat arrays (also per class, by {@link MulticlassTrees}). */
    static final class Grower {
        private final byte[][] bin;
        private final double[][] cuts;
        private final Params prm;
        private final int p;
        private final int nb;
        private final TreeBuilder out = new TreeBuilder();
        /** Per node, the last bin of its split that goes left (for predicting on the binned rows). */
        private int[] splitBin = new int[1024];
        private int root;

        Grower(byte[][] bin, double[][] cuts, Params prm, int p) {
            this.bin = bin;
            this.cuts = cuts;
            this.prm = prm;
            this.p = p;
            int max = 1;
            for (double[] c : cuts) {
                max = Math.max(max, c.length + 1);
            }
            this.nb = max;
        }

        /** Histogram of gradient and hessian sums per feature and bin: [j * nb + b]. */
        private void histogram(int[] rows, int from, int to, double[] g, double[] h, double[] hg, double[] hh) {
            Arrays.fill(hg, 0);
            Arrays.fill(hh, 0);
            for (int j = 0; j < p; j++) {
                byte[] col = bin[j];
                int off = j * nb;
                for (int k = from; k < to; k++) {
                    int r = rows[k];
                    int b = off + (col[r] & 0xFF);
                    hg[b] += g[r];
                    hh[b] += h[r];
                }
            }
        }

        void grow(int[] rows, double[] g, double[] h) {
            root = out.root();
            double[] hg = new double[p * nb];
            double[] hh = new double[p * nb];
            histogram(rows, 0, rows.length, g, h, hg, hh);
            split(root, rows, 0, rows.length, hg, hh, 0, g, h);
        }

        private void split(int node, int[] rows, int from, int to, double[] hg, double[] hh, int depth, double[] g,
                           double[] h) {
            double gs = 0;
            double hs = 0;
            for (int b = 0; b < nb; b++) {   // totals from the first feature's histogram
                gs += hg[b];
                hs += hh[b];
            }
            out.cover(node, to - from);
            double lambda = prm.lambda();
            double leaf = -gs / (hs + lambda) * prm.learningRate();
            if (depth >= prm.maxDepth() || to - from < 2) {
                out.leaf(node, leaf);
                return;
            }
            double parentScore = gs * gs / (hs + lambda);
            double bestGain = 1e-12;
            int bestF = -1;
            int bestB = -1;
            for (int j = 0; j < p; j++) {
                int off = j * nb;
                int last = cuts[j].length;   // bins 0..last
                double gl = 0;
                double hl = 0;
                for (int b = 0; b < last; b++) {
                    gl += hg[off + b];
                    hl += hh[off + b];
                    double gr = gs - gl;
                    double hr = hs - hl;
                    if (hl < prm.minChildWeight() || hr < prm.minChildWeight()) {
                        continue;
                    }
                    double gain = gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - parentScore;
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestF = j;
                        bestB = b;
                    }
                }
            }
            if (bestF < 0) {
                out.leaf(node, leaf);
                return;
            }
            // partition rows[from, to) in place: bin <= bestB to the left
            byte[] col = bin[bestF];
            int i = from;
            int k = to - 1;
            while (i <= k) {
                if ((col[rows[i]] & 0xFF) <= bestB) {
                    i++;
                } else {
                    int t = rows[i];
                    rows[i] = rows[k];
                    rows[k--] = t;
                }
            }
            int mid = i;
            int l = out.node();
            int r = out.node();
            out.split(node, bestF, cuts[bestF][bestB], l, r);
            if (node >= splitBin.length) {
                splitBin = Arrays.copyOf(splitBin, Math.max(2 * splitBin.length, node + 1));
            }
            splitBin[node] = bestB;
            // the smaller child gets a fresh histogram, the larger one is parent minus smaller
            boolean leftSmall = mid - from <= to - mid;
            double[] sg = new double[hg.length];
            double[] sh = new double[hh.length];
            if (leftSmall) {
                histogram(rows, from, mid, g, h, sg, sh);
            } else {
                histogram(rows, mid, to, g, h, sg, sh);
            }
            for (int q = 0; q < hg.length; q++) {
                hg[q] -= sg[q];
                hh[q] -= sh[q];
            }
            if (leftSmall) {
                split(l, rows, from, mid, sg, sh, depth + 1, g, h);
                split(r, rows, mid, to, hg, hh, depth + 1, g, h);
            } else {
                split(l, rows, from, mid, hg, hh, depth + 1, g, h);
                split(r, rows, mid, to, sg, sh, depth + 1, g, h);
            }
        }

        /** The last tree's output for training row i, on the binned data. */
        double predictBinned(int i) {
            int n = root;
            int f;
            while ((f = out.feature(n)) >= 0) {
                n = (bin[f][i] & 0xFF) <= splitBin[n] ? out.left(n) : out.right(n);
            }
            return out.value(n);
        }

        /** The last tree's output for a raw feature vector (as {@link TreeEnsemble} walks it). */
        double predictLast(double[] x) {
            int n = root;
            int f;
            while ((f = out.feature(n)) >= 0) {
                n = x[f] <= out.threshold(n) ? out.left(n) : out.right(n);
            }
            return out.value(n);
        }

        TreeEnsemble build(double base) {
            return out.build(ModelType.GRADIENT_BOOSTING, p, base);
        }

        /** The first {@code trees} trees grown. */
        TreeEnsemble build(double base, int trees) {
            return out.build(ModelType.GRADIENT_BOOSTING, p, base, trees);
        }
    }
}
