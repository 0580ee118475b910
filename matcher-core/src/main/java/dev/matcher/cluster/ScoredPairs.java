package dev.matcher.cluster;

import dev.matcher.data.Pairs;

import java.util.Arrays;

/**
 * Record pairs with a match probability each, the input of every {@link Clusterer}. Records are indices
 * {@code 0..n-1} of one record space: in deduplication the table rows, in two-table linkage the rows of both tables
 * as mapped by {@link RecordSpace#linkage}.
 *
 * <pre>{@code
 * ScoredPairs scored = ScoredPairs.of(new int[] {0, 1}, new int[] {1, 2}, new double[] {0.9, 0.4});
 * scored.score(0);              // 0.9
 * scored.atLeast(0.5).size();   // 1
 * }</pre>
 *
 * @param pairs  the record pairs (orientation matters only to the one-to-one clusterers, see {@link Clusterers})
 * @param scores one probability in [0, 1] per pair
 */
public record ScoredPairs(Pairs pairs, double[] scores) {
    private static final ScoredPairs EMPTY = new ScoredPairs(Pairs.empty(), new double[0]);

    public ScoredPairs {
        if (pairs.size() != scores.length) {
            throw new IllegalArgumentException(pairs.size() + " pairs for " + scores.length + " scores");
        }
        scores = scores.clone();
        for (int i = 0; i < scores.length; i++) {
            if (!(scores[i] >= 0 && scores[i] <= 1)) {
                throw new IllegalArgumentException("score " + scores[i] + " of pair (" + pairs.left(i) + ", "
                        + pairs.right(i) + ") is not a probability in [0, 1]");
            }
            if (pairs.left(i) < 0 || pairs.right(i) < 0) {
                throw new IllegalArgumentException("negative record index in pair " + i);
            }
        }
    }

    /** Scored pairs from parallel arrays (copied). */
    public static ScoredPairs of(int[] left, int[] right, double[] scores) {
        return new ScoredPairs(Pairs.of(left, right), scores);
    }

    public static ScoredPairs empty() {
        return EMPTY;
    }

    public int size() {
        return scores.length;
    }

    public int left(int i) {
        return pairs.left(i);
    }

    public int right(int i) {
        return pairs.right(i);
    }

    public double score(int i) {
        return scores[i];
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    /** The largest record index in any pair, plus one (0 when empty): the smallest record count these pairs fit. */
    public int minRecordCount() {
        int max = -1;
        for (int i = 0; i < scores.length; i++) {
            max = Math.max(max, Math.max(pairs.left(i), pairs.right(i)));
        }
        return max + 1;
    }

    /** The pairs scoring at least {@code threshold}, in the same order. */
    public ScoredPairs atLeast(double threshold) {
        int n = 0;
        for (double s : scores) {
            if (s >= threshold) {
                n++;
            }
        }
        int[] l = new int[n];
        int[] r = new int[n];
        double[] s = new double[n];
        for (int i = 0, j = 0; i < scores.length; i++) {
            if (scores[i] >= threshold) {
                l[j] = pairs.left(i);
                r[j] = pairs.right(i);
                s[j++] = scores[i];
            }
        }
        return of(l, r, s);
    }

    /** These pairs followed by {@code more}. */
    public ScoredPairs concat(ScoredPairs more) {
        int n = size();
        int[] l = new int[n + more.size()];
        int[] r = new int[l.length];
        double[] s = Arrays.copyOf(scores, l.length);
        for (int i = 0; i < n; i++) {
            l[i] = left(i);
            r[i] = right(i);
        }
        for (int i = 0; i < more.size(); i++) {
            l[n + i] = more.left(i);
            r[n + i] = more.right(i);
            s[n + i] = more.scores[i];
        }
        return of(l, r, s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoredPairs other && Arrays.equals(pairs.toPacked(), other.pairs.toPacked())
                && Arrays.equals(scores, other.scores);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(pairs.toPacked()) + Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ScoredPairs[").append(size());
        for (int i = 0; i < Math.min(5, size()); i++) {
            sb.append(i == 0 ? ": " : ", ").append('(').append(left(i)).append(',').append(right(i)).append(")=")
                    .append(String.format(java.util.Locale.ROOT, "%.3f", scores[i]));
        }
        return sb.append(size() > 5 ? ", ...]" : "]").toString();
    }
}
