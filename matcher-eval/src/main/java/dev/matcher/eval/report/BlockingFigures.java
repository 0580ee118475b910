package dev.matcher.eval.report;

import java.util.Locale;

/**
 * How well blocking did on a dataset with a complete gold standard.
 *
 * @param candidates       candidate pairs produced
 * @param pairCompleteness PC: share of true matches among the candidates (blocking recall)
 * @param pairQuality      PQ: share of candidates that are true matches (blocking precision)
 * @param reductionRatio   RR: 1 - candidates / all possible pairs
 */
public record BlockingFigures(long candidates, double pairCompleteness, double pairQuality, double reductionRatio) {
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d candidates, PC=%.3f PQ=%.3f RR=%.4f", candidates, pairCompleteness,
                pairQuality, reductionRatio);
    }
}
