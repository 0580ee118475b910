package dev.matcher.blocking;

import dev.matcher.block.Blocker;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;

/**
 * A {@link Blocker} that composes: union, intersection and a per-record cap. Every blocker made by {@link Blockers}
 * is one; {@link #of} adapts any other blocker.
 *
 * <pre>{@code
 * Blocking b = Blockers.tokens("title").or(Blockers.sortedNeighbourhood("brand", 10)).maxCandidatesPerRecord(50);
 * Pairs candidates = b.candidates(left, right);
 * }</pre>
 */
public interface Blocking extends Blocker {

    /** Pairs proposed by this blocker or the other (union). */
    default Blocking or(Blocker other) {
        return new Combinators.Union(this, of(other));
    }

    /** Pairs proposed by both this blocker and the other (intersection). */
    default Blocking and(Blocker other) {
        return new Combinators.Intersection(this, of(other));
    }

    /**
     * Keeps at most {@code n} candidates per record: pairs are ranked by the TF-IDF cosine of their records' tokens
     * (over all attributes) and accepted best first while both records are under the cap.
     */
    default Blocking maxCandidatesPerRecord(int n) {
        return new Combinators.PerRecordCap(this, n);
    }

    /** Any blocker as a composable one. */
    static Blocking of(Blocker blocker) {
        if (blocker instanceof Blocking b) {
            return b;
        }
        return new Blocking() {
            @Override
            public Pairs candidates(Table left, Table right) {
                return blocker.candidates(left, right);
            }

            @Override
            public String toString() {
                return blocker.toString();
            }
        };
    }
}
