package dev.matcher.match;

import dev.matcher.classify.Categorizer;
import dev.matcher.classify.RecordCategories;
import dev.matcher.compare.ColumnCorrespondence;
import dev.matcher.compare.FeatureSpace;
import dev.matcher.compare.FeatureSpaceBuilder;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Options for training a {@link Matcher}; every option has a default, so
 * {@code Matcher.builder().train(left, right, train, null)} works.
 *
 * <pre>{@code
 * Matcher m = Matcher.builder()
 *     .mode(MatchMode.VARIANT).variantAttributes("color", "size")
 *     .model(ModelType.GRADIENT_BOOSTING).seed(42).tradeoff(0.7)      // lean toward precision
 *     .train(products, products, train, valid);
 * }</pre>
 */
public final class MatcherBuilder {
    private MatchMode mode = MatchMode.EXACT;
    private final List<String> variantAttributes = new ArrayList<>();
    private final Map<String, String[]> variantWords = new LinkedHashMap<>();
    private final ModelTrainer.Builder trainer = ModelTrainer.builder();
    private double threshold = Double.NaN;
    private double tradeoff = 0.5;
    private final List<String[]> aligned = new ArrayList<>();
    private List<String> requireSame = List.of();
    private Categorizer categorizer;
    private boolean tokenEvidence = true;
    private long seed = 42;

    MatcherBuilder() {
    }

    /** EXACT (default): variants are different items. VARIANT: the same item in another colour/size matches. */
    public MatcherBuilder mode(MatchMode m) {
        mode = m;
        return this;
    }

    /** Attributes that describe variants (compared in EXACT mode, ignored in VARIANT mode). */
    public MatcherBuilder variantAttributes(String... attributes) {
        variantAttributes.clear();
        variantAttributes.addAll(Arrays.asList(attributes));
        return this;
    }

    /** Extends the built-in variant vocabulary (e.g. {@code "colour", "teal", "petrol"}). */
    public MatcherBuilder variantWords(String category, String... words) {
        variantWords.put(category, words.clone());
        return this;
    }

    /** Gradient boosting (default), random forest or logistic regression. */
    public MatcherBuilder model(ModelType type) {
        trainer.type(type);
        return this;
    }

    public MatcherBuilder seed(long seed) {
        trainer.seed(seed);
        this.seed = seed;
        return this;
    }

    /**
     * Whether {@link #train(Table, Table, LabelledPairs, LabelledPairs)} learns from the labels which tokens decide
     * matches (default on): per token a shrunk log-odds of a match when both records hold it and when only one does,
     * summed over a pair's tokens as three more features ({@code tokens.*}). A model code, a capacity or a colour that
     * separates the labelled pairs again and again then counts whatever its frequency; shop boilerplate counts
     * nothing. The training rows get weights fitted without their own fold. Labels chosen by active learning do not
     * use it.
     *
     * <pre>{@code
     * Matcher plain = Matcher.builder().tokenEvidence(false).train(left, right, train, valid);
     * }</pre>
     */
    public MatcherBuilder tokenEvidence(boolean on) {
        tokenEvidence = on;
        return this;
    }

    /** Cross-validation folds (default 5): the fold models form the final model. */
    public MatcherBuilder folds(int k) {
        trainer.folds(k);
        return this;
    }

    /** Whether to search hyper-parameters by cross-validation (default on). */
    public MatcherBuilder search(boolean on) {
        trainer.search(on);
        return this;
    }

    /** Whether to up-weight rare matches in training (default on). */
    public MatcherBuilder balance(boolean on) {
        trainer.balance(on);
        return this;
    }

    public MatcherBuilder calibration(Calibration.Method method) {
        trainer.calibration(method);
        return this;
    }

    /** A fixed threshold instead of one chosen on data. */
    public MatcherBuilder threshold(double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1]: " + t);
        }
        threshold = t;
        return this;
    }

    /** Precision-recall trade-off in [0, 1] for the chosen threshold: 0.5 = max F1 (default), 1 = precision. */
    public MatcherBuilder tradeoff(double t) {
        Thresholds.beta(t);
        tradeoff = t;
        return this;
    }

    /**
     * Fixes a column of the left table as corresponding to one of the right table (linkage only); the other
     * columns are paired automatically ({@link ColumnCorrespondence}). Several calls with one attribute in common
     * make a one-to-many group: {@code .align("first", "name").align("last", "name")}.
     */
    public MatcherBuilder align(String leftAttribute, String rightAttribute) {
        aligned.add(new String[] {Objects.requireNonNull(leftAttribute, "left attribute"),
                Objects.requireNonNull(rightAttribute, "right attribute")});
        return this;
    }

    /** The column correspondence these options give for two tables (the identity in deduplication). */
    public ColumnCorrespondence columns(Table left, Table right) {
        if (left == right) {
            if (!aligned.isEmpty()) {
                throw new IllegalArgumentException("align(...) pairs columns of two tables: it does not apply to "
                        + "deduplication of " + left.name());
            }
            return ColumnCorrespondence.identity(left.schema());
        }
        ColumnCorrespondence.Builder cb = ColumnCorrespondence.builder(left, right);
        aligned.forEach(p -> cb.align(p[0], p[1]));
        return cb.build();
    }

    /**
     * EXACT mode: a pair whose canonical values differ in one of these variant dimensions ({@code "colour"},
     * {@code "size"}, {@code "capacity"}, ...; see {@link Matcher#dimensions}) never matches, whatever the model says.
     * Unknown values (a record that does not say) are left to the model. The threshold is chosen with the rule on.
     *
     * <pre>{@code
     * Matcher m = Matcher.builder().requireSame("colour", "size").train(products, train, valid);
     * }</pre>
     */
    public MatcherBuilder requireSame(String... dimensions) {
        Matcher.dimensions(dimensions);                 // names checked now
        requireSame = List.of(dimensions);
        return this;
    }

    /**
     * Compares records by their predicted categories too: each record is categorized once (per table) and pairs get
     * the {@code category_agree.<label>.top1 / .top2 / .mass} features (see
     * {@link FeatureSpaceBuilder#categories}). The trained matcher keeps the categorizer; a saved one needs it given
     * again ({@link Matcher#withCategories}). Train the classifier on records other than those it categorizes here
     * when their category labels are what you evaluate against, or its categories will look better than they are.
     *
     * <pre>{@code
     * Classifier c = Classifier.builder().label("category").train(catalogue);
     * Matcher m = Matcher.builder().categories(c).train(offers, train, valid);
     * }</pre>
     */
    public MatcherBuilder categories(Categorizer c) {
        categorizer = Objects.requireNonNull(c, "categorizer");
        return this;
    }

    /** The feature space these options give for two tables. */
    public FeatureSpace featureSpace(Table left, Table right) {
        return featureSpace(left, right, columns(left, right));
    }

    /** The feature space these options give for two tables whose columns correspond as {@code columns} says. */
    public FeatureSpace featureSpace(Table left, Table right, ColumnCorrespondence columns) {
        return featureSpace(left, right, columns, null);
    }

    /** With labelled pairs whose variant synonyms the space learns and keeps in its spec (EXACT mode). */
    private FeatureSpace featureSpace(Table left, Table right, ColumnCorrespondence columns, LabelledPairs labels) {
        FeatureSpaceBuilder b = FeatureSpace.builder(left, right).columns(columns)
                .variantLabels(mode == MatchMode.EXACT ? labels : null)
                .variantAttributes(variantAttributes.toArray(new String[0]))
                .neutralizeVariants(mode == MatchMode.VARIANT);
        variantWords.forEach(b::variantWords);
        if (categorizer != null) {
            RecordCategories l = categorizer.categorize(left);
            b.categories(l, left == right ? l : categorizer.categorize(right));
        }
        return b.build();
    }

    /** Deduplication: both pair sides are rows of {@code table}. */
    public Matcher train(Table table, LabelledPairs train, LabelledPairs valid) {
        return train(table, table, train, valid);
    }

    /**
     * Trains on labelled pairs of two tables. The threshold is the explicit one if set, else the best for the
     * trade-off ({@link Thresholds#robust}) on the probabilities of {@code valid}, else (valid null or without a
     * match) on the cross-validated probabilities of the training pairs. The test pairs of a benchmark are never seen.
     */
    public Matcher train(Table left, Table right, LabelledPairs train, LabelledPairs valid) {
        checkRule();
        FeatureSpace fs = featureSpace(left, right, columns(left, right), train);
        List<String> names = new ArrayList<>(fs.names());
        double[][] x = fs.compute(train.pairs());
        TokenEvidence tokens = null;
        if (tokenEvidence && train.positives() > 0 && train.positives() < train.size()) {
            double[][] extra = TokenEvidence.crossFitted(left, right, train.pairs(), train.labels(), seed);
            for (int i = 0; i < x.length; i++) {
                double[] row = Arrays.copyOf(x[i], x[i].length + extra[i].length);
                System.arraycopy(extra[i], 0, row, x[i].length, extra[i].length);
                x[i] = row;
            }
            names.addAll(TokenEvidence.NAMES);
            tokens = TokenEvidence.fit(left, right, train.pairs(), train.labels());
        }
        ModelTrainer.Result r = trainer.build().train(x, train.labels(), names.toArray(new String[0]));
        return finish(fs, r, left, right, valid, tokens);
    }

    /** Trains on a precomputed feature matrix of {@code fs} (used by active learning). */
    Matcher train(FeatureSpace fs, double[][] x, boolean[] y, LabelledPairs valid) {
        checkRule();
        ModelTrainer.Result r = trainer.build().train(x, y, fs.names().toArray(new String[0]));
        return finish(fs, r, fs.left(), fs.right(), valid, null);
    }

    private Matcher finish(FeatureSpace fs, ModelTrainer.Result r, Table left, Table right, LabelledPairs valid,
                           TokenEvidence tokens) {
        Matcher m = new Matcher(mode, fs.spec(), r.model(), Double.isNaN(threshold) ? 0.5 : threshold,
                Matcher.TableShape.of(left), Matcher.TableShape.of(right),
                Matcher.dimensions(requireSame.toArray(new String[0])), tokens);
        if (categorizer != null) {
            m = m.withCategories(categorizer);
        }
        m.cache(left, right, fs);
        if (!Double.isNaN(threshold)) {
            return m;
        }
        if (valid != null && valid.positives() > 0) {
            return m.withThreshold(Thresholds.robust(m.score(left, right, valid.pairs()), valid.labels(), tradeoff));
        }
        return m.withThreshold(Thresholds.robust(r.outOfFold(), r.labels(), tradeoff));
    }

    private void checkRule() {
        if (!requireSame.isEmpty() && mode != MatchMode.EXACT) {
            throw new IllegalStateException("requireSame " + requireSame + " is a rule of EXACT mode; in " + mode
                    + " mode the variants of a family differ by definition");
        }
    }

    @Override
    public String toString() {
        return "MatcherBuilder[" + mode + (categorizer == null ? "" : ", categories " + categorizer) + (requireSame.isEmpty() ? "" : ", requireSame " + requireSame) + ", variant attributes " + variantAttributes + (tokenEvidence ? "" : ", no token evidence") + ", " + trainer.build()
                + (Double.isNaN(threshold) ? ", tradeoff " + tradeoff : ", threshold " + threshold) + "]";
    }
}
