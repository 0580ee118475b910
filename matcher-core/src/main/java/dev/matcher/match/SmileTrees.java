package dev.matcher.match;

import smile.base.cart.DecisionNode;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.classification.DecisionTree;
import smile.classification.RandomForest;
import smile.data.Tuple;
import smile.data.type.StructType;

/**
 * Copies a Smile random forest into a {@link TreeEnsemble} (flat arrays, exact TreeSHAP) through Smile's public API
 * only: {@code trees()}, {@code root()}, the node classes and their accessors. Smile 2.6 has no accessor for a split's
 * threshold, but {@link OrdinalNode#branch} answers {@code x <= threshold} for any value: a binary search over the
 * 2^64 doubles in order finds the largest value that goes left, which is the threshold itself (64 questions).
 *
 * <pre>{@code
 * TreeEnsemble t = SmileTrees.flatten(RandomForest.fit(formula, frame), features);
 * }</pre>
 */
final class SmileTrees {
    private SmileTrees() {
    }

    /** The mean over trees of the leaf match fraction. */
    static TreeEnsemble flatten(RandomForest rf, int features) {
        TreeBuilder b = new TreeBuilder();
        DecisionTree[] trees = rf.trees();
        Probe probe = new Probe(features, rf.schema());
        for (DecisionTree t : trees) {
            copy(t.root(), b.root(), b, 1.0 / trees.length, probe);
        }
        return b.build(ModelType.RANDOM_FOREST, features, 0);
    }

    /** Copies the subtree at {@code node} into slot {@code id}: its true branch left, then its false branch. */
    private static void copy(Node node, int id, TreeBuilder b, double scale, Probe probe) {
        b.cover(id, node.size());
        if (node instanceof OrdinalNode o) {
            double t = probe.threshold(o);
            int l = b.node();
            copy(o.trueChild(), l, b, scale, probe);
            int r = b.node();
            copy(o.falseChild(), r, b, scale, probe);
            b.split(id, o.feature(), t, l, r);
        } else if (node instanceof InternalNode) {
            throw new IllegalStateException("nominal split in a tree over numeric features: " + node.getClass());
        } else if (node instanceof DecisionNode leaf) {
            int[] count = leaf.count();
            int total = 0;
            for (int c : count) {
                total += c;
            }
            b.leaf(id, scale * (count.length > 1 && total > 0 ? (double) count[1] / total : 0));
        } else {
            throw new IllegalStateException("unknown Smile node " + node.getClass());
        }
    }

    /** Asks a split which way single values go. */
    static final class Probe {
        private final double[] row;
        private final StructType schema;

        Probe(int features, StructType schema) {
            this.row = new double[features];
            this.schema = schema;
        }

        /** The split's threshold, bit for bit (-0.0 reads as 0.0, which splits the same). */
        double threshold(OrdinalNode split) {
            int f = split.feature();
            if (!goesLeft(split, f, Double.NEGATIVE_INFINITY)) {
                throw new IllegalStateException("split on feature " + f + " sends every value right");
            }
            if (goesLeft(split, f, Double.POSITIVE_INFINITY)) {
                return Double.POSITIVE_INFINITY;
            }
            long lo = key(Double.NEGATIVE_INFINITY);     // goes left
            long hi = key(Double.POSITIVE_INFINITY);     // goes right
            while (hi - lo != 1) {                       // (hi - lo may overflow; != 1 still holds until adjacent)
                long mid = (lo >> 1) + (hi >> 1) + (lo & hi & 1);
                if (goesLeft(split, f, value(mid))) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return value(lo);
        }

        private boolean goesLeft(OrdinalNode split, int f, double v) {
            row[f] = v;
            return split.branch(Tuple.of(row, schema));
        }

        /** Doubles in order as longs in order (negative doubles have their magnitude bits flipped). */
        private static long key(double v) {
            long bits = Double.doubleToRawLongBits(v);
            return bits ^ ((bits >> 63) & Long.MAX_VALUE);
        }

        private static double value(long key) {
            return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
        }
    }
}
