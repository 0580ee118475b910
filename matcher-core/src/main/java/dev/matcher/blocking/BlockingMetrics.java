package dev.matcher.blocking;

import dev.matcher.data.Pairs;
import dev.matcher.util.Sorted;

/**
 * How good a set of candidate pairs is against the known matches. In deduplication pairs are unordered: (i, j) and
 * (j, i) are the same pair, and self-pairs are ignored. Time and memory are measured by the caller.
 *
 * <pre>{@code
 * Pairs candidates = Blockers.auto().candidates(left, right);
 * BlockingMetrics m = BlockingMetrics.of(candidates, dataset.matches(), left.size(), right.size(), false);
 * m.pairCompleteness();   // share of true matches that are candidates (recall)
 * }</pre>
 *
 * @param candidates          distinct candidate pairs
 * @param matches             distinct known matching pairs
 * @param truePositives       candidates that are known matches
 * @param comparisonSpace     all possible pairs: {@code n(n-1)/2} in deduplication, {@code left x right} in linkage
 * @param records             records involved: the table size, or both table sizes added in linkage
 */
public record BlockingMetrics(long candidates, long matches, long truePositives, long comparisonSpace, long records) {

    /** Computes the metrics; duplicate pairs (and, in deduplication, reversed or self pairs) are counted once. */
    public static BlockingMetrics of(Pairs candidates, Pairs gold, int leftSize, int rightSize, boolean dedup) {
        long[] c = normalised(candidates, dedup);
        long[] g = normalised(gold, dedup);
        long tp = Sorted.intersectionSize(c, g);
        long space = dedup ? (long) leftSize * (leftSize - 1) / 2 : (long) leftSize * rightSize;
        return new BlockingMetrics(c.length, g.length, tp, space, dedup ? leftSize : (long) leftSize + rightSize);
    }

    static long[] normalised(Pairs pairs, boolean dedup) {
        LongBuffer out = new LongBuffer(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            int l = pairs.left(i), r = pairs.right(i);
            if (dedup) {
                if (l == r) {
                    continue;
                }
                out.add(Pairs.pack(Math.min(l, r), Math.max(l, r)));
            } else {
                out.add(Pairs.pack(l, r));
            }
        }
        return LongBuffer.sortedUnique(out.toArray());
    }

    /** PC: share of known matches among the candidates (recall); 1 when there are no known matches. */
    public double pairCompleteness() {
        return matches == 0 ? 1 : truePositives / (double) matches;
    }

    /** PQ: share of candidates that are known matches (precision); 0 for no candidates. */
    public double pairsQuality() {
        return candidates == 0 ? 0 : truePositives / (double) candidates;
    }

    /** RR: share of the comparison space that blocking saves. */
    public double reductionRatio() {
        return comparisonSpace == 0 ? 1 : 1 - candidates / (double) comparisonSpace;
    }

    /** Harmonic mean of PC and PQ. */
    public double f1() {
        double pc = pairCompleteness(), pq = pairsQuality();
        return pc + pq == 0 ? 0 : 2 * pc * pq / (pc + pq);
    }

    /** Comparisons each record takes part in, on average: {@code 2 x candidates / records}. */
    public double candidatesPerRecord() {
        return records == 0 ? 0 : 2.0 * candidates / records;
    }

    @Override
    public String toString() {
        return String.format("PC %.4f, PQ %.4f, RR %.6f, %,d candidates (%.1f per record), %,d of %,d matches",
                pairCompleteness(), pairsQuality(), reductionRatio(), candidates, candidatesPerRecord(), truePositives,
                matches);
    }
}
