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
 * <p>Which to use (measured with {@code dev.matcher.eval.ClusteringReport} on febrl3, cora, the dedupe Chicago set,
 * pricerunner and febrl4, scores from a string-similarity stand-in): for deduplication,
 * {@code hierarchical(t, Linkage.AVERAGE)} is the default: it had the best mean pairwise F1 at one common threshold
 * (0.72 at 0.8, against 0.55 for connected components, 0.65 for pivot and 0.66 for centroid linkage), because it
 * splits the chains that one wrong pair creates in {@link #connectedComponents} (cora 0.87 vs 0.77, Chicago 0.59 vs
 * 0.21), and tied with the best on the clean febrl sets. {@link #connectedComponents} remains the fastest and the
 * only one {@link IncrementalClusterer} reproduces exactly. For two clean tables where each record has at most one
 * match, use {@link #uniqueMapping} or {@link #maxWeightAssignment} (both perfect on febrl4, even at a threshold of
 * 0.3).
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
