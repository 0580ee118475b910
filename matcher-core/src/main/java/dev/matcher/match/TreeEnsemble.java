package dev.matcher.match;

import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;

/**
 * An additive ensemble of binary decision trees stored in flat primitive arrays: one slot per node across all trees,
 * {@code feature[n] < 0} marks a leaf. At an internal node a vector goes to {@code left[n]} when
 * {@code x[feature[n]] <= threshold[n]}, else to {@code right[n]} (Smile's convention). The raw score is
 * {@code base + sum of the leaf values reached}, one leaf per tree; leaf values already carry the learning rate (and
 * the factor two of Smile's binomial boosting, or the 1/trees of a forest), so scoring is one loop with no Smile
 * objects. {@code cover[n]} counts the training samples that reached a node; it drives TreeSHAP and the baseline.
 *
 * <pre>{@code
 * TreeEnsemble t = ...;                 // from ModelTrainer, or read from a model file
 * double logOdds = t.raw(x);
 * double[] phi = t.contributions(x);    // exact TreeSHAP: t.baseValue() + sum(phi) == logOdds
 * }</pre>
 */
public final class TreeEnsemble implements TrainedModel {
    private final ModelType type;
    private final int features;
    private final double base;
    private final int[] roots;
    private final int[] feature;
    private final double[] threshold;
    private final int[] left;
    private final int[] right;
    private final double[] value;
    private final double[] cover;
    private final int maxDepth;
    private final double expected;
    // scoring layout: nodes renumbered depth-first so the left child directly follows its parent; per node
    // packedInt[2n] = feature (-1 leaf), packedInt[2n+1] = right child, packedValue[n] = threshold or leaf value.
    // Trees that are a single leaf (boosting rounds that found no split) are folded into packedBase.
    private final double packedBase;
    private final int[] packedRoots;
    private final int[] packedInt;
    private final double[] packedValue;

    /** Arrays are taken as they are (not copied): callers hand over fresh arrays. */
    TreeEnsemble(ModelType type, int features, double base, int[] roots, int[] feature, double[] threshold,
                 int[] left, int[] right, double[] value, double[] cover) {
        int n = feature.length;
        if (threshold.length != n || left.length != n || right.length != n || value.length != n || cover.length != n) {
            throw new IllegalArgumentException("node arrays differ in length");
        }
        this.type = type;
        this.features = features;
        this.base = base;
        this.roots = roots;
        this.feature = feature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.value = value;
        this.cover = cover;
        for (int i = 0; i < n; i++) {
            if (feature[i] >= features || (feature[i] >= 0 && (left[i] < 0 || left[i] >= n || right[i] < 0 || right[i] >= n))) {
                throw new IllegalArgumentException("node " + i + " is malformed");
            }
        }
        int depth = 0;
        double e = base;
        for (int r : roots) {
            depth = Math.max(depth, depth(r));
            e += expectedValue(r);
        }
        this.maxDepth = depth;
        this.expected = e;
        this.packedInt = new int[2 * n];
        this.packedValue = new double[n];
        double constant = base;
        int[] split = new int[roots.length];
        int trees = 0;
        int next = 0;
        for (int r : roots) {
            if (feature[r] < 0) {
                constant += value[r];
            } else {
                split[trees++] = next;
                next = pack(r, next);
            }
        }
        this.packedBase = constant;
        this.packedRoots = Arrays.copyOf(split, trees);
    }

    /** Copies the subtree at {@code node} to packed slot {@code slot} onwards; returns the next free slot. */
    private int pack(int node, int slot) {
        if (feature[node] < 0) {
            packedInt[2 * slot] = -1;
            packedValue[slot] = value[node];
            return slot + 1;
        }
        packedInt[2 * slot] = feature[node];
        packedValue[slot] = threshold[node];
        int afterLeft = pack(left[node], slot + 1);
        packedInt[2 * slot + 1] = afterLeft;
        return pack(right[node], afterLeft);
    }

    private int depth(int node) {
        return feature[node] < 0 ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
    }

    private double expectedValue(int node) {
        if (feature[node] < 0) {
            return value[node];
        }
        double cl = cover[left[node]];
        double cr = cover[right[node]];
        double total = cl + cr;
        if (total <= 0) {
            return 0.5 * (expectedValue(left[node]) + expectedValue(right[node]));
        }
        return (cl * expectedValue(left[node]) + cr * expectedValue(right[node])) / total;
    }

    @Override
    public ModelType type() {
        return type;
    }

    @Override
    public int features() {
        return features;
    }

    @Override
    public BitSet featuresRead() {
        BitSet read = new BitSet(features);
        for (int f : feature) {
            if (f >= 0) {
                read.set(f);
            }
        }
        return read;
    }

    public int trees() {
        return roots.length;
    }

    public int nodes() {
        return feature.length;
    }

    public int maxDepth() {
        return maxDepth;
    }

    @Override
    public double raw(double[] x) {
        final int[] pi = packedInt;
        final double[] pv = packedValue;
        double s = packedBase;
        for (int root : packedRoots) {
            int n = root;
            int f;
            while ((f = pi[2 * n]) >= 0) {
                n = x[f] <= pv[n] ? n + 1 : pi[2 * n + 1];
            }
            s += pv[n];
        }
        return s;
    }

    /** Raw scores of rows {@code from..to-1} into {@code out[0..]}: tree by tree, so a tree stays in cache. */
    @Override
    public void raw(double[][] rows, int from, int to, double[] out) {
        final int[] pi = packedInt;
        final double[] pv = packedValue;
        Arrays.fill(out, 0, to - from, packedBase);
        for (int root : packedRoots) {
            for (int i = from; i < to; i++) {
                double[] x = rows[i];
                int n = root;
                int f;
                while ((f = pi[2 * n]) >= 0) {
                    n = x[f] <= pv[n] ? n + 1 : pi[2 * n + 1];
                }
                out[i - from] += pv[n];
            }
        }
    }

    @Override
    public double baseValue() {
        return expected;
    }

    /**
     * Exact TreeSHAP (Lundberg, Erion and Lee 2018, algorithm 2, "path-dependent"): the Shapley value of each feature
     * for the raw score, with the training covers as the background distribution. Sums to {@code raw(x) - baseValue()}.
     */
    @Override
    public double[] contributions(double[] x) {
        double[] phi = new double[features];
        Path path = new Path(maxDepth + 2);
        for (int root : roots) {
            path.length = 0;
            recurse(root, x, phi, path, 1, 1, -1);
        }
        return phi;
    }

    /** The unique-feature path of TreeSHAP: feature, zero fraction, one fraction and permutation weight per step. */
    private static final class Path {
        final int[] d;
        final double[] z;
        final double[] o;
        final double[] w;
        int length;

        Path(int capacity) {
            d = new int[capacity];
            z = new double[capacity];
            o = new double[capacity];
            w = new double[capacity];
        }

        Path copy() {
            Path p = new Path(d.length);
            System.arraycopy(d, 0, p.d, 0, length);
            System.arraycopy(z, 0, p.z, 0, length);
            System.arraycopy(o, 0, p.o, 0, length);
            System.arraycopy(w, 0, p.w, 0, length);
            p.length = length;
            return p;
        }

        void extend(double pz, double po, int pi) {
            int l = length;
            d[l] = pi;
            z[l] = pz;
            o[l] = po;
            w[l] = l == 0 ? 1 : 0;
            for (int i = l - 1; i >= 0; i--) {
                w[i + 1] += po * w[i] * (i + 1) / (l + 1);
                w[i] = pz * w[i] * (l - i) / (l + 1);
            }
            length = l + 1;
        }

        void unwind(int i) {
            int l = length - 1;
            double n = w[l];
            double oi = o[i];
            double zi = z[i];
            for (int j = l - 1; j >= 0; j--) {
                if (oi != 0) {
                    double t = w[j];
                    w[j] = n * (l + 1) / ((j + 1) * oi);
                    n = t - w[j] * zi * (l - j) / (l + 1);
                } else {
                    w[j] = w[j] * (l + 1) / (zi * (l - j));
                }
            }
            for (int j = i; j < l; j++) {
                d[j] = d[j + 1];
                z[j] = z[j + 1];
                o[j] = o[j + 1];
            }
            length = l;
        }

        /** Sum of the weights the path would have after {@code unwind(i)}, without changing it. */
        double unwoundSum(int i) {
            int l = length - 1;
            double oi = o[i];
            double zi = z[i];
            double total = 0;
            if (oi != 0) {
                double n = w[l];
                for (int j = l - 1; j >= 0; j--) {
                    double t = n * (l + 1) / ((j + 1) * oi);
                    total += t;
                    n = w[j] - t * zi * (l - j) / (l + 1);
                }
            } else {
                for (int j = l - 1; j >= 0; j--) {
                    total += w[j] * (l + 1) / (zi * (l - j));
                }
            }
            return total;
        }
    }

    private void recurse(int node, double[] x, double[] phi, Path parent, double pz, double po, int pi) {
        Path m = parent.copy();
        m.extend(pz, po, pi);
        if (feature[node] < 0) {
            for (int i = 1; i < m.length; i++) {
                phi[m.d[i]] += m.unwoundSum(i) * (m.o[i] - m.z[i]) * value[node];
            }
            return;
        }
        int f = feature[node];
        int hot = x[f] <= threshold[node] ? left[node] : right[node];
        int cold = hot == left[node] ? right[node] : left[node];
        double iz = 1;
        double io = 1;
        for (int k = 1; k < m.length; k++) {
            if (m.d[k] == f) {
                iz = m.z[k];
                io = m.o[k];
                m.unwind(k);
                break;
            }
        }
        double c = cover[node] > 0 ? cover[node] : cover[hot] + cover[cold];
        double hotShare = c > 0 ? cover[hot] / c : 0.5;
        double coldShare = c > 0 ? cover[cold] / c : 0.5;
        recurse(hot, x, phi, m, iz * hotShare, io, f);
        recurse(cold, x, phi, m, iz * coldShare, 0, f);
    }

    /** Mean absolute TreeSHAP value per feature over the given rows (a global importance). */
    double[] meanAbsoluteContributions(double[][] rows) {
        double[] imp = new double[features];
        for (double[] x : rows) {
            double[] phi = contributions(x);
            for (int j = 0; j < features; j++) {
                imp[j] += Math.abs(phi[j]);
            }
        }
        for (int j = 0; j < features; j++) {
            imp[j] /= Math.max(1, rows.length);
        }
        return imp;
    }

    void write(DataOutput out) throws IOException {
        out.writeUTF(type.name());
        out.writeInt(features);
        out.writeDouble(base);
        out.writeInt(roots.length);
        for (int r : roots) {
            out.writeInt(r);
        }
        out.writeInt(feature.length);
        for (int i = 0; i < feature.length; i++) {
            out.writeInt(feature[i]);
            out.writeDouble(threshold[i]);
            out.writeInt(left[i]);
            out.writeInt(right[i]);
            out.writeDouble(value[i]);
            out.writeDouble(cover[i]);
        }
    }

    /**
     * Reads what {@link #write} wrote, as untrusted input: counts are capped by the bytes left, and the trees are
     * checked (without recursion) before anything walks them, so the constructor's recursive passes are safe.
     */
    static TreeEnsemble read(ModelInput in, int features, String where) {
        ModelType type = in.readEnum(ModelType.class, "model type");
        if (type == ModelType.LOGISTIC_REGRESSION) {
            throw in.fail("a tree ensemble of type " + type);
        }
        int f = in.readInt("feature count");
        if (f != features) {
            throw in.fail("trees over " + f + " features, the feature space has " + features);
        }
        double base = in.readDouble("base score");
        int[] roots = new int[in.count("tree", 4)];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = in.readInt("tree root");
        }
        int n = in.count("node", 36);
        int[] feature = new int[n];
        double[] threshold = new double[n];
        int[] left = new int[n];
        int[] right = new int[n];
        double[] value = new double[n];
        double[] cover = new double[n];
        for (int i = 0; i < n; i++) {
            feature[i] = in.readInt("node");
            threshold[i] = in.readDouble("node");
            left[i] = in.readInt("node");
            right[i] = in.readInt("node");
            value[i] = in.readDouble("node");
            cover[i] = in.readDouble("node");
        }
        checkStructure(in, where, features, roots, feature, left, right);
        return new TreeEnsemble(type, features, base, roots, feature, threshold, left, right, value, cover);
    }

    /**
     * Walks every tree from its root with an explicit stack: root, child and feature indexes in range, every node
     * reached at most once (no cycle, no node shared between trees), at most {@link ModelFile#MAX_TREE_DEPTH}
     * levels. Nodes no tree reaches are only range-checked.
     */
    static void checkStructure(ModelInput in, String where, int features, int[] roots, int[] feature, int[] left,
                               int[] right) {
        int n = feature.length;
        boolean[] seen = new boolean[n];
        int[] stack = new int[64];   // pairs (node, depth)
        for (int t = 0; t < roots.length; t++) {
            int root = roots[t];
            if (root < 0 || root >= n) {
                in.part(where + ", tree " + t);
                throw in.fail("root index " + root + " out of range [0, " + n + ")");
            }
            int top = 0;
            stack[top++] = root;
            stack[top++] = 0;
            while (top > 0) {
                int depth = stack[--top];
                int node = stack[--top];
                if (seen[node]) {
                    in.part(where + ", tree " + t + ", node " + node);
                    throw in.fail("reached a second time (a cycle, or a node shared by two branches or trees)");
                }
                seen[node] = true;
                checkFeature(in, where + ", tree " + t, node, feature[node], features);
                if (feature[node] < 0) {
                    continue;
                }
                if (depth == ModelFile.MAX_TREE_DEPTH) {
                    in.part(where + ", tree " + t + ", node " + node);
                    throw in.fail("tree deeper than " + ModelFile.MAX_TREE_DEPTH + " levels");
                }
                for (int child : new int[] {left[node], right[node]}) {
                    if (child < 0 || child >= n) {
                        in.part(where + ", tree " + t + ", node " + node);
                        throw in.fail("child index " + child + " out of range [0, " + n + ")");
                    }
                    if (top + 2 > stack.length) {
                        stack = Arrays.copyOf(stack, stack.length * 2);
                    }
                    stack[top++] = child;
                    stack[top++] = depth + 1;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!seen[i]) {
                checkFeature(in, where + ", a node in no tree", i, feature[i], features);
                if (feature[i] >= 0 && (left[i] < 0 || left[i] >= n || right[i] < 0 || right[i] >= n)) {
                    in.part(where + ", a node in no tree, node " + i);
                    throw in.fail("child index out of range [0, " + n + ")");
                }
            }
        }
    }

    private static void checkFeature(ModelInput in, String where, int node, int f, int features) {
        if (f < -1 || f >= features) {
            in.part(where + ", node " + node);
            throw in.fail("feature index " + f + " out of range [-1, " + features + ") (-1 marks a leaf)");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeEnsemble t && type == t.type && features == t.features && base == t.base
                && Arrays.equals(roots, t.roots) && Arrays.equals(feature, t.feature)
                && Arrays.equals(threshold, t.threshold) && Arrays.equals(left, t.left)
                && Arrays.equals(right, t.right) && Arrays.equals(value, t.value) && Arrays.equals(cover, t.cover);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value) * 31 + Arrays.hashCode(feature);
    }

    @Override
    public String toString() {
        return "TreeEnsemble[" + type + ", " + roots.length + " trees, " + feature.length + " nodes, depth <= "
                + maxDepth + ", " + features + " features]";
    }
}
