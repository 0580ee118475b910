package dev.matcher.cluster;

/**
 * Groups records into clusters from scored pairs. Implementations are immutable, deterministic for the same input,
 * and come from {@link Clusterers}.
 *
 * <pre>{@code
 * Clusterer cc = Clusterers.connectedComponents(0.5).withMaxSize(50);
 * Clusters groups = cc.cluster(table.size(), scored).withIds(table);
 * }</pre>
 */
@FunctionalInterface
public interface Clusterer {
    /**
     * Clusters records {@code 0..recordCount-1}; records in no pair stay alone.
     *
     * @throws IllegalArgumentException when a pair names a record {@code >= recordCount}
     */
    Clusters cluster(int recordCount, ScoredPairs pairs);

    /**
     * This clusterer followed by a guard that splits every cluster larger than {@code maxSize} at its weakest links
     * (it keeps the strongest pairs inside the cluster, strongest first, as long as the pieces stay within the limit)
     * and reports each split in {@link Clusters#splits()} (the {@code Resolver} turns them into warnings).
     */
    default Clusterer withMaxSize(int maxSize) {
        return new MaxSizeGuard(this, maxSize);
    }

    /**
     * This clusterer over groups of records that belong together whatever their scores say (e.g.
     * {@code Blockers.identicalGroups(table)}): {@code representative[r]} is the group of record r, named by a member
     * that is its own representative. Each group is clustered as one record and its members all join its cluster.
     */
    default Clusterer withGroups(int[] representative) {
        return new GroupedClusterer(this, representative.clone());
    }
}
