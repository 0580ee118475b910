package dev.matcher.blocking;

import dev.matcher.data.Pairs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Candidate pairs with what the size guards left out on the way: blocks too large to compare in full (a key shared by
 * thousands of records) are cut to bound time and memory, and every cut is reported here rather than lost.
 *
 * <pre>{@code
 * Candidates c = Blockers.auto().block(Task.deduplication(offers));
 * c.pairs();                       // what the matcher will score
 * c.cuts().forEach(System.out::println);   // e.g. "tokens: 83 blocks above 1,000 records dropped (largest 'freezers', 7,755 records)"
 * }</pre>
 *
 * @param pairs the candidate pairs
 * @param cuts  what size guards dropped, in the order it happened
 */
public record Candidates(Pairs pairs, List<Cut> cuts) {
    public Candidates {
        cuts = List.copyOf(cuts);
    }

    /** Pairs nothing was cut from. */
    public static Candidates of(Pairs pairs) {
        return new Candidates(pairs, List.of());
    }

    /** The same pairs with more cuts reported. */
    Candidates withCuts(List<Cut> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Cut> all = new ArrayList<>(cuts);
        all.addAll(more);
        return new Candidates(pairs, all);
    }

    /**
     * One guard's cut.
     *
     * @param guard       which guard and of which blocker
     * @param blocks      blocks dropped
     * @param limit       the largest block size the guard kept
     * @param largestSize records in the largest dropped block
     * @param largestKey  the key of the largest dropped block, when known (else empty)
     */
    public record Cut(String guard, int blocks, int limit, int largestSize, String largestKey) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %,d blocks above %,d records dropped (largest %s%,d records)", guard,
                    blocks, limit, largestKey.isEmpty() ? "" : "'" + largestKey + "', ", largestSize);
        }
    }
}
