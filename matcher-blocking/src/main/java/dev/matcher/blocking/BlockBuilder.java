package dev.matcher.blocking;

import dev.matcher.data.Pairs;
import dev.matcher.data.Table;

/**
 * A blocker that first builds {@link Blocks} (standard, token, q-gram, suffix, MinHash, canopy blocking), so that
 * block cleaning and meta-blocking can work on the blocks before pairs are made.
 *
 * <pre>{@code
 * BlockBuilder tokens = Blockers.tokens();                    // schema-agnostic token blocking
 * Blocking pruned = tokens.purge(1000).filter(0.8).metaBlocking(Weighting.JS, Pruning.WNP);
 * Pairs candidates = pruned.candidates(left, right);
 * }</pre>
 */
public interface BlockBuilder extends Blocking {

    /** The blocks of two tables; pass the same table twice for deduplication. */
    Blocks blocks(Table left, Table right);

    /** The blocks of one table (deduplication). */
    default Blocks blocks(Table table) {
        return blocks(table, table);
    }

    @Override
    default Pairs candidates(Table left, Table right) {
        return blocks(left, right).pairs();
    }

    /** Block purging: no block with more than {@code maxBlockSize} records. */
    default BlockBuilder maxBlockSize(int maxBlockSize) {
        return new CleaningStep(this, "maxBlockSize(" + maxBlockSize + ")", b -> b.purge(maxBlockSize));
    }

    /** Block purging by cardinality: no block asking for more than {@code maxComparisons} comparisons. */
    default BlockBuilder purgeComparisons(long maxComparisons) {
        return new CleaningStep(this, "purgeComparisons(" + maxComparisons + ")", b -> b.purgeComparisons(maxComparisons));
    }

    /** Block filtering: each record stays in its smallest {@code ratio} share of blocks (0.8 is typical). */
    default BlockBuilder filter(double ratio) {
        return new CleaningStep(this, "filter(" + ratio + ")", b -> b.filter(ratio));
    }

    /** Candidate guard: at most {@code budget} distinct pairs; the largest blocks go first (logged) when it cuts. */
    default BlockBuilder candidateBudget(long budget) {
        BlockBuilder inner = this;
        return new BlockBuilder() {
            @Override
            public Blocks blocks(Table left, Table right) {
                return inner.blocks(left, right);
            }

            @Override
            public Pairs candidates(Table left, Table right) {
                return blocks(left, right).pairs(budget);
            }

            @Override
            public String toString() {
                return inner + ".candidateBudget(" + budget + ")";
            }
        };
    }

    /** Meta-blocking: weight the pairs by their shared blocks and keep the heavy ones (JedAI's WEP, CNP, WNP). */
    default Blocking metaBlocking(MetaBlocking.Weighting weighting, MetaBlocking.Pruning pruning) {
        return new MetaBlocking(this, weighting, pruning);
    }
}
