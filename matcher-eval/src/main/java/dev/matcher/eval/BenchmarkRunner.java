package dev.matcher.eval;

import dev.matcher.ProgressListener;
import dev.matcher.Resolution;
import dev.matcher.Resolver;
import dev.matcher.blocking.Blockers;
import dev.matcher.blocking.BlockingMetrics;
import dev.matcher.classify.Categorizer;
import dev.matcher.cluster.Clusterer;
import dev.matcher.cluster.Clusters;
import dev.matcher.cluster.RecordSpace;
import dev.matcher.cluster.ScoredPairs;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.metrics.ConfusionMatrix;
import dev.matcher.metrics.PairMetrics;
import dev.matcher.eval.report.BlockingFigures;
import dev.matcher.eval.report.DatasetResult;
import dev.matcher.match.ActiveLearner;
import dev.matcher.match.FeatureImportance;
import dev.matcher.match.MatchMode;
import dev.matcher.match.Matcher;
import dev.matcher.match.MatcherBuilder;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.IntPredicate;

/**
 * Runs the library on one benchmark dataset with the protocol its files allow, and returns every figure.
 * <ul>
 *   <li><b>train/valid/test</b> (the DeepMatcher/Ditto protocol): train on {@code train}, choose the threshold on
 *   {@code valid}, report {@code test}.</li>
 *   <li><b>valid/test</b> (no train split): train on {@code valid} with a cross-validated threshold, report
 *   {@code test}.</li>
 *   <li><b>test only</b>: k-fold cross-validation over the test pairs; every pair is scored by a model that did not
 *   see it.</li>
 *   <li><b>full pipeline</b> (complete gold standard, no splits): automatic blocking; the candidates are split in two
 *   folds by a hash of the pair; for each fold a matcher is trained by active learning on the OTHER fold with the
 *   gold standard as the oracle (a fixed label budget), then scores this fold; all scored candidates are clustered.
 *   Pair figures count every gold pair, also those blocking missed.</li>
 * </ul>
 *
 * <pre>{@code
 * DatasetResult r = new BenchmarkRunner(BenchmarkRunner.Options.defaults()).run(BenchmarkDataset.load(folder));
 * }</pre>
 */
public final class BenchmarkRunner {
    /**
     * @param seed      seeds models, folds and sampling
     * @param labels    label budget of the full-pipeline protocol (per fold)
     * @param folds     folds of the test-only protocol
     * @param clusterer makes the clusterer for a threshold and task (true = linkage)
     * @param mode      exact duplicates or variants
     * @param variantAttributes the attributes that name variants (used in {@link MatchMode#VARIANT})
     */
    public record Options(long seed, int labels, int folds, ClustererChoice clusterer, MatchMode mode,
                          List<String> variantAttributes, Categorizer categories, boolean categoryBlocking) {
        public Options {
            variantAttributes = List.copyOf(variantAttributes);
            if (categoryBlocking && categories == null) {
                throw new IllegalArgumentException("blocking by category needs a categorizer");
            }
        }

        public static Options defaults() {
            return new Options(42, 500, 5, ClustererChoice.DEFAULT, MatchMode.EXACT, List.of(), null, false);
        }

        public Options withLabels(int budget) {
            return new Options(seed, budget, folds, clusterer, mode, variantAttributes, categories, categoryBlocking);
        }

        public Options withSeed(long newSeed) {
            return new Options(newSeed, labels, folds, clusterer, mode, variantAttributes, categories, categoryBlocking);
        }

        public Options withMode(MatchMode newMode, String... newVariantAttributes) {
            return new Options(seed, labels, folds, clusterer, newMode, List.of(newVariantAttributes), categories,
                    categoryBlocking);
        }

        /**
         * Matchers compare the records' predicted categories ({@code category_agree} features); with
         * {@code blocking}, the full pipeline's candidates are also those of one category
         * ({@code Blockers.auto().and(Blockers.categories(c))}). Null: none.
         */
        public Options withCategories(Categorizer c, boolean blocking) {
            return new Options(seed, labels, folds, clusterer, mode, variantAttributes, c, blocking);
        }
    }

    /** Which clusterer the full pipeline uses, given the threshold and whether the task is linkage. */
    @FunctionalInterface
    public interface ClustererChoice {
        Clusterer of(double threshold, boolean linkage);

        ClustererChoice DEFAULT = (t, linkage) -> linkage
                ? dev.matcher.cluster.Clusterers.uniqueMapping(t)
                : dev.matcher.cluster.Clusterers.hierarchical(t, dev.matcher.cluster.Linkage.AVERAGE);
    }

    /**
     * With fewer labels than this of one class (e.g. candidates that are nearly all matches) a tuned threshold is
     * noise; the full pipeline then decides at the calibrated probability 0.5.
     */
    static final int MIN_CLASS_FOR_THRESHOLD = 10;

    private final Options options;
    private final ProgressListener progress;

    public BenchmarkRunner(Options options) {
        this(options, ProgressListener.NONE);
    }

    /** A runner that reports each stage of each protocol (training, scoring, labelling, ...) to a listener. */
    public BenchmarkRunner(Options options, ProgressListener progress) {
        this.options = options;
        this.progress = progress;
    }

    /** The options this runner runs with. */
    public Options options() {
        return options;
    }

    /** Runs one stage of a protocol, told to the listener. */
    private <T> T stage(String name, Supplier<T> work) {
        long start = System.nanoTime();
        progress.started(name, -1, "");
        T result = work.get();
        progress.finished(name, 0, "", seconds(start));
        return result;
    }

    /** Runs the protocol the dataset's files allow. */
    public DatasetResult run(BenchmarkDataset d) {
        HeapPeak.reset();
        DatasetResult.Builder result = DatasetResult.builder(d.name()).task(d.isDeduplication() ? "deduplication" : "linkage");
        if (d.split("train").isPresent()) {
            splits(d, d.split("train").get(), d.split("valid").orElse(null), d.split("test").orElseThrow(), result);
            result.protocol(d.split("valid").isPresent() ? "train/valid/test" : "train/test, CV threshold");
        } else if (d.split("valid").isPresent() && d.split("test").isPresent()) {
            splits(d, d.split("valid").get(), null, d.split("test").get(), result);
            result.protocol("trained on valid (no train split), CV threshold, test");
        } else if (d.split("test").isPresent()) {
            crossValidated(d, d.split("test").get(), result);
            result.protocol(options.folds() + "-fold CV on the test split (no train split)");
        } else {
            fullPipeline(d, result);
            result.protocol("full pipeline: auto blocking, 2-fold active learning (" + options.labels()
                    + " labels per fold), clustering");
        }
        result.extra("peak_heap_mb", HeapPeak.megabytes());
        return result.build();
    }

    /**
     * Both levels of a variant catalogue in one run (a folder with {@code family_*.csv} labels, as {@code matcher
     * generate variants} writes): an exact-mode matcher trained on the item-level {@code train} split and a
     * variant-mode matcher on the family-level one (thresholds on {@code valid}), each scored on its {@code test}
     * pairs; then the user's job end to end: the variant-aware blocker of a variant matcher over the whole
     * catalogue, both matchers scoring its candidates, and the written item and family clusters
     * ({@code match_id}, {@code family_id}) scored against the truth on the test families (every record of a
     * family that a test pair names; a test record joined to any other record is a false positive).
     * Blocking PC/PQ are over the whole catalogue, per level.
     *
     * <pre>{@code
     * List<DatasetResult> r = runner.runLevels(BenchmarkDataset.load(dir), BenchmarkDataset.load(dir, true));
     * r.get(0);   // items: test pairs, item PC/PQ, match_id cluster F1
     * r.get(1);   // families: test pairs, family PC/PQ, family_id cluster F1
     * }</pre>
     *
     * @throws IllegalArgumentException when the two are not one deduplication table with train, valid and test
     *                                  splits at both levels
     */
    public List<DatasetResult> runLevels(BenchmarkDataset items, BenchmarkDataset families) {
        for (BenchmarkDataset d : List.of(items, families)) {
            for (String split : BenchmarkDataset.SPLITS) {
                if (d.split(split).isEmpty()) {
                    throw new IllegalArgumentException(d.name() + " has no " + split + " split: both levels need "
                            + "train, valid and test pairs");
                }
            }
        }
        if (!items.isDeduplication() || !families.isDeduplication() || items.left().size() != families.left().size()) {
            throw new IllegalArgumentException("both levels are pairs of one deduplication table: " + items.name()
                    + " and " + families.name() + " are not");
        }
        HeapPeak.reset();
        Table table = items.left();
        MatcherBuilder exactBuilder = seeded(Matcher.builder().mode(MatchMode.EXACT));
        MatcherBuilder familyBuilder = seeded(Matcher.builder().mode(MatchMode.VARIANT)
                .variantAttributes(options.variantAttributes().toArray(String[]::new)));
        String protocol = "train/valid/test; end to end: variant blocking, family + exact matchers, test families";
        DatasetResult.Builder itemResult = DatasetResult.builder(items.name()).task("deduplication (items)")
                .protocol(protocol);
        DatasetResult.Builder familyResult = DatasetResult.builder(families.name()).task("deduplication (families)")
                .protocol(protocol);
        Matcher exact = levelPairs(items, exactBuilder, itemResult, "exact");
        Matcher family = levelPairs(families, familyBuilder, familyResult, "variant");

        long start = System.nanoTime();
        Resolution r = Resolver.builder().matcher(family).exactMatcher(exact).progress(progress).build()
                .deduplicate(table);
        double resolveSeconds = seconds(start);
        int n = table.size();
        int[] trueFamilies = ClusterMetrics.truth(n, families.matches()).labels();
        boolean[] scope = new boolean[n];
        boolean[] testFamily = new boolean[n];
        for (BenchmarkDataset d : List.of(items, families)) {
            Pairs test = d.split("test").orElseThrow().pairs();
            for (int i = 0; i < test.size(); i++) {
                testFamily[trueFamilies[test.left(i)]] = true;
                testFamily[trueFamilies[test.right(i)]] = true;
            }
        }
        for (int row = 0; row < n; row++) {
            scope[row] = testFamily[trueFamilies[row]];
        }
        int[] trueItems = ClusterMetrics.truth(n, items.matches()).labels();
        ClusterMetrics itemClusters = ClusterMetrics.of(r.clusters().labels(), trueItems, scope);
        ClusterMetrics familyClusters = ClusterMetrics.of(r.families().orElseThrow().labels(), trueFamilies, scope);
        endToEnd(itemResult, BlockingMetrics.of(r.candidates(), items.matches(), n, n, true), itemClusters,
                resolveSeconds, r.warnings().size());
        endToEnd(familyResult, BlockingMetrics.of(r.candidates(), families.matches(), n, n, true), familyClusters,
                resolveSeconds, r.warnings().size());
        double heap = HeapPeak.megabytes();
        return List.of(itemResult.extra("peak_heap_mb", heap).build(), familyResult.extra("peak_heap_mb", heap).build());
    }

    /** One level's matcher, trained on its train split (threshold on valid) and scored on its test pairs. */
    private Matcher levelPairs(BenchmarkDataset d, MatcherBuilder b, DatasetResult.Builder result, String level) {
        LabelledPairs train = d.split("train").orElseThrow();
        LabelledPairs test = d.split("test").orElseThrow();
        long start = System.nanoTime();
        Matcher m = stage("training (" + level + ")", () -> b.train(d.left(), d.right(), train,
                d.split("valid").orElseThrow()));
        double trainSeconds = seconds(start);
        start = System.nanoTime();
        double[] scores = stage("scoring (" + level + ")", () -> m.score(d.left(), d.right(), test.pairs()));
        result.scores(PairMetrics.of(scores, test), m.threshold()).importances(top(m.featureImportance()))
                .seconds("train", trainSeconds).seconds("score", seconds(start))
                .extra("train_pairs", train.size()).extra("test_pairs", test.size());
        return m;
    }

    private static void endToEnd(DatasetResult.Builder result, BlockingMetrics blocking, ClusterMetrics clusters,
                                 double seconds, int warnings) {
        result.blocking(BlockingFigures.of(blocking)).clusterF1(clusters.pairF1())
                .extra("cluster_precision", clusters.pairPrecision()).extra("cluster_recall", clusters.pairRecall())
                .extra("bcubed_f1", clusters.bcubedF1()).extra("test_family_records", clusters.records())
                .extra("resolver_warnings", warnings).seconds("end_to_end", seconds);
    }

    private MatcherBuilder builder() {
        return seeded(Matcher.builder().mode(options.mode())
                .variantAttributes(options.variantAttributes().toArray(String[]::new)));
    }

    /** The options every matcher of a run shares: the seed, and the categories when given. */
    private MatcherBuilder seeded(MatcherBuilder b) {
        b.seed(options.seed());
        return options.categories() == null ? b : b.categories(options.categories());
    }

    /** The full pipeline's blocking: the default, of one category when asked. */
    private Resolver.Builder blocking(Resolver.Builder b) {
        return options.categoryBlocking() ? b.blocker(Blockers.auto().and(Blockers.categories(options.categories())))
                : b;
    }

    private void splits(BenchmarkDataset d, LabelledPairs train, LabelledPairs valid, LabelledPairs test,
                        DatasetResult.Builder result) {
        long start = System.nanoTime();
        Matcher m = stage("training", () -> builder().train(d.left(), d.right(), train, valid));
        double trainSeconds = seconds(start);
        start = System.nanoTime();
        double[] scores = stage("scoring", () -> m.score(d.left(), d.right(), test.pairs()));
        double scoreSeconds = seconds(start);
        result.scores(PairMetrics.of(scores, test), m.threshold())
                .importances(top(m.featureImportance()))
                .seconds("train", trainSeconds).seconds("score", scoreSeconds)
                .extra("train_pairs", train.size()).extra("test_pairs", test.size());
    }

    private void crossValidated(BenchmarkDataset d, LabelledPairs pairs, DatasetResult.Builder result) {
        int k = options.folds();
        int[] fold = new int[pairs.size()];
        for (int i = 0; i < fold.length; i++) {
            fold[i] = Math.floorMod(mix(options.seed() ^ pairs.pairs().packed(i)), k);
        }
        double[] scores = new double[pairs.size()];
        double[] thresholds = new double[k];
        long start = System.nanoTime();
        for (int f = 0; f < k; f++) {
            int current = f;
            LabelledPairs trainPart = subset(pairs, i -> fold[i] != current);
            LabelledPairs testPart = subset(pairs, i -> fold[i] == current);
            Matcher m = stage("training fold " + (f + 1), () -> builder().train(d.left(), d.right(), trainPart, null));
            thresholds[f] = m.threshold();
            double[] s = m.score(d.left(), d.right(), testPart.pairs());
            for (int i = 0, j = 0; i < fold.length; i++) {
                if (fold[i] == current) {
                    scores[i] = s[j++];
                }
            }
        }
        Arrays.sort(thresholds);
        result.scores(PairMetrics.of(scores, pairs), thresholds[k / 2]).seconds("cv", seconds(start))
                .note("threshold: median of the folds' cross-validated thresholds");
    }

    private void fullPipeline(BenchmarkDataset d, DatasetResult.Builder result) {
        Table left = d.left();
        Table right = d.right();
        boolean dedup = d.isDeduplication();
        Pairs gold = d.matches();
        long start = System.nanoTime();
        Pairs candidates = blocking(Resolver.builder().progress(progress)).build().candidates(d.task());
        result.seconds("block", seconds(start));
        BlockingMetrics bm = BlockingMetrics.of(candidates, gold, left.size(), right.size(), dedup);
        result.blocking(BlockingFigures.of(bm));

        CrossFitted cf = crossFit(d, candidates);
        double[] scores = cf.scores();
        boolean[] truth = cf.truth();
        double threshold = cf.threshold();
        result.importances(cf.importances());
        PairMetrics metrics = PairMetrics.of(scores, truth);
        result.scores(metrics, threshold);
        ConfusionMatrix onCandidates = metrics.at(threshold);
        long found = 0;
        for (boolean t : truth) {
            found += t ? 1 : 0;
        }
        long missed = gold.size() - found;
        result.decision(threshold, new ConfusionMatrix(onCandidates.truePositives(), onCandidates.falsePositives(),
                onCandidates.falseNegatives() + missed, onCandidates.trueNegatives()));
        result.seconds("train", cf.trainSeconds()).seconds("score", cf.scoreSeconds())
                .extra("labels_used", cf.labelsUsed());

        start = System.nanoTime();
        RecordSpace space = RecordSpace.of(d.task());
        Clusters predicted = resolver(threshold, !dedup).cluster(d.task(), candidates, scores, threshold).clusters();
        result.seconds("cluster", seconds(start));
        Clusters expected = ClusterMetrics.truth(space.size(), space.toRecords(new ScoredPairs(gold, new double[gold.size()])).pairs());
        ClusterMetrics cm = ClusterMetrics.of(predicted, expected);
        result.clusterF1(cm.pairF1()).extra("bcubed_f1", cm.bcubedF1())
                .extra("clusters", cm.predictedClusters()).extra("true_clusters", cm.trueClusters());
    }

    /**
     * The full-pipeline protocol's scores: the candidates split in two folds by a hash of the pair; for each fold a
     * matcher trained by active learning on the OTHER fold (the gold standard answers, {@link Options#labels} labels)
     * scores this fold. Every candidate is scored by a matcher that never saw it.
     *
     * @param scores      per candidate, from the other fold's matcher
     * @param truth       per candidate, whether the gold standard has it
     * @param threshold   the mean of the two matchers' thresholds
     * @param importances the first fold matcher's top features
     */
    public record CrossFitted(double[] scores, boolean[] truth, double threshold, int labelsUsed, double trainSeconds,
                              double scoreSeconds, Map<String, Double> importances) {
    }

    /** Scores the candidates of a dataset by the full-pipeline protocol (see {@link CrossFitted}). */
    public CrossFitted crossFit(BenchmarkDataset d, Pairs candidates) {
        Table left = d.left();
        Table right = d.right();
        boolean dedup = d.isDeduplication();
        Pairs gold = d.matches();
        Function<Long, Boolean> oracle = key -> dedup
                ? gold.containsUnordered(Pairs.left(key), Pairs.right(key))
                : gold.contains(Pairs.left(key), Pairs.right(key));
        long start;
        boolean[] truth = new boolean[candidates.size()];
        int[] fold = new int[candidates.size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = oracle.apply(candidates.packed(i));
            fold[i] = (int) (mix(options.seed() ^ candidates.packed(i)) & 1);
        }
        double[] scores = new double[candidates.size()];
        Map<String, Double> importances = Map.of();
        double[] thresholds = new double[2];
        double trainSeconds = 0;
        double scoreSeconds = 0;
        int labelsUsed = 0;
        for (int f = 0; f < 2; f++) {
            int current = f;
            Pairs pool = subset(candidates, i -> fold[i] != current);
            Pairs target = subset(candidates, i -> fold[i] == current);
            start = System.nanoTime();
            // the labelling loop retrains often, so without the hyper-parameter search; the final model searches
            progress.started("labelling fold " + (f + 1) + " (" + options.labels() + " labels)", -1, "");
            long labellingStart = System.nanoTime();
            ActiveLearner learner = ActiveLearner.start(builder().search(false), left, right, pool);
            int matches = 0;
            // past the budget only while one class is still missing (e.g. candidates that are nearly all matches)
            while (learner.labelled() < options.labels() || matches < 2 || learner.labelled() - matches < 2) {
                Pairs ask = learner.propose(Math.max(1, Math.min(50, options.labels() - learner.labelled())));
                if (ask.size() == 0) {
                    break;
                }
                boolean[] answers = new boolean[ask.size()];
                for (int i = 0; i < answers.length; i++) {
                    answers[i] = oracle.apply(ask.packed(i));
                    matches += answers[i] ? 1 : 0;
                }
                learner.label(ask, answers);
                if (learner.canTrain()) {
                    learner.retrain();
                }
            }
            LabelledPairs labels = learner.labels();
            progress.finished("labelling fold " + (f + 1) + " (" + options.labels() + " labels)", labels.size(),
                    "labels", seconds(labellingStart));
            // labels chosen by active learning: without token evidence, as a labelling session's matcher is (near-miss
            // pairs are no sample of the pairs to score, from which token log-odds could be read)
            Matcher m = stage("training fold " + (f + 1),
                    () -> builder().tokenEvidence(false).train(left, right, labels, null));
            if (Math.min(labels.positives(), labels.size() - labels.positives()) < MIN_CLASS_FOR_THRESHOLD) {
                m = m.withThreshold(0.5);
            }
            labelsUsed += learner.labelled();
            trainSeconds += seconds(start);
            thresholds[f] = m.threshold();
            start = System.nanoTime();
            Matcher scorer = m;
            double[] s = stage("scoring fold " + (f + 1), () -> scorer.score(left, right, target));
            scoreSeconds += seconds(start);
            for (int i = 0, j = 0; i < fold.length; i++) {
                if (fold[i] == current) {
                    scores[i] = s[j++];
                }
            }
            if (f == 0) {
                importances = top(m.featureImportance());
            }
        }
        return new CrossFitted(scores, truth, (thresholds[0] + thresholds[1]) / 2, labelsUsed, trainSeconds,
                scoreSeconds, importances);
    }

    /** The front door's blocking and clustering stages, with this runner's clusterer at a threshold. */
    private Resolver resolver(double threshold, boolean linkage) {
        return blocking(Resolver.builder().clusterer(options.clusterer().of(threshold, linkage)).progress(progress))
                .build();
    }

    /** The 20 most important features, largest first. */
    private static Map<String, Double> top(FeatureImportance importance) {
        Map<String, Double> top = new LinkedHashMap<>();
        int[] order = importance.order();
        for (int i = 0; i < Math.min(20, order.length); i++) {
            top.put(importance.names()[order[i]], importance.importance()[order[i]]);
        }
        return top;
    }

    private static Pairs subset(Pairs pairs, IntPredicate keep) {
        return Pairs.fromPacked(java.util.stream.IntStream.range(0, pairs.size()).filter(keep)
                .mapToLong(pairs::packed).toArray());
    }

    private static LabelledPairs subset(LabelledPairs pairs, IntPredicate keep) {
        int[] idx = java.util.stream.IntStream.range(0, pairs.size()).filter(keep).toArray();
        long[] keys = new long[idx.length];
        boolean[] labels = new boolean[idx.length];
        for (int i = 0; i < idx.length; i++) {
            keys[i] = pairs.pairs().packed(idx[i]);
            labels[i] = pairs.label(idx[i]);
        }
        return new LabelledPairs(Pairs.fromPacked(keys), labels);
    }

    /** SplitMix64's finaliser: a well-spread hash of a pair key for fold assignment. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
