package dev.matcher.match;

import java.util.Arrays;

/**
 * The flat node arrays of a growing tree ensemble, one slot per node across all trees, as {@link TreeEnsemble} takes
 * them: trees grown here ({@link HistogramBoosting}) and trees copied from Smile ({@link SmileTrees}) are built the
 * same way. A new node is a leaf until {@link #split} makes it internal.
 *
 * <pre>{@code
 * TreeBuilder b = new TreeBuilder();
 * int root = b.root();
 * int l = b.node(), r = b.node();
 * b.split(root, 0, 0.5, l, r);  b.leaf(l, -1.2);  b.leaf(r, 0.8);
 * TreeEnsemble t = b.build(ModelType.GRADIENT_BOOSTING, 1, 0);
 * }</pre>
 */
final class TreeBuilder {
    private int[] roots = new int[64];
    private int trees;
    private int[] feature = new int[1024];
    private double[] threshold = new double[1024];
    private int[] left = new int[1024];
    private int[] right = new int[1024];
    private double[] value = new double[1024];
    private double[] cover = new double[1024];
    private int size;

    /** A new leaf (value 0) that starts a tree. */
    int root() {
        int id = node();
        if (trees == roots.length) {
            roots = Arrays.copyOf(roots, trees * 2);
        }
        roots[trees++] = id;
        return id;
    }

    /** A new leaf (value 0) of the current tree. */
    int node() {
        if (size == feature.length) {
            int cap = size * 2;
            feature = Arrays.copyOf(feature, cap);
            threshold = Arrays.copyOf(threshold, cap);
            left = Arrays.copyOf(left, cap);
            right = Arrays.copyOf(right, cap);
            value = Arrays.copyOf(value, cap);
            cover = Arrays.copyOf(cover, cap);
        }
        feature[size] = -1;
        return size++;
    }

    /** Rows with {@code x[f] <= t} go to {@code l}, the others to {@code r}. */
    void split(int node, int f, double t, int l, int r) {
        feature[node] = f;
        threshold[node] = t;
        left[node] = l;
        right[node] = r;
    }

    void leaf(int node, double v) {
        value[node] = v;
    }

    /** The training samples (or weight) that reached the node: TreeSHAP's background. */
    void cover(int node, double c) {
        cover[node] = c;
    }

    int feature(int node) {
        return feature[node];
    }

    double threshold(int node) {
        return threshold[node];
    }

    int left(int node) {
        return left[node];
    }

    int right(int node) {
        return right[node];
    }

    double value(int node) {
        return value[node];
    }

    TreeEnsemble build(ModelType type, int features, double base) {
        return build(type, features, base, trees);
    }

    /**
     * The first {@code count} trees only (a tree's nodes are made after its root and before the next tree's root, so
     * they are a prefix of the node arrays).
     */
    TreeEnsemble build(ModelType type, int features, double base, int count) {
        if (count < trees) {
            int size = roots[count];
            return new TreeEnsemble(type, features, base, Arrays.copyOf(roots, count), Arrays.copyOf(feature, size),
                    Arrays.copyOf(threshold, size), Arrays.copyOf(left, size), Arrays.copyOf(right, size),
                    Arrays.copyOf(value, size), Arrays.copyOf(cover, size));
        }
        return new TreeEnsemble(type, features, base, Arrays.copyOf(roots, trees), Arrays.copyOf(feature, size),
                Arrays.copyOf(threshold, size), Arrays.copyOf(left, size), Arrays.copyOf(right, size),
                Arrays.copyOf(value, size), Arrays.copyOf(cover, size));
    }
}
