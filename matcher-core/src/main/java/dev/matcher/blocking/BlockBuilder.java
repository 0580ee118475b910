package dev.matcher.blocking;

import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.data.Task;

/**
 * A blocker that first builds {@link Blocks} (standard, token, q-gram, suffix, MinHash, canopy blocking), so that
 * block cleaning and meta-blocking can work on the blocks before pairs are made.
 *
 * <pre>{@code
 * BlockBuilder tokens = Blockers.tokens();                    // schema-agnostic token blocking
 * Blocker pruned = tokens.purge(1000).filter(0.8).metaBlocking(Weighting.JS, Pruning.WNP);
 * Pairs candidates = pruned.candidates(left, right);   // or pruned.blocks(table) to see the blocks
 * }</pre>
 */
public interface BlockBuilder extends Blocker {

    /** The blocks of a task. */
    Blocks blocks(Task task);

    /** The blocks of one table (deduplication). */
    default Blocks blocks(Table table) {
        return blocks(Task.deduplication(table));
    }

    /** The blocks of two tables (linkage). */
    default Blocks blocks(Table left, Table right) {
        return blocks(Task.linkage(left, right));
    }

    @Override
    default Pairs candidates(Task task) {
        return block(task).pairs();
    }

    @Override
    default Candidates block(Task task) {
        return blocks(task).candidates(Blocks.DEFAULT_CANDIDATE_BUDGET);
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
            public Blocks blocks(Task task) {
                return inner.blocks(task);
            }

            @Override
            public Candidates block(Task task) {
                return blocks(task).candidates(budget);
            }

            @Override
            public String toString() {
                return inner + ".candidateBudget(" + budget + ")";
            }
        };
    }

    /** Meta-blocking: weight the pairs by their shared blocks and keep the heavy ones (JedAI's WEP, CNP, WNP). */
    default Blocker metaBlocking(MetaBlocking.Weighting weighting, MetaBlocking.Pruning pruning) {
        return new MetaBlocking(this, weighting, pruning);
    }
}
