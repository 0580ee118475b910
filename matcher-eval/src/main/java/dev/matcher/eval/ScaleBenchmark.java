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
 * a labelled sample, score every candidate, cluster, and measure F1 against the generator's truth. Wall and CPU time,
 * peak heap and after-GC heap per stage ({@link StageMeter}), pairs per second and F1 are reported (what
 * {@code matcher bench scale} prints), so that a regression shows in the stage that caused it.
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
     * @param records        records deduplicated
     * @param candidates     candidate pairs after blocking
     * @param blocking       the candidates against the generator's true pairs (pair completeness, quality)
     * @param stages         wall and CPU seconds and heap per stage, in pipeline order (see {@link StageMeter})
     * @param peakHeapMb     the largest heap in use in any stage (see {@link StageMeter}), MB
     * @param clusterMetrics the clusters against the generator's truth
     */
    public record Result(int records, long candidates, BlockingMetrics blocking, Map<String, StageMeter.Stage> stages,
                         double peakHeapMb, ClusterMetrics clusterMetrics) {
        public Result {
            stages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stages));
        }

        /** Wall-clock seconds per stage, in pipeline order. */
        public Map<String, Double> seconds() {
            Map<String, Double> s = new LinkedHashMap<>();
            stages.forEach((name, st) -> s.put(name, st.seconds()));
            return s;
        }

        public double totalSeconds() {
            return total(StageMeter.Stage::seconds);
        }

        /** Process CPU seconds without generation. */
        public double totalCpuSeconds() {
            return total(StageMeter.Stage::cpuSeconds);
        }

        /** The largest after-GC heap of any stage but generation, MB: close to the peak of live data. */
        public double afterGcHeapMb() {
            return stages.entrySet().stream().filter(e -> !e.getKey().equals("generate"))
                    .mapToDouble(e -> e.getValue().afterGcHeapMb()).max().orElse(0);
        }

        private double total(java.util.function.ToDoubleFunction<StageMeter.Stage> f) {
            return stages.entrySet().stream().filter(e -> !e.getKey().equals("generate"))
                    .mapToDouble(e -> f.applyAsDouble(e.getValue())).sum();
        }

        @Override
        public String toString() {
            TextTable t = new TextTable("stage", "seconds", "cpu s", "peak heap MB", "after-GC MB", "throughput");
            stages.forEach((stage, st) -> t.row(stage, String.format(Locale.ROOT, "%.2f", st.seconds()),
                    String.format(Locale.ROOT, "%.2f", st.cpuSeconds()), String.format(Locale.ROOT, "%.0f", st.peakHeapMb()),
                    String.format(Locale.ROOT, "%.0f", st.afterGcHeapMb()), switch (stage) {
                        case "block" -> String.format(Locale.ROOT, "%,.0f records/s", records / st.seconds());
                        case "score", "cluster" -> String.format(Locale.ROOT, "%,.0f pairs/s", candidates / st.seconds());
                        default -> "";
                    }));
            return String.format(Locale.ROOT, "%,d records, %,d candidate pairs%n%s"
                            + "blocking: %s%n"
                            + "total without generation: %.1f s (cpu %.1f s); peak heap %.0f MB, after GC %.0f MB%n"
                            + "clusters vs truth: pair P=%.4f R=%.4f F1=%.4f, B-cubed F1=%.4f (%,d clusters, %,d true)%n",
                    records, candidates, t, blocking, totalSeconds(), totalCpuSeconds(), peakHeapMb, afterGcHeapMb(),
                    clusterMetrics.pairPrecision(), clusterMetrics.pairRecall(), clusterMetrics.pairF1(),
                    clusterMetrics.bcubedF1(), clusterMetrics.predictedClusters(), clusterMetrics.trueClusters());
        }
    }

    private ScaleBenchmark() {
    }

    public static Result run(int records, long seed) {
        return run(records, seed, null);
    }

    /**
     * As {@link #run(int, long)}, printing each stage's figures to {@code log} as it ends (null: silent), so a run
     * that does not finish still shows how far it went.
     */
    public static Result run(int records, long seed, java.io.PrintStream log) {
        try (StageMeter meter = new StageMeter(log)) {
            meter.start("generate");
            SyntheticData data = PersonGenerator.builder().records(records).seed(seed).build().generate();
            Table people = data.table();
            meter.stop();

            meter.start("train");
            Table sample = head(people, Math.min(TRAIN_RECORDS, records));
            LabelledPairs labelled = sampleLabels(sample, data, seed);
            Matcher matcher = Matcher.builder().seed(seed).train(sample, labelled, null);
            meter.stop();

            Resolution r = Resolver.builder().matcher(matcher).progress(meter.listener()).build().deduplicate(people);
            Map<String, StageMeter.Stage> measured = meter.stages();
            Map<String, StageMeter.Stage> stages = new LinkedHashMap<>();
            stages.put("generate", measured.get("generate"));
            stages.put("train", measured.get("train"));
            stages.put("block", measured.get("blocking"));
            stages.put("profile", measured.get("preparing features"));      // per-record profiles, built once
            stages.put("score", measured.get("scoring"));
            stages.put("cluster", measured.get("clustering"));
            Pairs candidates = r.candidates();
            Clusters clusters = r.clusters();

            ClusterMetrics metrics = ClusterMetrics.of(clusters.labels(), data.items());
            BlockingMetrics blocking = BlockingMetrics.of(candidates, data.matches(), records, records, true);
            double peak = stages.values().stream().mapToDouble(StageMeter.Stage::peakHeapMb).max().orElse(0);
            return new Result(records, candidates.size(), blocking, stages, peak, metrics);
        }
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

}
