package dev.matcher.compare;

import dev.matcher.classify.RecordCategories;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.util.Parallel;
import dev.matcher.variant.VariantTable;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A named feature vector for record pairs, derived automatically from the attributes two tables share (matched by
 * name) and their {@link AttributeKind}s, plus whole-record features that survive misaligned or dirty columns.
 * Per-record profiles (normalised text, token ids, TF-IDF vectors, q-grams, codes, quantities, phonetic codes, parsed
 * numbers and dates, image hashes) are built once, in parallel, when the space is built; computing a pair then
 * allocates nothing.
 *
 * <p>Values: similarities are in {@code [0,1]}; a similarity is <b>-1 when the value is missing on either side</b>
 * (null, blank, unparseable number or date, unreadable image, no code to compare); separate
 * {@code attr.left_null / right_null / both_null} indicators (0/1) say which. Differences ({@code abs_diff},
 * {@code log_ratio}, {@code day_diff}) are non-negative. Every value is finite.
 *
 * <p>This class is the per-pair compute over flat per-record arrays; {@link FeatureSpaceBuilder} holds the options
 * and {@link Spec} what a model file keeps. Which features an attribute gets is decided by one recipe per row of the
 * feature table (text, string, identifier, number, date, category, image, person lists, missing values, whole record,
 * value alignment, variants), package-private classes behind one small interface.
 *
 * <pre>{@code
 * FeatureSpace fs = FeatureSpace.builder(left, right)       // dedup: pass the same table twice
 *     .variantAttributes("color", "size")
 *     .drop("price.abs_diff").add("title.custom", (a, b) -> a.length() == b.length() ? 1 : 0)
 *     .build();
 * double[] row = new double[fs.size()];
 * fs.compute(0, 5, row);                                      // one pair
 * double[][] x = fs.compute(candidatePairs);                  // many, in parallel
 * FeatureSpace again = FeatureSpace.fromSpec(fs.spec(), newLeft, newRight);
 * }</pre>
 */
public final class FeatureSpace {
    private final Table left;
    private final Table right;
    private final Spec spec;
    private final Comparison[] comparisons;
    private final List<String> names;
    private final ThreadLocal<Comparison.Scratch> scratch = ThreadLocal.withInitial(Comparison.Scratch::new);
    /** The per-record objects the comparisons read, touched together before each pair. */
    private final RecordColumns columns;
    private final Statistics statistics;

    /** The variant tables of both sides, built when first asked (the feature generator's, if it built them). */
    private final Once<VariantTable[]> variants;

    FeatureSpace(Table left, Table right, Spec spec, Comparison[] comparisons, List<String> names,
                 Statistics statistics, java.util.function.Supplier<VariantTable[]> variantSource) {
        this.statistics = statistics;
        this.variants = new Once<>(variantSource);
        this.left = left;
        this.right = right;
        this.spec = spec;
        this.comparisons = comparisons;
        this.names = names;
        this.columns = new RecordColumns(comparisons);
    }

    /** Starts a feature space for two tables (the same table twice for deduplication). */
    public static FeatureSpaceBuilder builder(Table left, Table right) {
        return new FeatureSpaceBuilder(left, right);
    }

    /**
     * Rebuilds the space a {@link Spec} describes on (possibly new) tables: same kinds, options and feature order;
     * corpus statistics are fitted on the new tables.
     *
     * @throws IllegalArgumentException when a feature of the spec cannot be generated for these tables, or names a
     *                                  custom similarity (use {@link #fromSpec(Spec, Table, Table, Map)})
     */
    public static FeatureSpace fromSpec(Spec spec, Table left, Table right) {
        return fromSpec(spec, left, right, Map.of());
    }

    /** As {@link #fromSpec(Spec, Table, Table)}, with the custom similarities by feature name. */
    public static FeatureSpace fromSpec(Spec spec, Table left, Table right, Map<String, Similarity> custom) {
        return fromSpec(spec, left, right, custom, Set.copyOf(spec.names()));
    }

    /**
     * As {@link #fromSpec(Spec, Table, Table, Map)}, computing only the features named in {@code computed}: the
     * others keep the vector layout but stay 0, and the profiles only they need are never built. A tree model reads a
     * fraction of its features ({@code CalibratedModel.featuresRead()}), so scoring with it needs no more.
     *
     * <pre>{@code
     * FeatureSpace fs = FeatureSpace.fromSpec(spec, people, people, Map.of(), Set.of("surname.jaro_winkler"));
     * }</pre>
     */
    public static FeatureSpace fromSpec(Spec spec, Table left, Table right, Map<String, Similarity> custom,
                                        Set<String> computed) {
        return fromSpec(spec, null, left, right, custom, computed);
    }

    /**
     * As {@link #fromSpec(Spec, Table, Table, Map, Set)} on part of the tables a space was built on: the corpus
     * statistics ({@link #statistics()} of that space, built with the same spec and computed features) are applied
     * instead of fitted, so every feature of a pair equals, bit for bit, the one the whole space computes. This is how
     * a saved model scores pairs partition by partition (each partition holding the records of its pairs).
     *
     * <pre>{@code
     * FeatureSpace whole = FeatureSpace.fromSpec(spec, people, people, Map.of(), read);
     * FeatureSpace part = FeatureSpace.fromSpec(spec, whole.statistics(), some, some, Map.of(), read);
     * }</pre>
     *
     * @param statistics null to fit them on these tables
     * @throws IllegalArgumentException when the statistics lack what a feature needs or miss a value of the tables
     * @throws UnsupportedOperationException for features whose statistics cannot be applied yet (value alignment)
     */
    public static FeatureSpace fromSpec(Spec spec, Statistics statistics, Table left, Table right,
                                        Map<String, Similarity> custom, Set<String> computed) {
        return fromSpec(spec, statistics, left, right, custom, computed, null, null);
    }

    /**
     * As {@link #fromSpec(Spec, Statistics, Table, Table, Map, Set)}, with each record's predicted categories for
     * the {@code category_agree} features of the spec (see {@link FeatureSpaceBuilder#categories}).
     *
     * <pre>{@code
     * RecordCategories c = classifier.categorize(people);
     * FeatureSpace fs = FeatureSpace.fromSpec(spec, null, people, people, Map.of(), Set.copyOf(spec.names()), c, c);
     * }</pre>
     *
     * @throws IllegalArgumentException when the spec has category features and no categories (or categories of
     *                                  other labels) are given
     */
    public static FeatureSpace fromSpec(Spec spec, Statistics statistics, Table left, Table right,
                                        Map<String, Similarity> custom, Set<String> computed,
                                        RecordCategories leftCategories, RecordCategories rightCategories) {
        return FeatureSpaceBuilder.fromSpec(spec, statistics, left, right, custom, computed, leftCategories,
                rightCategories);
    }

    /**
     * The label levels of the spec's {@code category_agree} features, coarse to fine: empty when it has none. A
     * matcher with them needs each record's predicted categories from the same categorizer.
     */
    public static List<String> categoryLabels(Spec spec) {
        return CategoryAgreementRecipe.labels(spec.names());
    }

    /**
     * The corpus statistics this space fitted on its tables (token dictionaries and document frequencies, value
     * counts, scales) or was given; see {@link #fromSpec(Spec, Statistics, Table, Table, Map, Set)}.
     */
    public Statistics statistics() {
        return statistics;
    }

    /** Number of features. */
    public int size() {
        return names.size();
    }

    /** Feature names, in vector order. */
    public List<String> names() {
        return names;
    }

    /** Index of a feature name, or -1. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    public Table left() {
        return left;
    }

    public Table right() {
        return right;
    }

    /** A serialisable description to rebuild this space on new tables with {@link #fromSpec}. */
    public Spec spec() {
        return spec;
    }

    /**
     * The features of one pair into {@code out} (length at least {@link #size()}); allocation-free. The pair's
     * per-record objects are first all touched at once, so their cache misses overlap instead of being waited for
     * one comparison at a time (about 1.4 times the vectors per second on febrl3 when the pairs come sorted by left
     * row).
     *
     * @param leftRow  a row of the left table
     * @param rightRow a row of the right table
     */
    public void compute(int leftRow, int rightRow, double[] out) {
        compute(leftRow, rightRow, out, scratch.get());
    }

    private void compute(int l, int r, double[] out, Comparison.Scratch s) {
        s.touched = columns.touch(l, r);
        for (Comparison c : comparisons) {
            c.compare(l, r, out, s);
        }
    }

    /** The features of one pair as a new array. */
    public double[] compute(int leftRow, int rightRow) {
        double[] out = new double[size()];
        compute(leftRow, rightRow, out);
        return out;
    }

    /** The feature rows of many pairs ({@code x[i]} for pair {@code i}), computed in parallel. */
    public double[][] compute(Pairs pairs) {
        int n = pairs.size();
        double[][] x = new double[n][];
        int chunk = 1024;
        int chunks = (n + chunk - 1) / chunk;
        Parallel.forEach(chunks, c -> {
            Comparison.Scratch s = new Comparison.Scratch();
            int end = Math.min(n, (c + 1) * chunk);
            for (int i = c * chunk; i < end; i++) {
                double[] row = new double[names.size()];
                compute(pairs.left(i), pairs.right(i), row, s);
                x[i] = row;
            }
        });
        return x;
    }

    /**
     * Every record's canonical variant values (colour, size, capacity, ...) of the left table, as the features of
     * this space see them (same vocabulary, variant attributes and learned synonyms). Extracted once, when first
     * asked (at build time in EXACT mode, where the {@code variant.*} features read them).
     */
    public VariantTable leftVariants() {
        return variantTables()[0];
    }

    /** As {@link #leftVariants()} for the right table (the same object in deduplication). */
    public VariantTable rightVariants() {
        return variantTables()[1];
    }

    /**
     * A pair's variant values side by side with the verdict per dimension, for explanations: every dimension
     * where at least one record states a value.
     *
     * <pre>{@code
     * fs.compareVariants(3, 17);   // [colour: grey (heather grey) [title] vs grey [attribute] -> EQUAL, ...]
     * }</pre>
     */
    public List<VariantTable.Comparison> compareVariants(int leftRow, int rightRow) {
        VariantTable[] v = variantTables();
        return v[0].explain(leftRow, v[1], rightRow);
    }

    private VariantTable[] variantTables() {
        return variants.get();
    }

    /** The feature values of one pair as name -> value, for reading in JShell. */
    public Map<String, Double> explain(int leftRow, int rightRow) {
        double[] v = compute(leftRow, rightRow);
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
            m.put(names.get(i), v[i]);
        }
        return m;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("FeatureSpace[").append(size()).append(" features, ")
                .append(left == right ? "deduplication of " + left.name() : left.name() + " x " + right.name())
                .append(spec.neutralizeVariants() ? ", VARIANT mode" : "").append("]\n");
        String group = null;
        for (String n : names) {
            int dot = n.lastIndexOf('.');
            String g = dot < 0 ? n : n.substring(0, dot);
            if (!g.equals(group)) {
                if (group != null) {
                    b.append('\n');
                }
                b.append("  ").append(g).append(": ");
                group = g;
            } else {
                b.append(", ");
            }
            b.append(dot < 0 ? n : n.substring(dot + 1));
        }
        return b.append('\n').toString();
    }

    /**
     * The corpus statistics of a feature space, by key (e.g. {@code text:title} for a text field's dictionary and
     * document frequencies, {@code rarity:surname} for value counts): what a space over part of the tables needs to
     * compute the same features as the whole. Immutable and {@link Serializable}, so that it can be broadcast to the
     * workers of a cluster; its size grows with the distinct words and values of the tables, not with their rows.
     *
     * <pre>{@code
     * FeatureSpace.Statistics s = matcher.features(left, right).statistics();
     * }</pre>
     */
    public static final class Statistics implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Map<String, Serializable> fitted;

        Statistics(Map<String, Serializable> fitted) {
            this.fitted = Collections.unmodifiableMap(new LinkedHashMap<>(fitted));
        }

        Object get(String key) {
            return fitted.get(key);
        }

        /** The keys of the statistics held, in the order they were fitted. */
        public Set<String> keys() {
            return fitted.keySet();
        }

        @Override
        public String toString() {
            return "FeatureSpace.Statistics" + keys();
        }
    }

    /**
     * What a feature space is made of: feature names in order, the attribute kinds used, the variant options and any
     * words added to the variant vocabulary; a model file keeps it (see {@code dev.matcher.match.ModelFile}) to
     * rebuild the space on new tables. Immutable and {@link Serializable}.
     *
     * <pre>{@code
     * FeatureSpace again = FeatureSpace.fromSpec(fs.spec(), newLeft, newRight);   // again.spec().equals(fs.spec())
     * }</pre>
     */
    public record Spec(List<String> names, Map<String, AttributeKind> kinds, List<String> variantAttributes,
                       boolean neutralizeVariants, Map<String, List<String>> variantWords,
                       ColumnCorrespondence columns) implements Serializable {
        /**
         * A spec without a stored correspondence (model files of version 1): the attributes of equal names are
         * compared, and whole-record text joins only those.
         */
        public Spec(List<String> names, Map<String, AttributeKind> kinds, List<String> variantAttributes,
                    boolean neutralizeVariants, Map<String, List<String>> variantWords) {
            this(names, kinds, variantAttributes, neutralizeVariants, variantWords, null);
        }

        /**
         * The kinds are keyed by compared field: an attribute's name, or {@link ColumnCorrespondence.Group#key()}
         * for attributes named differently; {@code columns} says which attributes of each table are compared with
         * which (null: those of equal names, as before correspondences were stored).
         */
        public Spec {
            names = List.copyOf(names);
            kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
            variantAttributes = List.copyOf(variantAttributes);
            Map<String, List<String>> w = new LinkedHashMap<>();
            variantWords.forEach((k, v) -> w.put(k, List.copyOf(v)));
            variantWords = Collections.unmodifiableMap(w);
        }
    }
}
