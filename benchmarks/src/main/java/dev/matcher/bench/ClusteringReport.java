package dev.matcher.bench;

import dev.matcher.Resolver;
import dev.matcher.cluster.ClusterChanges;
import dev.matcher.cluster.Clusterer;
import dev.matcher.cluster.Clusterers;
import dev.matcher.cluster.Clusters;
import dev.matcher.cluster.IncrementalClusterer;
import dev.matcher.cluster.Linkage;
import dev.matcher.cluster.RecordSpace;
import dev.matcher.cluster.ScoredPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.TextTable;
import dev.matcher.eval.BenchmarkDataset;
import dev.matcher.eval.BenchmarkRunner;
import dev.matcher.eval.ClusterMetrics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * Compares the clustering algorithms on benchmark datasets with complete gold standards: for each algorithm and
 * threshold, pairwise and B-cubed precision/recall/F1 and the cluster count against the true clusters (the connected
 * components of {@code matches.csv}); then adds the last 20% of the records incrementally and compares with the batch
 * run. Scores come from the library's matcher by the full-pipeline protocol of {@code BenchmarkRunner} (automatic
 * blocking, two folds, each scored by a matcher trained by active learning on the other fold with {@code --labels}
 * labels, the gold standard as oracle); the table also shows each algorithm at the matcher's own threshold.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.matcher.bench.ClusteringReport [--labels 500] DATASET_FOLDER...
 * }</pre>
 * Without folders it runs febrl3, cora, dedupe_chicago_early_childhood, pricerunner_products and febrl4 under the
 * datasets folder ({@code -Dmatcher.datasets=DIR} or {@code MATCHER_DATASETS}).
 */
public final class ClusteringReport {
    private static final double[] THRESHOLDS = {0.1, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95};
    private static final String[] DEFAULT_DATASETS = {"febrl3", "cora", "dedupe_chicago_early_childhood",
        "pricerunner_products", "febrl4"};

    private ClusteringReport() {
    }

    /** An algorithm at a threshold; {@code linkageOnly} for those that need two tables. */
    record Algorithm(String name, DoubleFunction<Clusterer> at, boolean linkageOnly) {
    }

    static List<Algorithm> algorithms() {
        return List.of(
                new Algorithm("connectedComponents", Clusterers::connectedComponents, false),
                new Algorithm("connectedComponents+maxSize(50)", t -> Clusterers.connectedComponents(t).withMaxSize(50),
                        false),
                new Algorithm("center", Clusterers::center, false),
                new Algorithm("mergeCenter", Clusterers::mergeCenter, false),
                new Algorithm("pivot", Clusterers::pivot, false),
                new Algorithm("hierarchical AVERAGE", t -> Clusterers.hierarchical(t, Linkage.AVERAGE), false),
                new Algorithm("hierarchical CENTROID", t -> Clusterers.hierarchical(t, Linkage.CENTROID), false),
                new Algorithm("uniqueMapping", Clusterers::uniqueMapping, false),
                new Algorithm("maxWeightAssignment", Clusterers::maxWeightAssignment, true),
                new Algorithm("manyToOne", Clusterers::manyToOne, true));
    }

    /** One result row. */
    record Row(String dataset, String algorithm, double threshold, ClusterMetrics metrics, long millis) {
    }

    public static void main(String[] args) {
        int labels = 500;
        List<Path> folders = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--labels")) {
                labels = Integer.parseInt(args[++i]);
            } else {
                folders.add(Path.of(args[i]));
            }
        }
        if (folders.isEmpty()) {
            for (String d : DEFAULT_DATASETS) {
                folders.add(BenchmarkDataset.folder().resolve(d));
            }
        }
        BenchmarkRunner runner = new BenchmarkRunner(BenchmarkRunner.Options.defaults().withLabels(labels));
        List<Row> best = new ArrayList<>();
        Map<String, double[]> meanPairF1ByThreshold = new LinkedHashMap<>();
        Map<String, double[]> meanBcubedF1ByThreshold = new LinkedHashMap<>();
        Map<String, Integer> datasetsPerAlgorithm = new LinkedHashMap<>();
        Map<String, double[]> atMatcherThreshold = new LinkedHashMap<>();   // summed pair F1, B3 F1
        for (Path folder : folders) {
            long t0 = System.nanoTime();
            BenchmarkDataset d = BenchmarkDataset.load(folder);
            RecordSpace space = RecordSpace.of(d.task());
            Pairs matches = toRecords(space, d.matches());
            Clusters truth = ClusterMetrics.truth(space.size(), matches);
            Pairs candidates = Resolver.builder().build().candidates(d.task());
            BenchmarkRunner.CrossFitted l;
            try {
                l = runner.crossFit(d, candidates);
            } catch (IllegalArgumentException e) {
                System.out.printf("%n== %s: no learned scores: %s%n", d, e.getMessage());
                continue;
            }
            ScoredPairs scored = space.toRecords(new ScoredPairs(candidates, l.scores()));
            double matcherThreshold = l.threshold();
            System.out.printf(Locale.ROOT, "%n== %s: %d records, %d true clusters (%d matching pairs)%n"
                            + "learned scores: %d candidate pairs (Blockers.auto) holding %.1f%% of the matching pairs;"
                            + " 2-fold active learning, %d labels per fold; matcher threshold %.3f; %.1f s%n",
                    d, space.size(), truth.count(), d.matches().size(), candidates.size(),
                    100.0 * candidateRecall(candidates, d.matches(), d.isDeduplication()), labels,
                    matcherThreshold, (System.nanoTime() - t0) / 1e9);
            TextTable table = new TextTable("algorithm", "best t", "pair P", "pair R", "pair F1", "B3 P", "B3 R",
                    "B3 F1", "clusters", "truth", "ms", "pair F1 / B3 F1 at matcher t");
            for (Algorithm a : algorithms()) {
                if (a.linkageOnly() && d.isDeduplication()) {
                    continue;
                }
                Row top = null;
                double[] pairF1 = meanPairF1ByThreshold.computeIfAbsent(a.name(), k -> new double[THRESHOLDS.length]);
                double[] b3F1 = meanBcubedF1ByThreshold.computeIfAbsent(a.name(), k -> new double[THRESHOLDS.length]);
                datasetsPerAlgorithm.merge(a.name(), 1, Integer::sum);
                for (int k = 0; k < THRESHOLDS.length; k++) {
                    long s = System.nanoTime();
                    Clusters c = a.at().apply(THRESHOLDS[k]).cluster(space.size(), scored);
                    long ms = (System.nanoTime() - s) / 1_000_000;
                    ClusterMetrics m = ClusterMetrics.of(c, truth);
                    pairF1[k] += m.pairF1();
                    b3F1[k] += m.bcubedF1();
                    if (top == null || m.pairF1() > top.metrics().pairF1()) {
                        top = new Row(d.name(), a.name(), THRESHOLDS[k], m, ms);
                    }
                }
                best.add(top);
                String atMatcher = "-";
                if (!Double.isNaN(matcherThreshold)) {
                    ClusterMetrics m = ClusterMetrics.of(a.at().apply(matcherThreshold).cluster(space.size(), scored),
                            truth);
                    atMatcher = f(m.pairF1()) + " / " + f(m.bcubedF1());
                    double[] sums = atMatcherThreshold.computeIfAbsent(a.name(), k -> new double[2]);
                    sums[0] += m.pairF1();
                    sums[1] += m.bcubedF1();
                }
                Object[] cells = Arrays.copyOf(cells(top), 12);
                cells[11] = atMatcher;
                table.row(cells);
            }
            System.out.print(table);
            incremental(space, scored, truth, best);
        }
        System.out.println("\n== mean over the datasets each algorithm ran on, at ONE threshold for all of them");
        TextTable summary = new TextTable("algorithm", "datasets", "t (pair)", "mean pair F1", "t (B3)",
                "mean B3 F1", "mean pair F1 at best t per dataset", "mean pair F1 / B3 F1 at matcher t");
        for (String name : meanPairF1ByThreshold.keySet()) {
            int n = datasetsPerAlgorithm.get(name);
            int kp = argmax(meanPairF1ByThreshold.get(name));
            int kb = argmax(meanBcubedF1ByThreshold.get(name));
            double oracle = best.stream().filter(r -> r.algorithm().equals(name))
                    .mapToDouble(r -> r.metrics().pairF1()).average().orElse(Double.NaN);
            summary.row(name, n, THRESHOLDS[kp], f(meanPairF1ByThreshold.get(name)[kp] / n), THRESHOLDS[kb],
                    f(meanBcubedF1ByThreshold.get(name)[kb] / n), f(oracle),
                    atMatcherThreshold.containsKey(name) ? f(atMatcherThreshold.get(name)[0] / n) + " / "
                            + f(atMatcherThreshold.get(name)[1] / n) : "-");
        }
        System.out.print(summary);
    }

    /**
     * Clusters the first 80% of the records, adds the last 20% with {@link IncrementalClusterer}, and compares the
     * result with a batch run over all records (agreement = pairwise F1 between the two clusterings), at the
     * threshold that was best for the batch run.
     */
    private static void incremental(RecordSpace space, ScoredPairs scored, Clusters truth, List<Row> best) {
        int n = space.size();
        int old = (int) (n * 0.8);
        int[] ol = new int[scored.size()];
        int[] or = new int[scored.size()];
        double[] os = new double[scored.size()];
        int[] nl = new int[scored.size()];
        int[] nr = new int[scored.size()];
        double[] ns = new double[scored.size()];
        int mo = 0;
        int mn = 0;
        for (int i = 0; i < scored.size(); i++) {
            if (scored.left(i) < old && scored.right(i) < old) {
                ol[mo] = scored.left(i);
                or[mo] = scored.right(i);
                os[mo++] = scored.score(i);
            } else {
                nl[mn] = scored.left(i);
                nr[mn] = scored.right(i);
                ns[mn++] = scored.score(i);
            }
        }
        ScoredPairs oldPairs = ScoredPairs.of(Arrays.copyOf(ol, mo), Arrays.copyOf(or, mo), Arrays.copyOf(os, mo));
        ScoredPairs newPairs = ScoredPairs.of(Arrays.copyOf(nl, mn), Arrays.copyOf(nr, mn), Arrays.copyOf(ns, mn));
        String[] newIds = new String[n - old];
        for (int i = 0; i < newIds.length; i++) {
            newIds[i] = Integer.toString(old + i);
        }
        System.out.printf(Locale.ROOT, "incremental: %d records clustered, then %d added (%d new pairs)%n", old,
                n - old, newPairs.size());
        TextTable t = new TextTable("algorithm", "aggregation", "t", "agreement with batch (pair F1)",
                "pair F1 batch", "pair F1 incremental", "created", "attached", "merged", "renamed", "ms");
        String[] names = {"connectedComponents", "hierarchical AVERAGE", "pivot"};
        for (String name : names) {
            Algorithm a = algorithms().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
            double threshold = best.stream().filter(r -> r.algorithm().equals(name)).reduce((x, y) -> y)
                    .orElseThrow().threshold();
            Clusterer c = a.at().apply(threshold);
            Clusters batch = c.cluster(n, scored);
            Clusters before = c.cluster(old, oldPairs);
            for (IncrementalClusterer.Aggregation agg : IncrementalClusterer.Aggregation.values()) {
                long s = System.nanoTime();
                IncrementalClusterer.Update u = IncrementalClusterer.of(c, agg).add(before, newIds, newPairs);
                long ms = (System.nanoTime() - s) / 1_000_000;
                ClusterChanges ch = u.changes();
                t.row(name, agg, threshold, f(ClusterMetrics.of(u.clusters(), batch).pairF1()),
                        f(ClusterMetrics.of(batch, truth).pairF1()), f(ClusterMetrics.of(u.clusters(), truth).pairF1()),
                        ch.created().size(), ch.attached().size(), ch.merged().size(), ch.renamed().size(), ms);
            }
        }
        System.out.print(t);
    }

    private static Object[] cells(Row r) {
        ClusterMetrics m = r.metrics();
        return new Object[] {r.algorithm(), r.threshold(), f(m.pairPrecision()), f(m.pairRecall()), f(m.pairF1()),
            f(m.bcubedPrecision()), f(m.bcubedRecall()), f(m.bcubedF1()), m.predictedClusters(), m.trueClusters(),
            r.millis()};
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static Pairs toRecords(RecordSpace space, Pairs rowPairs) {
        int[] l = new int[rowPairs.size()];
        int[] r = new int[rowPairs.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = space.left(rowPairs.left(i));
            r[i] = space.right(rowPairs.right(i));
        }
        return Pairs.of(l, r);
    }

    private static double candidateRecall(Pairs candidates, Pairs matches, boolean dedup) {
        long[] keys = candidates.toPacked();
        Arrays.sort(keys);
        int found = 0;
        for (int i = 0; i < matches.size(); i++) {
            int a = matches.left(i);
            int b = matches.right(i);
            long key = dedup ? Pairs.pack(Math.min(a, b), Math.max(a, b)) : Pairs.pack(a, b);
            if (Arrays.binarySearch(keys, key) >= 0) {
                found++;
            }
        }
        return matches.size() == 0 ? 1 : (double) found / matches.size();
    }
}
