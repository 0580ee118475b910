/**
 * Blocking: which record pairs are ever compared. Start at {@link dev.matcher.blocking.Blockers}; every strategy is a
 * {@link dev.matcher.blocking.Blocker} that returns {@link dev.matcher.data.Pairs} (row indices, deduplicated, left &lt;
 * right in deduplication) that compose (union, intersection, a per-record cap). Block-based strategies
 * ({@link dev.matcher.blocking.BlockBuilder}) expose their {@link dev.matcher.blocking.Blocks} for purging, filtering
 * and {@link dev.matcher.blocking.MetaBlocking}. {@link dev.matcher.blocking.LearnedBlocking} chooses rules from known
 * matches; {@link dev.matcher.blocking.BlockingMetrics} scores candidates (the {@code benchmarks} module's
 * {@code BlockingReport} compares every strategy on benchmark folders).
 *
 * <pre>{@code
 * Blocker b = Blockers.auto();
 * Pairs candidates = b.candidates(left, right);     // linkage; b.candidates(table) deduplicates
 * System.out.println(BlockingMetrics.of(candidates, gold, left.size(), right.size(), false));
 * }</pre>
 */
package dev.matcher.blocking;
