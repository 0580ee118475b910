package dev.matcher.match;

import dev.matcher.classify.Categorizer;
import dev.matcher.classify.RecordCategories;
import dev.matcher.cluster.ScoredPairs;
import dev.matcher.compare.ColumnCorrespondence;
import dev.matcher.compare.FeatureSpace;
import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Pairs;
import dev.matcher.data.Schema;
import dev.matcher.data.Table;
import dev.matcher.util.Parallel;
import dev.matcher.variant.Dimension;
import dev.matcher.variant.VariantCode;
import dev.matcher.variant.VariantTable;
import dev.matcher.variant.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A trained entity matcher: the automatic feature space of two tables, a calibrated learned model and a decision
 * threshold, in {@link MatchMode#EXACT} or {@link MatchMode#VARIANT} mode. Immutable and thread-safe; scoring runs on
 * flat arrays in parallel.
 *
 * <p>Threads: training, feature preparation and scoring run in the {@link java.util.concurrent.ForkJoinPool} the
 * caller runs in (the common pool by default); a matcher, trained or loaded, is never tied to a number of threads.
 * To bound them, call from a pool of your own:
 * {@code new ForkJoinPool(2).submit(() -> m.score(left, right, candidates)).join()}. Results do not depend on the
 * pool size.
 *
 * <pre>{@code
 * Matcher m = Matcher.builder().mode(MatchMode.VARIANT).variantAttributes("color", "size").seed(42)
 *         .train(left, right, train, valid);          // valid may be null: cross-validated threshold
 * Pairs candidates = Blockers.auto().candidates(left, right);   // blocking is not the matcher's job
 * double[] p = m.score(left, right, candidates);      // calibrated match probabilities
 * ScoredPairs kept = m.matches(left, right, candidates);   // those at or above the threshold
 * System.out.println(m.explain(left, right, 3, 17));  // feature | value | contribution
 * m.save(Path.of("model.bin"));  Matcher again = Matcher.load(Path.of("model.bin"));
 * }</pre>
 */
public final class Matcher {
    private final MatchMode mode;
    private final FeatureSpace.Spec spec;
    private final CalibratedModel model;
    private final double threshold;
    private final TableShape leftShape;
    private final TableShape rightShape;
    /** EXACT mode: the variant dimensions in which different values never match (see {@link #requireSame}). */
    private final List<Dimension> requireSame;
    /** Each record's predicted categories for the {@code category_agree} features; not saved (see withCategories). */
    private Categorizer categorizer;
    /** Supervised token importance (three features after the space's), or null for a model without them. */
    private final TokenEvidence tokens;
    private volatile Cached cached;
    private volatile TokenRows tokenRows;

    /** Attribute names and kinds of a table the matcher was trained on (kept in the model file). */
    record TableShape(List<String> names, List<AttributeKind> kinds) {
        Schema schema() {
            List<Attribute> a = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                a.add(new Attribute(names.get(i), kinds.get(i)));
            }
            return Schema.of(a);
        }

        static TableShape of(Table t) {
            List<AttributeKind> kinds = new ArrayList<>();
            for (int i = 0; i < t.schema().size(); i++) {
                kinds.add(t.schema().get(i).kind());
            }
            return new TableShape(t.schema().names(), kinds);
        }
    }

    private record Cached(Table left, Table right, FeatureSpace space) {
    }

    /** The token ids of every row of two tables, for {@link #tokens}: built once per pair of tables. */
    private record TokenRows(Table left, Table right, TokenEvidence.Rows l, TokenEvidence.Rows r) {
    }

    Matcher(MatchMode mode, FeatureSpace.Spec spec, CalibratedModel model, double threshold, TableShape leftShape,
            TableShape rightShape) {
        this(mode, spec, model, threshold, leftShape, rightShape, List.of(), null);
    }

    Matcher(MatchMode mode, FeatureSpace.Spec spec, CalibratedModel model, double threshold, TableShape leftShape,
            TableShape rightShape, List<Dimension> requireSame, TokenEvidence tokens) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1]: " + threshold);
        }
        if (!requireSame.isEmpty() && mode != MatchMode.EXACT) {
            throw new IllegalArgumentException("requireSame " + requireSame + " is a rule of EXACT mode; in "
                    + mode + " mode the variants of a family differ by definition");
        }
        this.requireSame = List.copyOf(new java.util.LinkedHashSet<>(requireSame));
        this.mode = mode;
        this.spec = spec;
        this.model = model;
        this.threshold = threshold;
        this.leftShape = leftShape;
        this.rightShape = rightShape;
        this.tokens = tokens;
    }

    public static MatcherBuilder builder() {
        return new MatcherBuilder();
    }

    public MatchMode mode() {
        return mode;
    }

    /** Pairs with a probability at or above this are matches. */
    public double threshold() {
        return threshold;
    }

    /** The same matcher with another threshold. */
    public Matcher withThreshold(double newThreshold) {
        return copy(newThreshold, requireSame, categorizer);
    }

    /** This matcher with another threshold, rule or categorizer; the caches go along when the features stay. */
    private Matcher copy(double newThreshold, List<Dimension> rule, Categorizer c) {
        Matcher m = new Matcher(mode, spec, model, newThreshold, leftShape, rightShape, rule, tokens);
        m.categorizer = c;
        if (c == categorizer) {
            m.cached = cached;
            m.tokenRows = tokenRows;
        }
        return m;
    }

    /**
     * The same matcher with a hard rule (EXACT mode): a pair whose canonical values differ in one of these dimensions
     * never matches (probability 0), whatever the model says; unknown (a side that does not say) is left to the model.
     * Names as in {@link #dimensions(String...)}; none removes the rule. Saved with the model. The threshold is kept:
     * choose it again ({@link #withThreshold(Table, Table, LabelledPairs, double)}) or set the rule on the builder.
     *
     * <pre>{@code
     * Matcher strict = m.requireSame("colour", "size");    // Jet Black vs Black may match, Black vs White never
     * }</pre>
     */
    public Matcher requireSame(String... dimensions) {
        return copy(threshold, dimensions(dimensions), categorizer);
    }

    /**
     * The same matcher reading each record's predicted categories from this categorizer, for its
     * {@code category_agree} features ({@link MatcherBuilder#categories}). A saved matcher does not hold its
     * classifier: give the one it was trained with after {@link #load}; a matcher without such features ignores it.
     *
     * <pre>{@code
     * Matcher m = Matcher.load(Path.of("model.bin")).withCategories(Classifier.load(Path.of("category.bin")));
     * }</pre>
     */
    public Matcher withCategories(Categorizer c) {
        return copy(threshold, requireSame, java.util.Objects.requireNonNull(c, "categorizer"));
    }

    /**
     * The label levels of the predicted categories this matcher compares ({@code category_agree} features), coarse
     * to fine; empty when it compares none.
     */
    public List<String> categoryLabels() {
        return FeatureSpace.categoryLabels(spec);
    }

    /** The categories of both tables, when the matcher compares categories; checked to be available. */
    private RecordCategories[] categories(Table left, Table right) {
        List<String> labels = categoryLabels();
        if (labels.isEmpty()) {
            return new RecordCategories[2];
        }
        if (categorizer == null) {
            throw new IllegalArgumentException("this matcher was trained with the predicted categories of a "
                    + "classifier (category_agree features of " + String.join(" > ", labels) + "), which a model "
                    + "file does not hold: give that classifier (Matcher.withCategories, Resolver.builder()"
                    + ".categories, or --categories CLASSIFIER.bin on the command line)");
        }
        RecordCategories l = categorizer.categorize(left);
        RecordCategories r = left == right ? l : categorizer.categorize(right);
        if (!l.labels().equals(labels)) {
            throw new IllegalArgumentException("this matcher was trained with categories of " + labels
                    + ", the classifier given predicts " + l.labels());
        }
        return new RecordCategories[] {l, r};
    }

    /** The dimensions of the hard rule ({@link #requireSame}); empty without it. */
    public List<Dimension> requiredSame() {
        return requireSame;
    }

    /**
     * Variant dimensions by name: {@code colour} (or {@code color}), {@code size} (apparel, shoe and bedding sizes),
     * a dimension's own name ({@code capacity}, {@code pack}, {@code amount}, {@code shoe_size}, ...) or a
     * user-named one (an attribute given to {@code variantAttributes}).
     */
    public static List<Dimension> dimensions(String... names) {
        List<Dimension> out = new ArrayList<>();
        for (String raw : names) {
            String n = raw.strip().toLowerCase(java.util.Locale.ROOT);
            if (n.isEmpty()) {
                throw new IllegalArgumentException("empty variant dimension name in " + java.util.Arrays.toString(names));
            }
            switch (n) {
                case "colour", "color" -> out.add(Dimension.COLOUR);
                case "size" -> out.addAll(List.of(Dimension.APPAREL_SIZE, Dimension.SHOE_SIZE, Dimension.BEDDING_SIZE));
                default -> out.add(Dimension.of(n));
            }
        }
        return out;
    }

    /**
     * Chooses the threshold on labelled pairs: the middle of the region of maximal F-beta for the precision-recall
     * trade-off knob in [0, 1] (0.5 = F1, toward 1 = more precision, toward 0 = more recall; see
     * {@link Thresholds#robust}).
     */
    public Matcher withThreshold(Table left, Table right, LabelledPairs labelled, double tradeoff) {
        return withThreshold(Thresholds.robust(score(left, right, labelled.pairs()), labelled.labels(), tradeoff));
    }

    public CalibratedModel model() {
        return model;
    }

    public FeatureSpace.Spec spec() {
        return spec;
    }

    /**
     * Which columns of the left table this matcher compares with which of the right, with the scores and reasons
     * they were chosen for (a model saved before correspondences: the columns of equal names).
     *
     * <pre>{@code
     * System.out.println(matcher.columns());     // left | right | score | why
     * }</pre>
     */
    public ColumnCorrespondence columns() {
        return spec.columns() != null ? spec.columns()
                : ColumnCorrespondence.byName(leftShape.schema(), rightShape.schema());
    }

    void cache(Table left, Table right, FeatureSpace fs) {
        cached = new Cached(left, right, fs);
    }

    /**
     * The feature space of these tables (built once and reused for the same two tables). Only the features the model
     * reads are computed (see {@link CalibratedModel#featuresRead()}); the others are 0 in every row.
     */
    public FeatureSpace features(Table left, Table right) {
        Cached c = cached;
        if (c != null && c.left == left && c.right == right) {
            return c.space;
        }
        checkShape(left, "left");
        checkShape(right, "right");
        RecordCategories[] cats = categories(left, right);
        FeatureSpace fs;
        try {
            fs = FeatureSpace.fromSpec(spec, null, left, right, Map.of(), spaceFeaturesRead(), cats[0], cats[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("this matcher was trained on left " + leftShape.names() + " and right "
                    + rightShape.names() + "; it cannot compare " + left.name() + " x " + right.name() + ": "
                    + e.getMessage(), e);
        }
        if (!fs.names().equals(spec.names())) {
            throw new IllegalArgumentException("feature space of " + left.name() + " x " + right.name()
                    + " differs from the trained one");
        }
        cached = new Cached(left, right, fs);
        return fs;
    }

    /**
     * The feature space of part of the tables this matcher's {@link #features} were built on (e.g. the records of one
     * partition's candidate pairs on a cluster), with the corpus statistics of the whole ({@code features(left,
     * right).statistics()}): its features, and so the {@link #score(FeatureSpace, Pairs)} of every pair, equal those
     * of the whole space bit for bit. Not cached.
     *
     * <pre>{@code
     * FeatureSpace.Statistics stats = m.features(people, people).statistics();    // once, on the driver
     * double[] p = m.score(m.features(part, part, stats), partPairs);              // per partition
     * }</pre>
     *
     * @throws IllegalArgumentException when the tables lack an attribute of the model or a value of the statistics
     */
    public FeatureSpace features(Table left, Table right, FeatureSpace.Statistics statistics) {
        java.util.Objects.requireNonNull(statistics, "statistics");
        checkShape(left, "left");
        checkShape(right, "right");
        RecordCategories[] cats = categories(left, right);
        FeatureSpace fs = FeatureSpace.fromSpec(spec, statistics, left, right, Map.of(), spaceFeaturesRead(), cats[0],
                cats[1]);
        if (!fs.names().equals(spec.names())) {
            throw new IllegalArgumentException("feature space of " + left.name() + " x " + right.name()
                    + " differs from the trained one");
        }
        return fs;
    }

    /**
     * Checks, without building anything, that the tables have the attributes this matcher was trained on; throws the
     * same {@link IllegalArgumentException} {@link #features} would. Cheap: callers run it before long stages.
     */
    public void checkTables(Table left, Table right) {
        checkShape(left, "left");
        checkShape(right, "right");
        if (!categoryLabels().isEmpty() && categorizer == null) {
            categories(left, right);        // says what is missing
        }
    }

    private void checkShape(Table t, String side) {
        if (spec.columns() != null) {
            List<String> needed = side.equals("left") ? spec.columns().leftAttributes()
                    : spec.columns().rightAttributes();
            List<String> lacking = needed.stream().filter(a -> t.schema().indexOf(a) < 0).toList();
            if (!lacking.isEmpty()) {
                throw new IllegalArgumentException("schema mismatch: this matcher was trained on attribute"
                        + (lacking.size() > 1 ? "s '" : " '") + String.join("', '", lacking) + "' of the " + side
                        + " table, which " + t.name() + " lacks; it has " + t.schema().names()
                        + ", the model expects " + needed);
            }
            return;
        }
        for (Map.Entry<String, AttributeKind> e : spec.kinds().entrySet()) {
            if (t.schema().indexOf(e.getKey()) < 0) {
                throw new IllegalArgumentException("schema mismatch: this matcher was trained on attribute '"
                        + e.getKey() + "' (" + e.getValue() + "), which the " + side + " table " + t.name()
                        + " lacks; it has " + t.schema().names() + ", the model expects " + spec.kinds().keySet());
            }
        }
    }

    /** Calibrated match probabilities of candidate pairs (row indices of left and right), in parallel. */
    public double[] score(Table left, Table right, Pairs candidates) {
        return score(features(left, right), candidates);
    }

    /**
     * Calibrated match probabilities of candidate pairs (row indices of the space's tables) in a feature space of
     * this matcher ({@link #features(Table, Table)} or {@link #features(Table, Table, FeatureSpace.Statistics)}).
     */
    public double[] score(FeatureSpace fs, Pairs candidates) {
        if (!fs.names().equals(spec.names())) {
            throw new IllegalArgumentException("the feature space is not this matcher's: " + fs.names().size()
                    + " features, the model has " + spec.names().size());
        }
        int n = candidates.size();
        double[] p = new double[n];
        int chunk = CalibratedModel.BLOCK;
        int chunks = (n + chunk - 1) / chunk;
        Rule rule = Rule.of(requireSame, fs);
        TokenRows t = tokenRows(fs);
        // one block of rows per thread, reused (zeroed) for every block it scores: a million pairs would otherwise
        // allocate gigabytes of short-lived rows
        ThreadLocal<double[][]> blocks = ThreadLocal.withInitial(() -> new double[chunk][width(fs)]);
        Parallel.forEach(chunks, c -> {
            // features of a block of pairs, then the model over the block (each tree read once per block)
            double[][] rows = blocks.get();
            double[] out = new double[chunk];
            double[] raw = new double[chunk];
            int from = c * chunk;
            int to = Math.min(n, from + chunk);
            for (int i = from; i < to; i++) {
                double[] row = rows[i - from];
                java.util.Arrays.fill(row, 0);
                fs.compute(candidates.left(i), candidates.right(i), row);
                if (t != null) {
                    tokens.compute(t.l, candidates.left(i), t.r, candidates.right(i), row, fs.size());
                }
            }
            model.probabilities(rows, 0, to - from, out, raw);
            System.arraycopy(out, 0, p, from, to - from);
            if (rule != null) {
                for (int i = from; i < to; i++) {
                    if (rule.differs(candidates.left(i), candidates.right(i))) {
                        p[i] = 0;
                    }
                }
            }
        });
        return p;
    }

    /** The features of the space the model reads (the token evidence's are computed after the space's). */
    private java.util.Set<String> spaceFeaturesRead() {
        java.util.Set<String> read = model.featuresRead();
        if (tokens == null) {
            return read;
        }
        java.util.Set<String> space = new java.util.HashSet<>(read);
        TokenEvidence.NAMES.forEach(space::remove);
        return space;
    }

    /** Features per pair: the space's, then the token evidence's. */
    private int width(FeatureSpace fs) {
        return fs.size() + (tokens == null ? 0 : TokenEvidence.NAMES.size());
    }

    /** The token ids of the rows of the space's tables (null without token evidence), built once per two tables. */
    private TokenRows tokenRows(FeatureSpace fs) {
        if (tokens == null) {
            return null;
        }
        TokenRows t = tokenRows;
        if (t != null && t.left == fs.left() && t.right == fs.right()) {
            return t;
        }
        TokenEvidence.Rows l = tokens.rows(fs.left());
        t = new TokenRows(fs.left(), fs.right(), l, fs.right() == fs.left() ? l : tokens.rows(fs.right()));
        tokenRows = t;
        return t;
    }

    /** All the model's features of one pair: the space's, then the token evidence's. */
    private double[] row(FeatureSpace fs, int leftRow, int rightRow) {
        double[] x = new double[width(fs)];
        fs.compute(leftRow, rightRow, x);
        TokenRows t = tokenRows(fs);
        if (t != null) {
            tokens.compute(t.l, leftRow, t.r, rightRow, x, fs.size());
        }
        return x;
    }

    TokenEvidence tokens() {
        return tokens;
    }

    /** The codes of the {@link #requireSame} dimensions, columnar, for a pair test in a few instructions. */
    private record Rule(long[][] left, long[][] right) {
        static Rule of(List<Dimension> dimensions, FeatureSpace fs) {
            if (dimensions.isEmpty()) {
                return null;
            }
            VariantTable l = fs.leftVariants();
            VariantTable r = fs.rightVariants();
            List<Dimension> known = dimensions.stream().filter(l.dimensions()::contains).toList();
            List<Dimension> unknown = dimensions.stream().filter(d -> !l.dimensions().contains(d)
                    && !d.isBuiltIn()).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("requireSame names dimensions these tables do not have: " + unknown
                        + "; dimensions: " + l.dimensions());
            }
            long[][] lc = known.stream().map(l::codes).toArray(long[][]::new);
            long[][] rc = l == r ? lc : known.stream().map(r::codes).toArray(long[][]::new);
            return new Rule(lc, rc);
        }

        boolean differs(int l, int r) {
            for (int k = 0; k < left.length; k++) {
                if (VariantCode.compare(left[k][l], right[k][r]) == Verdict.DIFFERENT) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The calibrated match probability of one pair (0 when the {@link #requireSame} rule says no). */
    public double score(Table left, Table right, int leftRow, int rightRow) {
        FeatureSpace fs = features(left, right);
        if (!requireSame.isEmpty() && differs(fs, leftRow, rightRow)) {
            return 0;
        }
        return model.probability(row(fs, leftRow, rightRow));
    }

    private boolean differs(FeatureSpace fs, int leftRow, int rightRow) {
        for (VariantTable.Comparison c : fs.compareVariants(leftRow, rightRow)) {
            if (requireSame.contains(c.dimension()) && c.verdict() == Verdict.DIFFERENT) {
                return true;
            }
        }
        return false;
    }

    /** True for each candidate at or above the threshold. */
    public boolean[] decide(Table left, Table right, Pairs candidates) {
        double[] p = score(left, right, candidates);
        boolean[] d = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            d[i] = p[i] >= threshold;
        }
        return d;
    }

    /** The candidates at or above the threshold, with their probabilities. */
    public ScoredPairs matches(Table left, Table right, Pairs candidates) {
        return new ScoredPairs(candidates, score(left, right, candidates)).atLeast(threshold);
    }

    /**
     * Why a pair got its probability: features sorted by their contribution (exact TreeSHAP for trees), and both
     * records' canonical variant values with the verdict per dimension; the {@link #requireSame} rule, when it
     * applies, sets the probability to 0 and says so.
     */
    public Explanation explain(Table left, Table right, int leftRow, int rightRow) {
        FeatureSpace fs = features(left, right);
        List<String> variants = new ArrayList<>();
        boolean ruled = false;
        for (VariantTable.Comparison c : fs.compareVariants(leftRow, rightRow)) {
            boolean rule = requireSame.contains(c.dimension()) && c.verdict() == Verdict.DIFFERENT;
            ruled |= rule;
            variants.add(c + (rule ? "  (requireSame: never a match)" : ""));
        }
        Explanation e = model.explain(row(fs, leftRow, rightRow)).withVariants(variants);
        return ruled ? e.withProbability(0) : e;
    }

    /** Global feature importance (mean absolute contribution over training pairs). */
    public FeatureImportance featureImportance() {
        return model.featureImportance();
    }

    /** Writes the matcher to a versioned binary file (see {@link ModelFile}), atomically. */
    public void save(Path file) {
        ModelFile.write(file, this);
    }

    /** Reads a matcher written by {@link #save}; fails with a clear message on a foreign or damaged file. */
    public static Matcher load(Path file) {
        return ModelFile.read(file);
    }

    TableShape leftShape() {
        return leftShape;
    }

    TableShape rightShape() {
        return rightShape;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matcher m && mode == m.mode && spec.equals(m.spec) && model.equals(m.model)
                && threshold == m.threshold && leftShape.equals(m.leftShape) && rightShape.equals(m.rightShape)
                && requireSame.equals(m.requireSame) && java.util.Objects.equals(tokens, m.tokens);
    }

    @Override
    public int hashCode() {
        return model.hashCode() * 31 + Double.hashCode(threshold);
    }

    @Override
    public String toString() {
        TrainedModel first = model.model();
        return "Matcher[" + mode + ", " + model.models().size() + " x " + first + ", " + spec.names().size()
                + " features, threshold " + String.format("%.3f", threshold) + ", " + model.calibration()
                + (spec.variantAttributes().isEmpty() ? "" : ", variant attributes " + spec.variantAttributes())
                + (requireSame.isEmpty() ? "" : ", requireSame " + requireSame)
                + (categoryLabels().isEmpty() ? "" : ", categories " + String.join(" > ", categoryLabels())
                + (categorizer == null ? " (classifier not given)" : ""))
                + "]";
    }
}
