package dev.matcher.blocking;

import dev.matcher.data.Table;

/**
 * The default blocker, chosen from the task and the table sizes only, never tuned per dataset. Measured on five
 * benchmark datasets with {@link BlockingReport} (numbers in the module's issue note).
 *
 * <ul>
 *   <li>Every task: exact top-20 TF-IDF cosine neighbours over all tokens plus extracted product/model codes, keeping
 *       neighbours scoring at least half of the record's best. Linkage of two sources is mostly one-to-few, so this
 *       alone keeps recall high with very few candidates.</li>
 *   <li>Deduplication adds schema-agnostic token blocking with block filtering (0.8) and ARCS/WEP meta-blocking:
 *       one table may hold large clusters of duplicates that a per-record top-k cannot cover, and meta-blocking
 *       adapts to cluster size.</li>
 *   <li>Above {@value #LARGE} records the nearest-neighbour search (whose cost grows with frequent terms) gives way
 *       to the block-based pipeline alone.</li>
 * </ul>
 */
final class AutoBlocking {
    static final int LARGE = 200_000;
    static final int K = 20;
    static final double RELATIVE = 0.5;

    private AutoBlocking() {
    }

    static Blocking forSchema(Table left, Table right) {
        boolean dedup = left == right;
        long records = dedup ? left.size() : (long) left.size() + right.size();
        Blocking meta = Blockers.tokens().filter(0.8).metaBlocking(MetaBlocking.Weighting.ARCS, MetaBlocking.Pruning.WEP);
        if (records > LARGE) {
            return meta;
        }
        Blocking neighbours = Blockers.nearestNeighbours(K, RELATIVE,
                KeyFunctions.union(KeyFunctions.allTokens(), KeyFunctions.allCodes()));
        return dedup ? neighbours.or(meta) : neighbours;
    }
}
