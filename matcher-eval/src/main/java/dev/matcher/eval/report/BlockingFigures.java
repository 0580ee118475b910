package dev.matcher.eval.report;

import dev.matcher.blocking.BlockingMetrics;

import java.util.Locale;

/**
 * How well blocking did on a dataset with a complete gold standard.
 *
 * <pre>{@code
 * BlockingFigures b = BlockingFigures.of(BlockingMetrics.of(candidates, dataset.matches(), nLeft, nRight, dedup));
 * b.pairCompleteness();   // share of the true matches that survived blocking
 * }</pre>
 *
 * @param candidates       distinct candidate pairs produced
 * @param pairCompleteness PC: share of true matches among the candidates (blocking recall)
 * @param pairQuality      PQ: share of candidates that are true matches (blocking precision)
 * @param reductionRatio   RR: 1 - candidates / all possible pairs
 */
public record BlockingFigures(long candidates, double pairCompleteness, double pairQuality, double reductionRatio) {

    /** The figures the reports show, from the blocking module's metrics. */
    public static BlockingFigures of(BlockingMetrics metrics) {
        return new BlockingFigures(metrics.candidates(), metrics.pairCompleteness(), metrics.pairsQuality(),
                metrics.reductionRatio());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d candidates, PC=%.3f PQ=%.3f RR=%.4f", candidates, pairCompleteness,
                pairQuality, reductionRatio);
    }
}
