package dev.matcher.block;

import dev.matcher.data.Pairs;
import dev.matcher.data.Table;

/**
 * Chooses which record pairs are ever compared (candidate pairs), without the full cross product.
 * Implementations live in the {@code matcher-blocking} module ({@code dev.matcher.blocking.Blockers}); the interface is
 * here so that the matcher can run a whole pipeline.
 *
 * <p>Contract: in deduplication ({@code left == right}) every candidate has {@code left(i) < right(i)} and appears
 * once; in linkage {@code left(i)} is a row of {@code left} and {@code right(i)} a row of {@code right}, each pair once.
 * The result is deterministic for the same input.
 *
 * <pre>{@code
 * Blocker all = (l, r) -> ...;          // usually Blockers.tokens("title") from matcher-blocking
 * Pairs candidates = all.candidates(products);
 * }</pre>
 */
@FunctionalInterface
public interface Blocker {
    /** Candidate pairs between two tables; pass the same table twice for deduplication. */
    Pairs candidates(Table left, Table right);

    /** Candidate pairs within one table (deduplication). */
    default Pairs candidates(Table table) {
        return candidates(table, table);
    }
}
