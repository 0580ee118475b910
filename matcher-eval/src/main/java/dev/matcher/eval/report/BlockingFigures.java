package dev.matcher.eval.report;

import dev.matcher.data.Pairs;

import java.util.Arrays;
import java.util.Locale;

/**
 * How well blocking did on a dataset with a complete gold standard.
 *
 * <pre>{@code
 * BlockingFigures b = BlockingFigures.measure(candidates, dataset.matches(), left.size(), right.size(), dedup);
 * b.pairCompleteness();   // share of the true matches that survived blocking
 * }</pre>
 *
 * @param candidates       distinct candidate pairs produced
 * @param pairCompleteness PC: share of true matches among the candidates (blocking recall)
 * @param pairQuality      PQ: share of candidates that are true matches (blocking precision)
 * @param reductionRatio   RR: 1 - candidates / all possible pairs
 */
public record BlockingFigures(long candidates, double pairCompleteness, double pairQuality, double reductionRatio) {

    /**
     * Measures candidate pairs against the true matches. In deduplication {@code (a, b)} and {@code (b, a)} are the
     * same pair and self-pairs are ignored; repeated candidates count once. O((c + m) log(c + m)).
     *
     * @param leftSize  rows of the left table
     * @param rightSize rows of the right table (ignored in deduplication)
     */
    public static BlockingFigures measure(Pairs candidates, Pairs matches, int leftSize, int rightSize,
                                          boolean deduplication) {
        long[] c = distinct(candidates, deduplication);
        long[] m = distinct(matches, deduplication);
        long found = 0;
        for (int i = 0, j = 0; i < c.length && j < m.length; ) {
            if (c[i] < m[j]) {
                i++;
            } else if (c[i] > m[j]) {
                j++;
            } else {
                found++;
                i++;
                j++;
            }
        }
        double all = deduplication ? (double) leftSize * (leftSize - 1) / 2 : (double) leftSize * rightSize;
        return new BlockingFigures(c.length, m.length == 0 ? 0 : (double) found / m.length,
                c.length == 0 ? 0 : (double) found / c.length, all == 0 ? 0 : 1 - c.length / all);
    }

    private static long[] distinct(Pairs pairs, boolean deduplication) {
        long[] keys = new long[pairs.size()];
        int n = 0;
        for (int i = 0; i < pairs.size(); i++) {
            int l = pairs.left(i);
            int r = pairs.right(i);
            if (deduplication) {
                if (l == r) {
                    continue;
                }
                keys[n++] = Pairs.pack(Math.min(l, r), Math.max(l, r));
            } else {
                keys[n++] = Pairs.pack(l, r);
            }
        }
        keys = Arrays.copyOf(keys, n);
        Arrays.sort(keys);
        int unique = 0;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                keys[unique++] = keys[i];
            }
        }
        return Arrays.copyOf(keys, unique);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d candidates, PC=%.3f PQ=%.3f RR=%.4f", candidates, pairCompleteness,
                pairQuality, reductionRatio);
    }
}
