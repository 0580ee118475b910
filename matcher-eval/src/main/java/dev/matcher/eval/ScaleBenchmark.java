package dev.matcher.eval;

import dev.matcher.Resolution;
import dev.matcher.Resolver;
import dev.matcher.blocking.Blockers;
import dev.matcher.blocking.BlockingMetrics;
import dev.matcher.cluster.Clusters;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.TextTable;
import dev.matcher.eval.synth.PersonGenerator;
import dev.matcher.eval.synth.SyntheticData;
import dev.matcher.match.Matcher;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * End-to-end deduplication at scale on generated person records with known duplicates: generate, block, train on
 * a labelled sample, score every candidate, cluster, and measure F1 against the generator's truth. Wall time per
 * stage, pairs per second and peak heap are reported (what {@code matcher bench scale} prints).
 *
 * <pre>{@code
 * ScaleBenchmark.Result r = ScaleBenchmark.run(1_000_000, 42);
 * System.out.println(r);
 * }</pre>
 */
public final class ScaleBenchmark {
    /** Labelled pairs for training: sampled from the candidates of the first records, truth from the generator. */
    static final int TRAIN_RECORDS = 20_000;
    static final int TRAIN_PAIRS = 4_000;

    /**
     * @param records     records deduplicated
     * @param candidates  candidate pairs after blocking
     * @param blocking    the candidates against the generator's true pairs (pair completeness, quality)
     * @param seconds     wall-clock seconds per stage, in pipeline order
     * @param peakHeapMb  peak heap in use over the whole run (sum of the heap pools' peaks), MB
     * @param clusterMetrics the clusters against the generator's truth
     */
    public record Result(int records, long candidates, BlockingMetrics blocking, Map<String, Double> seconds, double peakHeapMb,
                         ClusterMetrics clusterMetrics) {
        public double totalSeconds() {
            return seconds.entrySet().stream().filter(e -> !e.getKey().equals("generate"))
                    .mapToDouble(Map.Entry::getValue).sum();
        }

        @Override
        public String toString() {
            TextTable t = new TextTable("stage", "seconds", "throughput");
            seconds.forEach((stage, s) -> t.row(stage, String.format(Locale.ROOT, "%.2f", s), switch (stage) {
                case "block" -> String.format(Locale.ROOT, "%,.0f records/s", records / s);
                case "score" -> String.format(Locale.ROOT, "%,.0f pairs/s", candidates / s);
                case "cluster" -> String.format(Locale.ROOT, "%,.0f pairs/s", candidates / s);
                default -> "";
            }));
            return String.format(Locale.ROOT, "%,d records, %,d candidate pairs%n%s"
                            + "blocking: %s%n"
                            + "total without generation: %.1f s; peak heap %.0f MB%n"
                            + "clusters vs truth: pair P=%.4f R=%.4f F1=%.4f, B-cubed F1=%.4f (%,d clusters, %,d true)%n",
                    records, candidates, t, blocking, totalSeconds(), peakHeapMb, clusterMetrics.pairPrecision(),
                    clusterMetrics.pairRecall(), clusterMetrics.pairF1(), clusterMetrics.bcubedF1(),
                    clusterMetrics.predictedClusters(), clusterMetrics.trueClusters());
        }
    }

    private ScaleBenchmark() {
    }

    public static Result run(int records, long seed) {
        HeapPeak.reset();
        Map<String, Double> seconds = new LinkedHashMap<>();
        long start = System.nanoTime();
        SyntheticData data = PersonGenerator.builder().records(records).seed(seed).build().generate();
        Table people = data.table();
        seconds.put("generate", since(start));

        start = System.nanoTime();
        Table sample = head(people, Math.min(TRAIN_RECORDS, records));
        LabelledPairs labelled = sampleLabels(sample, data, seed);
        Matcher matcher = Matcher.builder().seed(seed).train(sample, labelled, null);
        seconds.put("train", since(start));

        Resolution r = Resolver.builder().matcher(matcher).build().deduplicate(people);
        seconds.put("block", r.seconds().get("blocking"));
        seconds.put("profile", r.seconds().get("preparing features"));      // per-record profiles, built once
        seconds.put("score", r.seconds().get("scoring"));
        seconds.put("cluster", r.seconds().get("clustering"));
        Pairs candidates = r.candidates();
        Clusters clusters = r.clusters();

        ClusterMetrics metrics = ClusterMetrics.of(clusters.labels(), data.items());
        BlockingMetrics blocking = BlockingMetrics.of(candidates, data.matches(), records, records, true);
        return new Result(records, candidates.size(), blocking, seconds, HeapPeak.megabytes(), metrics);
    }

    /** The first {@code n} rows as a table of their own (training must not see the whole data set). */
    private static Table head(Table t, int n) {
        Table.Builder b = Table.builder(t.schema().names().toArray(String[]::new)).name(t.name() + "-head")
                .schema(t.schema());
        String[] row = new String[t.schema().size()];
        for (int r = 0; r < n; r++) {
            for (int a = 0; a < row.length; a++) {
                row[a] = t.value(r, a);
            }
            b.row(t.id(r), row);
        }
        return b.build();
    }

    /** All matching candidates of the sample (up to half the budget) plus random non-matching candidates. */
    private static LabelledPairs sampleLabels(Table sample, SyntheticData data, long seed) {
        Pairs candidates = Blockers.auto().candidates(sample);
        SplittableRandom random = new SplittableRandom(seed);
        int n = candidates.size();
        int[] order = random.ints(0, n).distinct().limit(Math.min(n, 20L * TRAIN_PAIRS)).toArray();
        long[] keys = new long[TRAIN_PAIRS];
        boolean[] labels = new boolean[TRAIN_PAIRS];
        int taken = 0, positives = 0;
        for (int i : order) {
            if (taken == TRAIN_PAIRS) {
                break;
            }
            boolean match = data.item(candidates.left(i)) == data.item(candidates.right(i));
            if (match && positives >= TRAIN_PAIRS / 2) {
                continue;
            }
            positives += match ? 1 : 0;
            keys[taken] = candidates.packed(i);
            labels[taken++] = match;
        }
        return new LabelledPairs(Pairs.fromPacked(java.util.Arrays.copyOf(keys, taken)), java.util.Arrays.copyOf(labels, taken));
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
