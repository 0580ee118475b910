package dev.matcher.cluster;

/**
 * The clustering algorithms. A threshold is a score: pairs scoring at least it count as evidence for a match.
 *
 * <pre>{@code
 * Clusters dedup = Clusterers.hierarchical(0.5, Linkage.AVERAGE).cluster(n, scored);
 * Clusters link  = Clusterers.uniqueMapping(0.5).cluster(space.size(), space.toRecords(scored));
 * Clusters safe  = Clusterers.connectedComponents(0.8).withMaxSize(100).cluster(n, scored);
 * }</pre>
 *
 * <p>Which to use (measured with {@code dev.matcher.eval.ClusteringReport --learned}: scores of the learned matcher,
 * clustered at the matcher's own threshold): for deduplication, {@code hierarchical(t, Linkage.AVERAGE)} is the
 * default. It splits the chains that a few wrong pairs create in {@link #connectedComponents}: pairwise F1 1.000 vs
 * 0.994 on febrl3, 0.973 vs 0.862 on cora, 0.980 vs 0.940 on the dedupe Chicago set, 0.621 vs 0.162 on pricerunner
 * (pivot: 0.999, 0.950, 0.972, 0.574; centroid linkage falls to 0.163 on pricerunner, whose huge components exceed
 * its dense-matrix limit). {@link #connectedComponents} remains the fastest and the only one
 * {@link IncrementalClusterer} reproduces exactly. For two clean tables where each record has at most one match,
 * use {@link #uniqueMapping} or {@link #maxWeightAssignment} (both perfect on febrl4 with string-similarity scores).
 */
public final class Clusterers {
    /** Default record limit of one side of a component for {@link #maxWeightAssignment(double)}. */
    public static final int DEFAULT_MAX_EXACT_SIDE = 500;
    /** Default record limit of a component clustered with a dense distance matrix. */
    public static final int DEFAULT_MAX_DENSE_COMPONENT = 2000;

    private Clusterers() {
    }

    /** Records joined by any chain of pairs scoring at least {@code threshold} (union-find). */
    public static Clusterer connectedComponents(double threshold) {
        return new ConnectedComponents(threshold);
    }

    /**
     * Center clustering: pairs in descending score order; a record becomes a cluster center and draws in the records
     * it meets first. Every member has a pair at or above the threshold with its center.
     */
    public static Clusterer center(double threshold) {
        return new CenterClustering(threshold, false);
    }

    /** Center clustering that also merges two clusters when a pair joins the center of one to a record of the other. */
    public static Clusterer mergeCenter(double threshold) {
        return new CenterClustering(threshold, true);
    }

    /** Correlation clustering by pivoting (KwikCluster), 5 seeded rounds, seed 42. */
    public static Clusterer pivot(double threshold) {
        return pivot(threshold, 42, 5);
    }

    /**
     * Correlation clustering by pivoting (KwikCluster): records in a seeded random order each take their unclustered
     * neighbours scoring at least {@code threshold}; the round of lowest disagreement
     * ({@code sum over pairs put together of threshold - score}, unscored pairs scoring 0) is kept.
     */
    public static Clusterer pivot(double threshold, long seed, int rounds) {
        return new PivotClustering(threshold, seed, rounds);
    }

    /**
     * Agglomerative clustering: merges the two clusters of highest linkage score while it is at least
     * {@code threshold}; pairs without a score count as 0.
     */
    public static Clusterer hierarchical(double threshold, Linkage linkage) {
        return new HierarchicalClustering(threshold, linkage, DEFAULT_MAX_DENSE_COMPONENT, false);
    }

    /**
     * Average linkage whose every merge is supported: two clusters merge while their average score is at least
     * {@code threshold} (unscored pairs counting 0) <em>and</em> none of the scored pairs between them is below it.
     * For dense candidate graphs, where near-namesakes (a product line's sibling models, two products sold under
     * one name) share hundreds of high-scoring pairs: there the average alone outvotes the pairs the matcher calls
     * non-matches and merges whole groups. Measured on the variant generator's families (seeds 1/2/3, the variant
     * matcher's threshold, cluster pair F1 on the test families): 0.790 / 0.770 / 0.651 with
     * {@code hierarchical(t, AVERAGE)}, 0.858 / 0.830 / 0.757 with this. The price is recall: a pair scoring below the
     * threshold inside a true group always keeps its two records in different clusters.
     *
     * <pre>{@code
     * Clusters families = Clusterers.supportedAverage(0.7).cluster(records, scoredPairs);
     * }</pre>
     */
    public static Clusterer supportedAverage(double threshold) {
        return new HierarchicalClustering(threshold, Linkage.AVERAGE, DEFAULT_MAX_DENSE_COMPONENT, false, true);
    }

    /**
     * As {@link #hierarchical(double, Linkage)}; components at the threshold larger than {@code maxDenseComponent}
     * are first cut at a raised threshold (centroid and complete linkage only; average linkage is sparse).
     */
    public static Clusterer hierarchical(double threshold, Linkage linkage, int maxDenseComponent) {
        return new HierarchicalClustering(threshold, linkage, maxDenseComponent, false);
    }

    /**
     * Unique mapping: pairs in descending score order, each taken when neither record is taken yet (greedy
     * best-first one-to-one). Works for one table too.
     */
    public static Clusterer uniqueMapping(double threshold) {
        return new OneToOne(threshold, OneToOne.Kind.GREEDY, 1);
    }

    /**
     * Exact one-to-one assignment of maximum total score among pairs at or above the threshold, per connected
     * component (Hungarian algorithm); a component with more than {@link #DEFAULT_MAX_EXACT_SIDE} records on both
     * sides is mapped greedily instead, with a warning. Pairs must be (left record, right record) of two tables.
     */
    public static Clusterer maxWeightAssignment(double threshold) {
        return maxWeightAssignment(threshold, DEFAULT_MAX_EXACT_SIDE);
    }

    /** As {@link #maxWeightAssignment(double)} with a chosen component limit. */
    public static Clusterer maxWeightAssignment(double threshold, int maxExactSide) {
        return new OneToOne(threshold, OneToOne.Kind.EXACT, maxExactSide);
    }

    /**
     * Many-to-one: every right record joins the left record it scores highest with (at least {@code threshold});
     * a left record can gather many. Pairs must be (left record, right record) of two tables.
     */
    public static Clusterer manyToOne(double threshold) {
        return new OneToOne(threshold, OneToOne.Kind.MANY_TO_ONE, 1);
    }

    static double checkThreshold(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be a score in [0, 1], was " + threshold);
        }
        return threshold;
    }
}
