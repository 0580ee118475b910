package dev.matcher.eval;

import dev.matcher.blocking.Blockers;
import dev.matcher.blocking.BlockingMetrics;

import dev.matcher.data.Pairs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default blocker's targets on the shared benchmark data ({@code ./mvnw -B verify -Pdatasets}). */
@Tag("datasets")
class AutoBlockingDatasetsTest {
    @ParameterizedTest
    @CsvSource({"leipzig_abt_buy, 0.97, 0.05", "leipzig_dblp_acm, 0.998, 0.10", "febrl3, 0.99, 0", "febrl4, 0.99, 0"})
    void autoReachesTheTargets(String dataset, double minPc, double minPq) {
        BenchmarkDataset d = BenchmarkDataset.load(BenchmarkDataset.folder().resolve(dataset));
        Pairs candidates = Blockers.auto().candidates(d.task());
        BlockingMetrics m = BlockingMetrics.of(candidates, d.matches(), d.left().size(), d.right().size(), d.isDeduplication());
        assertTrue(m.pairCompleteness() >= minPc && m.pairsQuality() >= minPq, dataset + ": " + m);
    }
}
