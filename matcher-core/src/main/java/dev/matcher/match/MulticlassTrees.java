package dev.matcher.match;

import dev.matcher.util.Parallel;

import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Gradient-boosted trees for {@code k} classes on the softmax loss (one tree per class and round, as XGBoost's
 * {@code multi:softprob}), grown by {@link HistogramBoosting}'s histogram method, on top of given starting scores
 * (another model's logits: the trees learn what that model missed). Each class's trees read the shared features and,
 * as their last feature, a column of the class's own (another model's score of that class), so that a hundred classes
 * do not make a hundred features. With a validation set the rounds stop when its log-loss has not improved for
 * {@code patience} rounds, and the best round count is kept.
 *
 * <p>Classes are grown in parallel within a round; each class's trees depend only on the previous rounds, so the
 * result does not depend on the number of threads. Internal support of the classifier ({@code dev.matcher.classify}),
 * not an API of its own.
 *
 * <pre>{@code
 * MulticlassTrees t = MulticlassTrees.fit(x, own, margin, y, k, MulticlassTrees.Params.DEFAULTS, null);
 * t.addScores(row, ownScores, logits);     // logits[c] += class c's trees
 * }</pre>
 */
public final class MulticlassTrees {
    /** Hyper-parameters: rounds at most, rounds without validation gain before stopping, depth, shrinkage, ... */
    public record Params(int maxRounds, int patience, int maxDepth, double learningRate, double lambda,
                         double minChildWeight, int bins) {
        public static final Params DEFAULTS = new Params(100, 10, 4, 0.1, 1, 1, 64);

        public Params {
            if (maxRounds < 1 || patience < 1 || maxDepth < 1 || maxDepth > 16 || !(learningRate > 0)
                    || !(lambda >= 0) || !(minChildWeight >= 0) || bins < 2 || bins > 256) {
                throw new IllegalArgumentException("bad tree parameters: " + maxRounds + " rounds, patience " + patience
                        + ", depth " + maxDepth + ", learning rate " + learningRate + ", lambda " + lambda
                        + ", min child weight " + minChildWeight + ", " + bins + " bins");
            }
        }
    }

    /** Held-out rows to stop on: shared features, own columns ({@code [class][row]}), starting scores, classes. */
    public record Validation(double[][] x, double[][] own, double[] margin, int[] y) {
    }

    private final TreeEnsemble[] trees;
    private final int shared;
    private final int rounds;

    private MulticlassTrees(TreeEnsemble[] trees, int shared, int rounds) {
        this.trees = trees;
        this.shared = shared;
        this.rounds = rounds;
    }

    /**
     * Fits on rows {@code x} ({@code n} rows of {@code p} finite values), own columns {@code own[c][i]}, starting
     * scores {@code margin[i * k + c]} and classes {@code y}; {@code valid} (may be null) stops the rounds early.
     */
    public static MulticlassTrees fit(double[][] x, double[][] own, double[] margin, int[] y, int k, Params prm,
                                      Validation valid) {
        int n = x.length;
        int p = n == 0 ? 0 : x[0].length;
        if (n == 0 || own.length != k || margin.length != (long) n * k || y.length != n) {
            throw new IllegalArgumentException("inconsistent training data: " + n + " rows, " + own.length
                    + " own columns, " + margin.length + " scores for " + k + " classes");
        }
        double[][] cuts = new double[p + 1][];
        byte[][] bins = new byte[p + 1][];
        for (int j = 0; j < p; j++) {
            cuts[j] = HistogramBoosting.cuts(x, j, prm.bins());
            bins[j] = bin(cuts[j], x, j);
        }
        HistogramBoosting.Params hp = new HistogramBoosting.Params(prm.maxRounds(), prm.maxDepth(),
                prm.learningRate(), prm.lambda(), prm.minChildWeight(), 1, prm.bins());
        HistogramBoosting.Grower[] growers = new HistogramBoosting.Grower[k];
        for (int c = 0; c < k; c++) {
            double[][] col = new double[n][1];
            for (int i = 0; i < n; i++) {
                col[i][0] = own[c][i];
            }
            double[][] cc = cuts.clone();
            byte[][] bc = bins.clone();
            cc[p] = HistogramBoosting.cuts(col, 0, prm.bins());
            bc[p] = bin(cc[p], col, 0);
            growers[c] = new HistogramBoosting.Grower(bc, cc, hp, p + 1);
        }
        double[] f = margin.clone();
        double[] vf = valid == null ? null : valid.margin().clone();
        double[][] g = new double[k][n];
        double[][] h = new double[k][n];
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        double best = valid == null ? Double.NaN : logLoss(vf, valid.y(), k);
        int bestRounds = 0;
        int done = 0;
        for (int t = 0; t < prm.maxRounds(); t++) {
            gradients(f, y, k, g, h);
            Parallel.forEach(k, c -> {
                HistogramBoosting.Grower gr = growers[c];
                gr.grow(all.clone(), g[c], h[c]);
                for (int i = 0; i < n; i++) {
                    f[i * k + c] += gr.predictBinned(i);
                }
                if (valid != null) {
                    double[] row = new double[p + 1];
                    for (int i = 0; i < valid.y().length; i++) {
                        System.arraycopy(valid.x()[i], 0, row, 0, p);
                        row[p] = valid.own()[c][i];
                        vf[i * k + c] += gr.predictLast(row);
                    }
                }
            });
            done = t + 1;
            if (valid != null) {
                double loss = logLoss(vf, valid.y(), k);
                if (loss < best - 1e-9) {
                    best = loss;
                    bestRounds = done;
                } else if (done - bestRounds >= prm.patience()) {
                    break;
                }
            }
        }
        int keep = valid == null ? done : bestRounds;
        TreeEnsemble[] out = new TreeEnsemble[k];
        for (int c = 0; c < k; c++) {
            out[c] = growers[c].build(0, keep);
        }
        return new MulticlassTrees(out, p, keep);
    }

    private static byte[] bin(double[] cuts, double[][] x, int j) {
        byte[] b = new byte[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = (byte) HistogramBoosting.binOf(cuts, x[i][j]);
        }
        return b;
    }

    /** Softmax gradient {@code p - [y = c]} and hessian {@code p (1 - p)} per class and row. */
    private static void gradients(double[] f, int[] y, int k, double[][] g, double[][] h) {
        int n = y.length;
        Parallel.forRange(n, 1024, (from, to) -> {
            double[] z = new double[k];
            for (int i = from; i < to; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    max = Math.max(max, f[i * k + c]);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    z[c] = Math.exp(f[i * k + c] - max);
                    sum += z[c];
                }
                for (int c = 0; c < k; c++) {
                    double pr = z[c] / sum;
                    g[c][i] = pr - (y[i] == c ? 1 : 0);
                    h[c][i] = Math.max(pr * (1 - pr), 1e-16);
                }
            }
            return null;
        });
    }

    /** Mean log-loss of scores {@code f[i * k + c]}. */
    public static double logLoss(double[] f, int[] y, int k) {
        double loss = 0;
        for (int i = 0; i < y.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, f[i * k + c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(f[i * k + c] - max);
            }
            loss += max + Math.log(sum) - f[i * k + y[i]];
        }
        return loss / Math.max(1, y.length);
    }

    public int classes() {
        return trees.length;
    }

    /** Shared features (each class's trees read one more: its own column). */
    public int sharedFeatures() {
        return shared;
    }

    /** The features some class's trees split on (shared ones {@code 0..p-1}, the own column {@code p}). */
    public java.util.BitSet featuresRead() {
        java.util.BitSet read = new java.util.BitSet(shared + 1);
        for (TreeEnsemble t : trees) {
            read.or(t.featuresRead());
        }
        return read;
    }

    /** Rounds kept (trees per class). */
    public int rounds() {
        return rounds;
    }

    /**
     * Adds each class's tree score to {@code logits[c]}; {@code row} holds the shared features and one free slot at
     * the end ({@code p + 1} values), which is overwritten with each class's {@code own[c]}.
     */
    public void addScores(double[] row, double[] own, double[] logits) {
        for (int c = 0; c < trees.length; c++) {
            row[shared] = own[c];
            logits[c] += trees[c].raw(row);
        }
    }

    /**
     * TreeSHAP values of class {@code c}'s trees for a row as {@link #addScores} takes it (with {@code row[p]} set to
     * the class's own value): per feature its push on the class's score, the last one the own column's.
     */
    public double[] contributions(int c, double[] row) {
        return trees[c].contributions(row);
    }

    /** Writes the trees: shared feature count, rounds, class count, then each class's trees. */
    public void write(DataOutput out) throws IOException {
        out.writeInt(shared);
        out.writeInt(rounds);
        out.writeInt(trees.length);
        for (TreeEnsemble t : trees) {
            t.write(out);
        }
    }

    /** Reads what {@link #write} wrote for {@code k} classes over {@code shared} features, as untrusted input. */
    public static MulticlassTrees read(ModelInput in, int shared, int k) {
        int p = in.readInt("shared feature count");
        if (p != shared) {
            throw in.fail("trees over " + p + " shared features, the dense features are " + shared);
        }
        int rounds = in.readInt("rounds");
        if (rounds < 0) {
            throw in.fail("negative round count " + rounds);
        }
        int classes = in.readInt("class count");
        if (classes != k) {
            throw in.fail("trees for " + classes + " classes, the classifier has " + k);
        }
        TreeEnsemble[] trees = new TreeEnsemble[k];
        for (int c = 0; c < k; c++) {
            in.part("trees of class " + c);
            trees[c] = TreeEnsemble.read(in, p + 1, "trees of class " + c);
        }
        return new MulticlassTrees(trees, p, rounds);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MulticlassTrees m && shared == m.shared && rounds == m.rounds
                && Arrays.equals(trees, m.trees);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(trees);
    }

    @Override
    public String toString() {
        return "MulticlassTrees[" + trees.length + " classes, " + rounds + " rounds, " + shared + " shared features]";
    }
}
