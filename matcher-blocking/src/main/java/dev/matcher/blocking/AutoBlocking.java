package dev.matcher.blocking;

import dev.matcher.data.Table;

/**
 * The default blocker, chosen from the task and the table sizes only, never tuned per dataset. Measured on five
 * benchmark datasets with {@link BlockingReport} (numbers in the module's issue note).
 *
 * <ul>
 *   <li>Every task: top-20 TF-IDF cosine neighbours over all tokens plus extracted product/model codes, keeping
 *       neighbours scoring at least half of the record's best. Terms found in more than {@value #MAX_POSTINGS}
 *       records are left out of the index (not of the vector norms), which bounds the work per record. Linkage of two sources is mostly one-to-few, so this
 *       alone keeps recall high with very few candidates.</li>
 *   <li>Deduplication adds schema-agnostic token blocking with block filtering (0.8) and ARCS/WEP meta-blocking:
 *       one table may hold large clusters of duplicates that a per-record top-k cannot cover, and meta-blocking
 *       adapts to cluster size.</li>
 *   <li>Above {@value #LARGE} records the nearest-neighbour search and meta-blocking (whose cost grows with frequent
 *       terms and large blocks) give way to schema-agnostic token blocking with block filtering under a candidate
 *       guard of {@value #LARGE_CANDIDATES_PER_RECORD} candidates per record, which drops the largest blocks first.
 *       This keeps a million records to seconds but loses recall on common tokens: for large tables a learned or
 *       hand-written blocker ({@link LearnedBlocking}, compound keys) is the better choice.</li>
 * </ul>
 */
final class AutoBlocking {
    static final int LARGE = 100_000;
    static final int MAX_POSTINGS = 1000;
    static final int LARGE_CANDIDATES_PER_RECORD = 20;
    static final int K = 20;
    static final double RELATIVE = 0.5;

    private AutoBlocking() {
    }

    /** The default for two tables (the same table twice for deduplication). */
    static Blocking forSchema(Table left, Table right) {
        boolean dedup = left == right;
        long records = dedup ? left.size() : (long) left.size() + right.size();
        if (records > LARGE) {
            return Blockers.tokens().filter(0.8).candidateBudget(records * LARGE_CANDIDATES_PER_RECORD);
        }
        Blocking meta = Blockers.tokens().filter(0.8).metaBlocking(MetaBlocking.Weighting.ARCS, MetaBlocking.Pruning.WEP);
        Blocking neighbours = new NearestNeighbours(K, KeyFunctions.union(KeyFunctions.allTokens(), KeyFunctions.allCodes()),
                RELATIVE, MAX_POSTINGS);
        return dedup ? neighbours.or(meta) : neighbours;
    }
}
