package dev.matcher.blocking;

import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;

/**
 * Chooses which record pairs are ever compared (candidate pairs), without the full cross product. Every strategy of
 * {@link Blockers} is one, and they compose: union, intersection and a per-record cap.
 *
 * <p>Contract: in deduplication every candidate has {@code left(i) < right(i)} and appears once; in linkage
 * {@code left(i)} is a row of the left table and {@code right(i)} a row of the right table, each pair once. The result
 * is deterministic for the same input.
 *
 * <pre>{@code
 * Blocker b = Blockers.tokens("title").or(Blockers.sortedNeighbourhood("brand", 10)).maxCandidatesPerRecord(50);
 * Pairs inside = b.candidates(products);              // deduplication
 * Pairs across = b.candidates(shopA, shopB);          // linkage
 * }</pre>
 */
@FunctionalInterface
public interface Blocker {
    /** Candidate pairs of a task. */
    Pairs candidates(Task task);

    /**
     * Candidate pairs of a task with what size guards dropped on the way (a blocker without guards drops nothing).
     * Callers that must not lose work silently, like the {@code Resolver}, report the cuts.
     */
    default Candidates block(Task task) {
        return Candidates.of(candidates(task));
    }

    /** Candidate pairs within one table (deduplication). */
    default Pairs candidates(Table table) {
        return candidates(Task.deduplication(table));
    }

    /** Candidate pairs between two tables (linkage). */
    default Pairs candidates(Table left, Table right) {
        return candidates(Task.linkage(left, right));
    }

    /** Pairs proposed by this blocker or the other (union). */
    default Blocker or(Blocker other) {
        return new Combinators.Union(this, other);
    }

    /** Pairs proposed by both this blocker and the other (intersection). */
    default Blocker and(Blocker other) {
        return new Combinators.Intersection(this, other);
    }

    /**
     * Keeps at most {@code n} candidates per record: pairs are ranked by the TF-IDF cosine of their records' tokens
     * (over all attributes) and accepted best first while both records are under the cap.
     */
    default Blocker maxCandidatesPerRecord(int n) {
        return new Combinators.PerRecordCap(this, n);
    }
}
