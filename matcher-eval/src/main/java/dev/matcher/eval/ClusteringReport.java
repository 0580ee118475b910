package dev.matcher.eval;

import dev.matcher.cluster.ClusterChanges;
import dev.matcher.cluster.Clusterer;
import dev.matcher.cluster.Clusterers;
import dev.matcher.cluster.Clusters;
import dev.matcher.cluster.IncrementalClusterer;
import dev.matcher.cluster.Linkage;
import dev.matcher.cluster.RecordSpace;
import dev.matcher.cluster.ScoredPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.TextTable;
import dev.matcher.blocking.Blockers;
import dev.matcher.match.ActiveLearner;
import dev.matcher.match.Matcher;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.stream.IntStream;

/**
 * Compares the clustering algorithms on benchmark datasets with complete gold standards: for each algorithm and
 * threshold, pairwise and B-cubed precision/recall/F1 and the cluster count against the true clusters (the connected
 * components of {@code matches.csv}); then adds the last 20% of the records incrementally and compares with the batch
 * run.
 *
 * <p>Scores come from one of two sources:
 * <ul>
 *   <li>{@code --learned}: the library's matcher by the full-pipeline protocol of {@link BenchmarkRunner}
 *   ({@code Blockers.auto}, two folds, each scored by a matcher trained by active learning on the other fold with
 *   {@code --labels} labels, the gold standard as oracle). The table also shows each algorithm at the matcher's own
 *   threshold, the untuned default.</li>
 *   <li>otherwise <b>a stand-in</b>: candidate pairs from a plain token blocking (records sharing a word, words in
 *   more than {@code --max-block} records ignored) scored by the mean over attributes present in both records of
 *   max(Jaro-Winkler, word Jaccard). Not probabilities; only the comparison between algorithms means something.</li>
 * </ul>
 *
 * <pre>{@code
 * java -cp ... dev.matcher.eval.ClusteringReport [--learned [--labels 500]] [--max-block 100] \
 *     /work/shared/datasets/febrl3 /work/shared/datasets/pricerunner_products:title   # ":a,b" = stand-in attributes
 * }</pre>
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
        int maxBlock = 100;
        boolean learned = false;
        int labels = 500;
        List<String> folders = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--max-block")) {
                maxBlock = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--learned")) {
                learned = true;
            } else if (args[i].equals("--labels")) {
                labels = Integer.parseInt(args[++i]);
            } else {
                folders.add(args[i]);
            }
        }
        if (folders.isEmpty()) {
            for (String d : DEFAULT_DATASETS) {
                folders.add(Path.of("/work/shared/datasets", d).toString());
            }
        }
        List<Row> best = new ArrayList<>();
        Map<String, double[]> meanPairF1ByThreshold = new LinkedHashMap<>();
        Map<String, double[]> meanBcubedF1ByThreshold = new LinkedHashMap<>();
        Map<String, Integer> datasetsPerAlgorithm = new LinkedHashMap<>();
        Map<String, double[]> atMatcherThreshold = new LinkedHashMap<>();   // summed pair F1, B3 F1
        for (String arg : folders) {
            long t0 = System.nanoTime();
            int colon = arg.lastIndexOf(':');
            BenchmarkDataset d = BenchmarkDataset.load(Path.of(colon < 0 ? arg : arg.substring(0, colon)));
            List<String> attributes = colon < 0 ? d.left().schema().names()
                    : List.of(arg.substring(colon + 1).split(","));
            RecordSpace space = d.isDeduplication() ? RecordSpace.deduplication(d.left().size())
                    : RecordSpace.linkage(d.left().size(), d.right().size());
            Pairs matches = toRecords(space, d.matches());
            Clusters truth = ClusterMetrics.truth(space.size(), matches);
            ScoredPairs scored;
            double matcherThreshold = Double.NaN;
            if (learned) {
                Learned l;
                try {
                    l = Learned.score(d, labels, 42);
                } catch (IllegalArgumentException e) {
                    System.out.printf("%n== %s: no learned scores: %s%n", d, e.getMessage());
                    continue;
                }
                scored = space.toRecords(new ScoredPairs(l.candidates(), l.scores()));
                matcherThreshold = l.threshold();
                System.out.printf(Locale.ROOT, "%n== %s: %d records, %d true clusters (%d matching pairs)%n"
                                + "learned scores: %d candidate pairs (Blockers.auto) holding %.1f%% of the matching pairs;"
                                + " 2-fold active learning, %d labels per fold; matcher threshold %.3f; %.1f s%n",
                        d, space.size(), truth.count(), d.matches().size(), l.candidates().size(),
                        100.0 * candidateRecall(l.candidates(), d.matches(), d.isDeduplication()), labels,
                        matcherThreshold, (System.nanoTime() - t0) / 1e9);
            } else {
                StandIn standIn = new StandIn(d.left(), d.right(), d.isDeduplication(), attributes);
                Pairs candidates = standIn.candidates(maxBlock);
                long t1 = System.nanoTime();
                double[] scores = standIn.score(candidates);
                scored = space.toRecords(new ScoredPairs(candidates, scores));
                long t2 = System.nanoTime();
                System.out.printf(Locale.ROOT, "%n== %s: %d records, %d true clusters (%d matching pairs)%n"
                                + "stand-in scores: %d candidate pairs (token blocking, blocks <= %d) holding %.1f%% of "
                                + "the matching pairs; attributes %s; load+block %.1f s, score %.1f s%n",
                        d, space.size(), truth.count(), d.matches().size(), candidates.size(), maxBlock,
                        100.0 * candidateRecall(candidates, d.matches(), d.isDeduplication()),
                        colon < 0 ? "all" : attributes, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            }
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

    /**
     * Scores from the learned matcher, by the full-pipeline protocol of {@link BenchmarkRunner}: automatic blocking;
     * candidates split in two folds by a hash of the pair; for each fold a matcher trained by active learning on the
     * other fold (gold standard as the oracle, {@code labels} labels) scores this fold.
     */
    record Learned(Pairs candidates, double[] scores, double threshold) {
        static Learned score(BenchmarkDataset d, int labels, long seed) {
            Table left = d.left();
            Table right = d.right();
            boolean dedup = d.isDeduplication();
            Pairs gold = d.matches();
            java.util.function.LongPredicate oracle = key -> dedup
                    ? gold.containsUnordered(Pairs.left(key), Pairs.right(key))
                    : gold.contains(Pairs.left(key), Pairs.right(key));
            Pairs candidates = Blockers.auto().candidates(d.task());
            int[] fold = new int[candidates.size()];
            for (int i = 0; i < fold.length; i++) {
                fold[i] = (int) (mix(seed ^ candidates.packed(i)) & 1);
            }
            double[] scores = new double[candidates.size()];
            double threshold = 0;
            for (int f = 0; f < 2; f++) {
                int current = f;
                Pairs pool = Pairs.fromPacked(IntStream.range(0, fold.length).filter(i -> fold[i] != current)
                        .mapToLong(candidates::packed).toArray());
                Pairs target = Pairs.fromPacked(IntStream.range(0, fold.length).filter(i -> fold[i] == current)
                        .mapToLong(candidates::packed).toArray());
                ActiveLearner learner = ActiveLearner.start(Matcher.builder().seed(seed).search(false), left, right,
                        pool);
                while (learner.labelled() < labels) {
                    Pairs ask = learner.propose(Math.min(50, labels - learner.labelled()));
                    if (ask.size() == 0) {
                        break;
                    }
                    boolean[] answers = new boolean[ask.size()];
                    for (int i = 0; i < answers.length; i++) {
                        answers[i] = oracle.test(ask.packed(i));
                    }
                    learner.label(ask, answers);
                    if (learner.canTrain()) {
                        learner.retrain();
                    }
                }
                Matcher m = Matcher.builder().seed(seed).train(left, right, learner.labels(), null);
                threshold += m.threshold() / 2;
                double[] s = m.score(left, right, target);
                for (int i = 0, j = 0; i < fold.length; i++) {
                    if (fold[i] == current) {
                        scores[i] = s[j++];
                    }
                }
            }
            return new Learned(candidates, scores, threshold);
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }
    }

    /**
     * The stand-in matcher: word tokens and lower-cased values prepared once per record, token blocking, and the
     * mean of max(Jaro-Winkler, word Jaccard) over attributes both records have.
     */
    static final class StandIn {
        private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
        private final boolean dedup;
        private final String[][] leftValues;
        private final String[][] rightValues;
        private final int[][][] leftTokens;
        private final int[][][] rightTokens;

        StandIn(Table left, Table right, boolean dedup, List<String> attributes) {
            this.dedup = dedup;
            leftValues = values(left, attributes);
            rightValues = dedup ? leftValues : values(right, attributes);
            leftTokens = tokens(leftValues);
            rightTokens = dedup ? leftTokens : tokens(rightValues);
        }

        /** Lower-cased values of the attributes, null where the table lacks the attribute. */
        private static String[][] values(Table t, List<String> attributes) {
            int[] column = new int[attributes.size()];
            for (int a = 0; a < column.length; a++) {
                column[a] = t.schema().names().indexOf(attributes.get(a));
            }
            String[][] v = new String[t.size()][column.length];
            for (int r = 0; r < t.size(); r++) {
                for (int a = 0; a < column.length; a++) {
                    String s = column[a] < 0 ? null : t.value(r, column[a]);
                    v[r][a] = s == null || s.isBlank() ? null
                            : s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
                }
            }
            return v;
        }

        private static int[][][] tokens(String[][] values) {
            int[][][] tokens = new int[values.length][][];
            for (int r = 0; r < values.length; r++) {
                tokens[r] = new int[values[r].length][];
                for (int a = 0; a < values[r].length; a++) {
                    tokens[r][a] = values[r][a] == null ? new int[0]
                            : Arrays.stream(values[r][a].split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty())
                            .mapToInt(String::hashCode).sorted().distinct().toArray();
                }
            }
            return tokens;
        }

        private static int[] allTokens(int[][] perAttribute) {
            return Arrays.stream(perAttribute).flatMapToInt(Arrays::stream).sorted().distinct().toArray();
        }

        /** Pairs sharing a word that at most {@code maxBlock} records of each table have; deduplicated. */
        Pairs candidates(int maxBlock) {
            // (token, side, row) sorted: each token's block is a run, left rows before right rows
            long[] entries = new long[1024];
            int size = 0;
            for (int side = 0; side < (dedup ? 1 : 2); side++) {
                int[][][] tokens = side == 0 ? leftTokens : rightTokens;
                for (int r = 0; r < tokens.length; r++) {
                    for (int tok : allTokens(tokens[r])) {
                        if (size == entries.length) {
                            entries = Arrays.copyOf(entries, size * 2);
                        }
                        entries[size++] = ((long) tok << 32) | ((long) side << 31) | r;
                    }
                }
            }
            entries = Arrays.copyOf(entries, size);
            Arrays.sort(entries);
            long[] pairs = new long[1024];
            int m = 0;
            for (int i = 0; i < size; ) {
                int j = i;
                while (j < size && (entries[j] >> 32) == (entries[i] >> 32)) {
                    j++;
                }
                int split = i;
                while (split < j && ((entries[split] >>> 31) & 1) == 0) {
                    split++;
                }
                int leftCount = split - i;
                int rightCount = j - split;
                boolean keep = dedup ? leftCount >= 2 && leftCount <= maxBlock
                        : leftCount >= 1 && rightCount >= 1 && leftCount <= maxBlock && rightCount <= maxBlock;
                if (keep) {
                    int from2 = dedup ? i : split;
                    for (int x = i; x < split; x++) {
                        for (int y = dedup ? x + 1 : from2; y < (dedup ? split : j); y++) {
                            if (m == pairs.length) {
                                pairs = Arrays.copyOf(pairs, m * 2);
                            }
                            int a = (int) (entries[x] & 0x7fffffffL);
                            int b = (int) (entries[y] & 0x7fffffffL);
                            pairs[m++] = dedup ? Pairs.pack(Math.min(a, b), Math.max(a, b)) : Pairs.pack(a, b);
                        }
                    }
                }
                i = j;
            }
            long[] distinct = Arrays.stream(Arrays.copyOf(pairs, m)).parallel().sorted().distinct().toArray();
            return Pairs.fromPacked(distinct);
        }

        double[] score(Pairs candidates) {
            double[] s = new double[candidates.size()];
            IntStream.range(0, s.length).parallel().forEach(i -> s[i] = similarity(candidates.left(i),
                    candidates.right(i)));
            return s;
        }

        double similarity(int l, int r) {
            double sum = 0;
            int n = 0;
            for (int a = 0; a < leftValues[l].length; a++) {
                String x = leftValues[l][a];
                String y = rightValues[r][a];
                if (x == null || y == null) {
                    continue;
                }
                double jw = x.equals(y) ? 1 : JARO_WINKLER.apply(x, y);
                sum += Math.max(jw, jaccard(leftTokens[l][a], rightTokens[r][a]));
                n++;
            }
            return n == 0 ? 0 : Math.min(1, sum / n);
        }

        private static double jaccard(int[] a, int[] b) {
            if (a.length == 0 && b.length == 0) {
                return 0;
            }
            int i = 0;
            int j = 0;
            int common = 0;
            while (i < a.length && j < b.length) {
                if (a[i] == b[j]) {
                    common++;
                    i++;
                    j++;
                } else if (a[i] < b[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return (double) common / (a.length + b.length - common);
        }
    }
}
