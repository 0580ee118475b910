package dev.matcher.blocking;

import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;

/**
 * The default blocker, chosen from the task and the table sizes only, never tuned per dataset. Measured on five
 * benchmark datasets with the {@code benchmarks} module's {@code BlockingReport}.
 *
 * <ul>
 *   <li>Every task: top-20 TF-IDF cosine neighbours over all tokens plus extracted product/model codes, keeping
 *       neighbours scoring at least half of the record's best. Terms found in more than {@value #MAX_POSTINGS}
 *       records are left out of the index (not of the vector norms), which bounds the work per record. Linkage of two sources is mostly one-to-few, so this
 *       alone keeps recall high with very few candidates.</li>
 *   <li>Every task adds the pairs sharing a model-code core ({@link KeyFunctions#modelCodes()}: {@code UE65NU7100K}
 *       and {@code UE65NU7100} share {@code ue65nu7100}), in blocks of at most {@value #MAX_CODE_BLOCK} records:
 *       offers of one model whose titles differ in everything else, which neighbours by TF-IDF miss among many
 *       near-identical titles (PriceRunner: pair completeness 0.670 -> 0.753 at pairs quality 0.096).</li>
 *   <li>Deduplication adds schema-agnostic token blocking with block filtering (0.8) and ARCS/WEP meta-blocking:
 *       one table may hold large clusters of duplicates that a per-record top-k cannot cover, and meta-blocking
 *       adapts to cluster size.</li>
 *   <li>Above {@value #LARGE} records the nearest-neighbour search and the all-edges meta-blocking (whose cost grows
 *       with frequent terms and large blocks) give way to schema-agnostic blocks on tokens and on pairs of adjacent
 *       tokens ({@link KeyFunctions#allTokensAndPairs}), block filtering (0.8) and cardinality node pruning by
 *       {@linkplain MetaBlocking.Weighting#IDF inverse block frequency}: each record keeps its {@value #LARGE_PARTNERS}
 *       heaviest partners. At this size the guard drops every common name and place, so a true pair often shares a
 *       single token block with no more weight than a stranger in that block; adjacent pairs ({@code william+taylor},
 *       {@code king+crescent}) stay rare and give duplicates several shared blocks, which IDF counts (ARCS ranked a
 *       single tiny block first). Before pruning, a guard of {@value #LARGE_COMPARISONS_PER_RECORD} block
 *       comparisons per record drops the largest blocks, which bounds the time. Pair completeness on generated
 *       people, 1M / 10M records: 0.991 / 0.975 with 3.2 / 3.5 candidates per record (single tokens with ARCS,
 *       k = half the average block size and 200 comparisons per record: 0.955 / 0.864 with 3.9 / 3.8).</li>
 *   <li>Every task adds the pairs of identical records ({@link IdenticalRecords}), a linear number of them, so that
 *       records no guard may compare in full (thousands of copies of one row) are still found.</li>
 * </ul>
 * The size guard ({@code maxBlockSize}, default {@value #MAX_POSTINGS}) bounds the token blocks and the postings the
 * neighbour search reads; above {@value #LARGE} records the default guard grows with the table (one record in
 * {@value #LARGE_RELATIVE_GUARD}: a surname 10 times as frequent in 10 times the records), a guard the user set stays.
 * What the guards drop is reported by {@link #block}, never lost silently.
 */
final class AutoBlocking implements Blocker {
    static final int LARGE = 100_000;
    static final int MAX_POSTINGS = 1000;
    /**
     * Block comparisons per record above {@value #LARGE} records, a bound on the pruning's time: the pairs' small
     * blocks carry the evidence, so the budget only trims the token blocks. Generated people, pair completeness at
     * 200 / 100 / 50 per record: 0.994 / 0.993 / 0.991 (1M), 0.982 / 0.976 / 0.975 (10M, pruning 95 / 62 / 35 s).
     */
    static final int LARGE_COMPARISONS_PER_RECORD = 50;
    /**
     * Partners each record keeps above {@value #LARGE} records; a pair stays when either record keeps it. On a million
     * generated people pair completeness is 0.92 / 0.978 / 0.994 / 0.997 with 3 / 4 / 5 / 8 (candidates grow linearly).
     */
    static final int LARGE_PARTNERS = 5;
    /** Above {@value #LARGE} records the default token-block guard is one record in this many (at least 1,000). */
    static final int LARGE_RELATIVE_GUARD = 1000;
    static final int K = 20;
    /** A model-code core shared by more records than this names a series or a format, not one model. */
    static final int MAX_CODE_BLOCK = 100;
    static final double RELATIVE = 0.5;

    static final AutoBlocking INSTANCE = new AutoBlocking(MAX_POSTINGS);

    private final int maxBlockSize;

    AutoBlocking(int maxBlockSize) {
        if (maxBlockSize < 2) {
            throw new IllegalArgumentException("maxBlockSize must be at least 2, got " + maxBlockSize);
        }
        this.maxBlockSize = maxBlockSize;
    }

    @Override
    public Pairs candidates(Task task) {
        return block(task).pairs();
    }

    @Override
    public Candidates block(Task task) {
        return forTask(task).or(new IdenticalRecords()).block(task);
    }

    /** The strategy this default chooses for a task (without the identical-records pairs). */
    Blocker forTask(Task task) {
        boolean dedup = task.isDeduplication();
        long records = task.records();
        if (records > LARGE) {
            return new LargeTables(Blockers.standard(KeyFunctions.allTokensAndPairs())
                    .maxBlockSize(largeTableGuard(maxBlockSize, records)).filter(0.8), records * LARGE_COMPARISONS_PER_RECORD);
        }
        BlockBuilder tokens = Blockers.tokens().maxBlockSize(maxBlockSize);
        Blocker meta = tokens.filter(0.8).metaBlocking(MetaBlocking.Weighting.ARCS, MetaBlocking.Pruning.WEP);
        Blocker codes = Blockers.standard(KeyFunctions.modelCodes()).maxBlockSize(Math.min(maxBlockSize, MAX_CODE_BLOCK));
        Blocker neighbours = new NearestNeighbours(K, KeyFunctions.union(KeyFunctions.allTokens(), KeyFunctions.allCodes()),
                RELATIVE, maxBlockSize).or(codes);
        return dedup ? neighbours.or(meta) : neighbours;
    }

    /**
     * The token-block guard of a large table: the default grows with the table (a name shared by 1,000 of a million
     * records is as telling as one shared by 10,000 of ten million; the comparisons guard still bounds the work), a
     * guard the user set stays.
     */
    static int largeTableGuard(int maxBlockSize, long records) {
        return maxBlockSize == MAX_POSTINGS ? (int) Math.max(MAX_POSTINGS, records / LARGE_RELATIVE_GUARD) : maxBlockSize;
    }

    @Override
    public String toString() {
        return maxBlockSize == MAX_POSTINGS ? "auto" : "auto(maxBlockSize " + maxBlockSize + ")";
    }

    /** The large-table path: guarded blocks, then each record's {@value #LARGE_PARTNERS} heaviest IDF edges. */
    static final class LargeTables implements Blocker {
        private final BlockBuilder source;
        private final long maxComparisons;

        LargeTables(BlockBuilder source, long maxComparisons) {
            this.source = source;
            this.maxComparisons = maxComparisons;
        }

        @Override
        public Pairs candidates(Task task) {
            return block(task).pairs();
        }

        @Override
        public Candidates block(Task task) {
            Blocks blocks = source.blocks(task).withinComparisons(maxComparisons);
            return new Candidates(MetaBlocking.topK(blocks, MetaBlocking.Weighting.IDF, LARGE_PARTNERS), blocks.cuts());
        }

        @Override
        public String toString() {
            return source + ".maxComparisons(" + maxComparisons + ").metaBlocking(IDF, CNP(k = " + LARGE_PARTNERS + "))";
        }
    }
}
