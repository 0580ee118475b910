package dev.matcher.cluster;

/**
 * How {@link Clusterers#hierarchical hierarchical clustering} scores two clusters from the scores of their records'
 * pairs; a pair without a score counts as score 0 (distance 1).
 */
public enum Linkage {
    /** Mean score over all record pairs across the two clusters (UPGMA). Never merges below the threshold. */
    AVERAGE,
    /**
     * Distance between cluster centroids by the Lance-Williams update (dedupe's choice). Not monotone: a merge can
     * score higher than an earlier one.
     */
    CENTROID,
    /** Lowest score across the two clusters: every pair inside a cluster scores at least the threshold. */
    COMPLETE
}
