package dev.matcher;

import dev.matcher.blocking.Blocker;
import dev.matcher.classify.Categorizer;
import dev.matcher.blocking.Blockers;
import dev.matcher.blocking.Candidates;
import dev.matcher.cluster.Clusterer;
import dev.matcher.cluster.Clusterers;
import dev.matcher.cluster.Clusters;
import dev.matcher.cluster.Linkage;
import dev.matcher.cluster.RecordSpace;
import dev.matcher.cluster.ScoredPairs;
import dev.matcher.cluster.VariantFamilies;
import dev.matcher.data.DataException;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.match.MatchMode;
import dev.matcher.match.Matcher;
import dev.matcher.match.LabelQuality;
import dev.matcher.match.MatcherBuilder;
import dev.matcher.util.Parallel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The front door: resolves one table (deduplication) or two (linkage) in one call — blocking, a matcher (given,
 * trained from labelled pairs, or learned in a labelling session), scoring, and clustering chosen by task — and
 * returns a {@link Resolution}. Every option has a default; the whole run happens in one fork/join pool of
 * {@link Builder#parallelism} threads. Immutable and reusable.
 *
 * <pre>{@code
 * Table products = Table.readCsv(Path.of("products.csv"));
 * Resolution r = Resolver.builder()
 *     .labels(Path.of("labels.csv"))                         // left_id,right_id,label
 *     .build()
 *     .deduplicate(products);
 * r.write(Path.of("deduped.csv"));                            // rows + match_id, match_confidence
 *
 * Resolver variants = Resolver.builder().matcher(Matcher.load(Path.of("family.bin")))
 *     .exactMatcher(Matcher.load(Path.of("exact.bin")))       // items inside each family
 *     .parallelism(2).build();
 * Resolution linked = variants.link(shopA, shopB);            // match_id and family_id per record
 * }</pre>
 *
 * <p>Labelled pairs are checked before training ({@link LabelQuality}): non-matches that look random rather than
 * near misses, conflicting labels, self-pairs, too few labels; after scoring, a model that calls most candidates
 * matches. Each finding is a warning of the {@link Resolution} (and the listener's), with what to do next.
 *
 * <p>Default clustering: average-linkage hierarchical clustering at the matcher's threshold for deduplication, a
 * greedy one-to-one mapping for linkage; in variant mode the families come from the variant matcher
 * ({@link Clusterers#supportedAverage} in deduplication, connected components in linkage, where a family has several
 * records per side) and the items inside each family from the
 * exact matcher when one is given.
 */
public final class Resolver {
    private final Blocker blocker;
    private final Matcher matcher;
    private final LabelledPairs labels;
    private final Path labelsFile;
    private final Labeller labeller;
    private final int maxLabels;
    private final int retrainEvery;
    private final MatchMode mode;
    private final List<String> variantAttributes;
    private final long seed;
    private final Matcher exactMatcher;
    private final List<String> requireSame;
    private final Clusterer clusterer;
    private final ProgressListener progress;
    private final int parallelism;
    private final List<String[]> aligned;
    private final Categorizer categorizer;

    private Resolver(Builder b) {
        blocker = b.blocker != null ? b.blocker : variantAware(b) ? Blockers.autoVariants() : Blockers.auto();
        categorizer = b.categorizer == null ? null : b.categorizer.remembering();
        matcher = withCategories(strict(b.matcher, b.requireSame), categorizer);
        labels = b.labels;
        labelsFile = b.labelsFile;
        labeller = b.labeller;
        maxLabels = b.maxLabels;
        retrainEvery = b.retrainEvery;
        mode = b.mode;
        variantAttributes = List.copyOf(b.variantAttributes);
        seed = b.seed;
        exactMatcher = withCategories(strict(b.exactMatcher, b.requireSame), categorizer);
        requireSame = List.copyOf(b.requireSame);
        clusterer = b.clusterer;
        progress = b.progress;
        parallelism = b.parallelism;
        aligned = List.copyOf(b.aligned);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An exact-mode matcher with the rule, when there is one; others as they are. */
    private static Matcher strict(Matcher m, List<String> requireSame) {
        return m == null || requireSame.isEmpty() || m.mode() != MatchMode.EXACT ? m
                : m.requireSame(requireSame.toArray(String[]::new));
    }

    private static Matcher withCategories(Matcher m, Categorizer c) {
        return m == null || c == null ? m : m.withCategories(c);
    }

    /** Finds the records of one table that describe the same thing. */
    public Resolution deduplicate(Table table) {
        return resolve(Task.deduplication(table));
    }

    /** Finds the records of two tables that describe the same thing. */
    public Resolution link(Table left, Table right) {
        return resolve(Task.linkage(left, right));
    }

    /** Runs the whole pipeline on a task. */
    public Resolution resolve(Task task) {
        return inPool(() -> new Run(task).resolve());
    }

    /** The blocking stage alone: the candidate pairs this resolver would score (e.g. to measure blocking). */
    public Pairs candidates(Task task) {
        return inPool(() -> new Run(task).candidates());
    }

    /**
     * Clusters candidates someone else scored (e.g. by several matchers in a cross-validation) at a threshold, with
     * this resolver's clusterer; the result has no matcher to explain pairs.
     */
    public Resolution cluster(Task task, Pairs candidates, double[] scores, double threshold) {
        Resolution.checkOutputColumns(task.left());
        Resolution.checkOutputColumns(task.right());
        return inPool(() -> new Run(task).cluster(candidates, scores, threshold, null, null));
    }

    private <T> T inPool(Supplier<T> work) {
        return Parallel.inPool(parallelism, work);
    }

    /**
     * Whether the default blocking is variant-aware ({@link Blockers#autoVariants()}): in VARIANT mode, and in EXACT
     * mode when the records are declared variants of product lines (variant attributes named, to the builder or in
     * the given matcher): there the listings of one item spell their colour and size in many ways, and token blocks
     * guarded against template words miss them (on the variant generator's catalogues {@code auto()} finds 55-59 %
     * of the duplicate pairs, {@code autoVariants()} 99 %).
     */
    private static boolean variantAware(Builder b) {
        if ((b.matcher != null ? b.matcher.mode() : b.mode) == MatchMode.VARIANT) {
            return true;
        }
        return b.matcher != null ? !b.matcher.spec().variantAttributes().isEmpty() : !b.variantAttributes.isEmpty();
    }

    /** One run's state: the task, the timings and the warnings gathered on the way. */
    private final class Run {
        private static final int SCORE_CHUNK = 1 << 16;
        private final Task task;
        private final Map<String, Double> seconds = new LinkedHashMap<>();
        private final List<String> warnings = new ArrayList<>();
        /** The labelled pairs the matcher was trained on here (null: given a matcher, or a labelling session). */
        private LabelledPairs trainedOn;

        Run(Task task) {
            this.task = Objects.requireNonNull(task, "task");
        }

        Resolution resolve() {
            if (matcher == null && labels == null && labelsFile == null && labeller == null) {
                throw new IllegalStateException("no way to get a matcher: give the builder matcher(...), labels(...) "
                        + "or labeller(...)");
            }
            if (!aligned.isEmpty() && task.isDeduplication()) {
                throw new IllegalArgumentException("align(...) pairs columns of two tables: it does not apply to "
                        + "deduplication of " + task.left().name());
            }
            if (!aligned.isEmpty()) {       // unknown columns fail here, before blocking
                trainer().columns(task.left(), task.right());
            }
            Resolution.checkOutputColumns(task.left());
            Resolution.checkOutputColumns(task.right());
            // the tables against the models before any long stage; the profiles are built after blocking, so that
            // blocking's working memory is gone by then
            if (matcher != null) {
                matcher.checkTables(task.left(), task.right());
            }
            if (exactMatcher != null) {
                exactMatcher.checkTables(task.left(), task.right());
            }
            if (categorizer != null) {       // once per table (the categorizer keeps them), and a bad table fails here
                stage("categorizing", task.records(), "records", () -> {
                    categorizer.categorize(task.left());
                    if (!task.isDeduplication()) {
                        categorizer.categorize(task.right());
                    }
                    return task.records();
                });
            }
            Pairs candidates = candidates();
            Matcher m = prepare(matcher != null ? matcher : matcher(candidates));
            if (exactMatcher != null) {
                prepare(exactMatcher);
            }
            double[] scores = score(m, candidates, exactMatcher == null ? "scoring" : "scoring (variant matcher)");
            if (trainedOn != null) {
                LabelQuality.builder(trainedOn).candidateScores(scores, m.threshold()).check().warnings().stream()
                        .filter(w -> w.kind() == LabelQuality.Kind.MOST_CANDIDATES_MATCH)
                        .forEach(w -> warn("labels: " + w.message()));
            }
            double[] exactScores = exactMatcher == null ? null : score(exactMatcher, candidates, "scoring (exact matcher)");
            return cluster(candidates, scores, m.threshold(), m, exactScores);
        }

        /** Blocking; whatever a size guard dropped becomes a warning, never a silent loss. */
        Pairs candidates() {
            Candidates c = stage("blocking", -1, "candidate pairs", () -> blocker.block(task), x -> x.pairs().size());
            for (Candidates.Cut cut : c.cuts()) {
                warn("blocking left pairs out: " + cut + "; records meeting only in those blocks were not compared");
            }
            return c.pairs();
        }

        private void warn(String message) {
            warnings.add(message);
            progress.warning(message);
        }

        /** Builds the matcher's per-record profiles of the task's tables (cached by the matcher). */
        private Matcher prepare(Matcher m) {
            stage("preparing features", -1, "records", () -> {
                m.features(task.left(), task.right());
                return task.records();
            });
            return m;
        }

        private Matcher matcher(Pairs candidates) {
            if (matcher != null) {
                return matcher;
            }
            LabelledPairs given = labels != null ? labels
                    : labelsFile != null ? LabelledPairs.read(labelsFile, task) : null;
            if (labeller != null) {
                LabellingSession session = new LabellingSession(trainer(), task, given, labeller, maxLabels, retrainEvery);
                return stage("labelling session", -1, "labels", () -> session.run(candidates), x -> session.labelled());
            }
            if (given.positives() < 2 || given.size() - given.positives() < 2) {
                String msg = "need at least 2 matches and 2 non-matches to train, found " + given.positives() + " and "
                        + (given.size() - given.positives());
                throw labelsFile != null ? new DataException(labelsFile, 0, 0, msg) : new IllegalArgumentException(msg);
            }
            // labels that will train a poor model are said before training: random non-matches above all
            LabelQuality.check(task, given, candidates).warnings().forEach(w -> warn("labels: " + w.message()));
            trainedOn = given;
            return stage("training", given.size(), "labelled pairs",
                    () -> trainer().train(task.left(), task.right(), given, null), x -> given.size());
        }

        private MatcherBuilder trainer() {
            MatcherBuilder b = Matcher.builder().mode(mode).variantAttributes(variantAttributes.toArray(String[]::new))
                    .seed(seed);
            aligned.forEach(p -> b.align(p[0], p[1]));
            if (categorizer != null) {
                b.categories(categorizer);
            }
            return mode == MatchMode.EXACT ? b.requireSame(requireSame.toArray(String[]::new)) : b;
        }

        /** Scores in chunks so that the listener can show pairs per second and an ETA. */
        private double[] score(Matcher m, Pairs candidates, String stage) {
            int n = candidates.size();
            double[] scores = new double[n];
            long start = System.nanoTime();
            progress.started(stage, n, "pairs");
            for (int from = 0; from < n; from += SCORE_CHUNK) {
                int to = Math.min(n, from + SCORE_CHUNK);
                System.arraycopy(m.score(task.left(), task.right(), candidates.slice(from, to)), 0, scores, from, to - from);
                progress.advanced(stage, to);
            }
            finish(stage, n, "pairs", start);
            return scores;
        }

        Resolution cluster(Pairs candidates, double[] scores, double threshold, Matcher m, double[] exactScores) {
            RecordSpace space = RecordSpace.of(task);
            String[] ids = space.ids(task.left(), task.right());
            ScoredPairs scored = space.toRecords(new ScoredPairs(candidates, scores));
            int n = space.size();
            boolean variants = m != null && m.mode() == MatchMode.VARIANT;
            int[] identical = task.isDeduplication() ? Blockers.identicalGroups(task.left()) : null;
            if (!variants) {
                Clusterer c = keepTogether(clusterer != null ? clusterer : itemClusterer(threshold), identical, scored,
                        threshold);
                Clusters items = reportSplits(stage("clustering", n, "records", () -> c.cluster(n, scored),
                        Clusters::size).withIds(ids));
                return new Resolution(task, candidates, scores, threshold, items, null, m, seconds, warnings);
            }
            // families of one catalogue meet their near-namesakes (sibling models, one name for two products) in
            // hundreds of high pairs; plain average linkage lets those outvote the pairs the matcher rejects
            Clusterer familyClusterer = keepTogether(clusterer != null ? clusterer : task.isDeduplication()
                    ? Clusterers.supportedAverage(threshold) : Clusterers.connectedComponents(threshold),
                    identical, scored, threshold);
            if (exactScores == null) {
                Clusters families = reportSplits(stage("clustering", n, "records", () -> familyClusterer.cluster(n, scored),
                        Clusters::size).withIds(ids));
                return new Resolution(task, candidates, scores, threshold, families, families, m, seconds, warnings);
            }
            ScoredPairs exact = space.toRecords(new ScoredPairs(candidates, exactScores));
            double exactThreshold = exactMatcher.threshold();
            VariantFamilies v = stage("clustering", n, "records", () -> VariantFamilies.cluster(n, scored,
                    familyClusterer, exact, keepTogether(itemClusterer(exactThreshold), identical, exact, exactThreshold)),
                    VariantFamilies::size).withIds(ids);
            reportSplits(v.families());
            reportSplits(v.items());
            return new Resolution(task, candidates, scores, threshold, v.items(), v.families(), m, seconds, warnings);
        }

        /** A size guard's splits (see {@code Clusterer.withMaxSize}) become warnings: nothing is cut silently. */
        private Clusters reportSplits(Clusters c) {
            if (!c.splits().isEmpty()) {
                Clusters.Split largest = c.splits().stream().max(java.util.Comparator.comparingInt(Clusters.Split::size))
                        .orElseThrow();
                warn(String.format(java.util.Locale.ROOT, "clustering split %,d clusters above the maximum size "
                        + "(largest %,d records, strongest link cut %.3f): Clusters.splits() lists them",
                        c.splits().size(), largest.size(), largest.strongestCut()));
            }
            return c;
        }

        /**
         * In deduplication a group of identical records (all values equal after folding) is one cluster when the
         * matcher calls its records a match, however many copies there are: what comparing all of its pairs would give,
         * while blocking pairs them as a star and average linkage alone would not merge a star. Identical records are
         * not always the same thing (one shop's two offers with one generic title), so the matcher decides: a copy joins
         * its group's first record only when their pair scores at or above the threshold.
         */
        private Clusterer keepTogether(Clusterer c, int[] identical, ScoredPairs scored, double threshold) {
            if (identical == null) {
                return c;
            }
            int[] representative = new int[identical.length];
            for (int r = 0; r < representative.length; r++) {
                representative[r] = r;
            }
            boolean any = false;
            for (int i = 0; i < scored.size(); i++) {
                int a = scored.left(i);
                int b = scored.right(i);
                if (identical[a] == identical[b] && scored.score(i) >= threshold) {
                    int rep = identical[a];
                    representative[a == rep ? b : b == rep ? a : rep] = rep;     // the star's leaf joins its centre
                    any |= a == rep || b == rep;
                }
            }
            return any ? c.withGroups(representative) : c;
        }

        private Clusterer itemClusterer(double threshold) {
            return task.isDeduplication() ? Clusterers.hierarchical(threshold, Linkage.AVERAGE)
                    : Clusterers.uniqueMapping(threshold);
        }

        private <T> T stage(String name, long total, String unit, Supplier<T> work, ToLongFunction<T> count) {
            long start = System.nanoTime();
            progress.started(name, total, unit);
            T result = work.get();
            finish(name, count.applyAsLong(result), unit, start);
            return result;
        }

        private void stage(String name, long total, String unit, Supplier<Long> work) {
            stage(name, total, unit, work, Long::longValue);
        }

        private void finish(String name, long count, String unit, long start) {
            double s = (System.nanoTime() - start) / 1e9;
            seconds.merge(name, s, Double::sum);
            progress.finished(name, count, unit, s);
        }
    }

    @Override
    public String toString() {
        String source = matcher != null ? "matcher " + matcher
                : labeller != null ? "labelling session (up to " + maxLabels + " labels)"
                : labelsFile != null ? "labels from " + labelsFile : "labels " + labels;
        return "Resolver[blocker " + blocker + ", " + source + (categorizer == null ? "" : ", categories " + categorizer) + (exactMatcher != null ? ", exact " + exactMatcher : "")
                + ", clusterer " + (clusterer != null ? clusterer : "by task") + ", " + parallelism + " threads]";
    }

    /**
     * Options of a {@link Resolver}. A run needs a way to get a matcher: one of {@link #matcher}, {@link #labels} or
     * {@link #labeller} (labels may seed a labeller); {@link #build} rejects a matcher given together with the others.
     */
    public static final class Builder {
        /** Null: {@link Blockers#auto()}, in VARIANT mode {@link Blockers#autoVariants()}. */
        private Blocker blocker;
        private Matcher matcher;
        private LabelledPairs labels;
        private Path labelsFile;
        private Labeller labeller;
        private int maxLabels = 100;
        private int retrainEvery = 5;
        private MatchMode mode = MatchMode.EXACT;
        private List<String> variantAttributes = List.of();
        private long seed = 42;
        private Matcher exactMatcher;
        private List<String> requireSame = List.of();
        private Clusterer clusterer;
        private ProgressListener progress = ProgressListener.NONE;
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private final List<String[]> aligned = new ArrayList<>();
        private Categorizer categorizer;

        private Builder() {
        }

        /**
         * Compares records by their predicted categories too (a trained {@link dev.matcher.classify.Classifier} is
         * one): each table is categorized once, and the matcher (trained here or given) gets the
         * {@code category_agree} features; a given matcher trained with them needs this. To block by category as
         * well, compose the blocker: {@code .blocker(Blockers.auto().and(Blockers.categories(c)))}. A categorizer
         * other than a trained classifier is categorized once per table when it is {@link Categorizer#remembering()}.
         *
         * <pre>{@code
         * Classifier c = Classifier.load(Path.of("category.bin"));
         * Resolver.builder().labels(Path.of("pairs.csv")).categories(c)
         *     .blocker(Blockers.auto().and(Blockers.categories(c))).build().deduplicate(offers);
         * }</pre>
         */
        public Builder categories(Categorizer c) {
            categorizer = Objects.requireNonNull(c, "categorizer");
            return this;
        }

        /**
         * Linkage: fixes a column of the left table as corresponding to one of the right table when the matcher is
         * trained (the other columns are paired automatically, see {@link dev.matcher.compare.ColumnCorrespondence};
         * the matcher's {@code columns()} shows the result). Two calls sharing a column make a one-to-many group.
         *
         * <pre>{@code
         * Resolver.builder().labels(Path.of("pairs.csv")).align("title", "name").build().link(abt, buy);
         * }</pre>
         */
        public Builder align(String leftColumn, String rightColumn) {
            aligned.add(new String[] {Objects.requireNonNull(leftColumn, "left column"),
                    Objects.requireNonNull(rightColumn, "right column")});
            return this;
        }

        /**
         * Candidate pairs (default {@link Blockers#auto()}; {@link Blockers#autoVariants()} in VARIANT mode, and in EXACT
         * mode when variant attributes are named: the listings of one item must meet however they spell the variant).
         */
        public Builder blocker(Blocker b) {
            blocker = Objects.requireNonNull(b, "blocker");
            return this;
        }

        /** A trained or loaded matcher to use as it is. */
        public Builder matcher(Matcher m) {
            matcher = Objects.requireNonNull(m, "matcher");
            return this;
        }

        /** Labelled pairs (rows of the tables to resolve) to train a matcher on. */
        public Builder labels(LabelledPairs pairs) {
            labels = Objects.requireNonNull(pairs, "labels");
            labelsFile = null;
            return this;
        }

        /** A labels file ({@code left_id,right_id,label}), read against the tables when resolving. */
        public Builder labels(Path file) {
            labelsFile = Objects.requireNonNull(file, "labels file");
            labels = null;
            return this;
        }

        /** Learn the matcher in a labelling session; given {@link #labels} are where it starts. */
        public Builder labeller(Labeller l) {
            labeller = Objects.requireNonNull(l, "labeller");
            return this;
        }

        /** Questions a labelling session asks at most (default 100). */
        public Builder maxLabels(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("maxLabels must be >= 0: " + n);
            }
            maxLabels = n;
            return this;
        }

        /** A labelling session retrains after this many answers (default 5). */
        public Builder retrainEvery(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("retrainEvery must be >= 1: " + n);
            }
            retrainEvery = n;
            return this;
        }

        /** For a matcher trained here: EXACT (default) or VARIANT (another colour or size matches). */
        public Builder mode(MatchMode m) {
            mode = Objects.requireNonNull(m, "mode");
            return this;
        }

        /** For a matcher trained here: the attributes that name variants (e.g. colour, size). */
        public Builder variantAttributes(String... attributes) {
            variantAttributes = List.of(attributes);
            return this;
        }

        /** Seeds training and labelling (default 42). */
        public Builder seed(long s) {
            seed = s;
            return this;
        }

        /** Variant mode: an exact-mode matcher that splits each family into items (the {@code match_id}). */
        public Builder exactMatcher(Matcher m) {
            exactMatcher = Objects.requireNonNull(m, "exact matcher");
            return this;
        }

        /**
         * A hard rule of exact matching: pairs whose canonical values differ in one of these variant dimensions
         * ({@code "colour"}, {@code "size"}, {@code "capacity"}, ...) are never the same item, whatever the model says
         * (see {@link Matcher#requireSame}). Applies to the exact-mode matcher of the run: the main one in EXACT
         * mode, the {@link #exactMatcher} in VARIANT mode.
         */
        public Builder requireSame(String... dimensions) {
            Matcher.dimensions(dimensions);
            requireSame = List.of(dimensions);
            return this;
        }

        /** The clusterer (default: chosen by task, at the matcher's threshold; see {@link Resolver}). */
        public Builder clusterer(Clusterer c) {
            clusterer = Objects.requireNonNull(c, "clusterer");
            return this;
        }

        public Builder progress(ProgressListener listener) {
            progress = Objects.requireNonNull(listener, "progress listener");
            return this;
        }

        /** Threads for every stage (default: all cores); results do not depend on it. */
        public Builder parallelism(int threads) {
            if (threads < 1 || threads > 32767) {
                throw new IllegalArgumentException("parallelism must be in [1, 32767]: " + threads);
            }
            parallelism = threads;
            return this;
        }

        public Resolver build() {
            boolean fromLabels = labels != null || labelsFile != null;
            if (matcher != null && !aligned.isEmpty()) {
                throw new IllegalStateException("a matcher was given: it compares the columns it was trained on "
                        + "(matcher.columns()); align(...) applies to training");
            }
            if (matcher != null && (fromLabels || labeller != null)) {
                throw new IllegalStateException("a matcher was given: it is used as it is, so labels or a labeller "
                        + "would be ignored; give one or the other");
            }
            Matcher main = matcher;
            if (exactMatcher != null) {
                if (exactMatcher.mode() != MatchMode.EXACT) {
                    throw new IllegalStateException("exactMatcher must be an exact-mode matcher, this one is "
                            + exactMatcher.mode());
                }
                if ((main != null ? main.mode() : mode) != MatchMode.VARIANT) {
                    throw new IllegalStateException("exactMatcher splits variant families into items: the main matcher "
                            + "must be in VARIANT mode");
                }
            }
            if (!requireSame.isEmpty() && (main != null ? main.mode() : mode) == MatchMode.VARIANT
                    && exactMatcher == null) {
                throw new IllegalStateException("requireSame " + requireSame + " is a rule of exact matching: in "
                        + "VARIANT mode it applies to the exactMatcher, and none was given");
            }
            return new Resolver(this);
        }
    }
}
