/**
 * Groups of records from scored pairs: the "group" stage of the pipeline.
 *
 * <p>Input is {@link dev.matcher.cluster.ScoredPairs} (record pairs with a match probability) over records
 * {@code 0..n-1}; two-table linkage maps both tables into one range with {@link dev.matcher.cluster.RecordSpace}.
 * A {@link dev.matcher.cluster.Clusterer} from {@link dev.matcher.cluster.Clusterers} returns immutable
 * {@link dev.matcher.cluster.Clusters}: per record a cluster, a confidence and a stable id (the smallest member id).
 * {@link dev.matcher.cluster.VariantFamilies} nests exact-duplicate items inside variant families;
 * {@link dev.matcher.cluster.IncrementalClusterer} adds records to an existing clustering and reports every id change.
 *
 * <pre>{@code
 * Clusters groups = Clusterers.hierarchical(0.8, Linkage.AVERAGE).cluster(table.size(), scored).withIds(table);
 * System.out.println(groups);           // counts and the largest clusters
 * groups.clusterId(row);                // stable across re-runs with records added
 * }</pre>
 */
package dev.matcher.cluster;
