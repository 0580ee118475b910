package dev.matcher.metrics;

import java.util.Locale;

/**
 * Counts of match and non-match scores in equal-width bins over {@code [min, max]}; bin {@code i} holds scores in
 * {@code [min + i*w, min + (i+1)*w)}, the last bin also holds {@code max}.
 *
 * <pre>{@code
 * ScoreHistogram h = PairMetrics.of(scores, labels).histogram(20);
 * h.matches(19);      // matches scoring in [0.95, 1.0]
 * }</pre>
 */
public final class ScoreHistogram {
    private final double min;
    private final double max;
    private final long[] matches;
    private final long[] nonMatches;

    ScoreHistogram(double min, double max, long[] matches, long[] nonMatches) {
        this.min = min;
        this.max = max;
        this.matches = matches;
        this.nonMatches = nonMatches;
    }

    /** A histogram from given counts (copied), e.g. to rebuild one from a report. */
    public static ScoreHistogram of(double min, double max, long[] matches, long[] nonMatches) {
        if (matches.length != nonMatches.length || matches.length == 0 || !(max > min)) {
            throw new IllegalArgumentException("need max > min and equally many (>0) bins for both classes");
        }
        return new ScoreHistogram(min, max, matches.clone(), nonMatches.clone());
    }

    public int bins() {
        return matches.length;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** The lower edge of bin {@code i}; {@code lowerEdge(bins())} is {@code max}. */
    public double lowerEdge(int i) {
        return i == bins() ? max : min + (max - min) * i / bins();
    }

    public long matches(int bin) {
        return matches[bin];
    }

    public long nonMatches(int bin) {
        return nonMatches[bin];
    }

    @Override
    public String toString() {
        long m = 0;
        long n = 0;
        for (int i = 0; i < bins(); i++) {
            m += matches[i];
            n += nonMatches[i];
        }
        return String.format(Locale.ROOT, "ScoreHistogram[%d bins over [%.3g, %.3g], %d matches, %d non-matches]",
                bins(), min, max, m, n);
    }
}
