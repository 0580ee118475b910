package dev.matcher.compare;

import dev.matcher.classify.RecordCategories;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.Table;
import dev.matcher.variant.Dimension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Options of a {@link FeatureSpace}; every one has a default. {@link #build()} chooses the features per attribute
 * kind (one {@code Recipe} per row of the feature table) and prepares the per-record profiles, in parallel in the
 * caller's pool.
 *
 * <pre>{@code
 * FeatureSpace fs = FeatureSpace.builder(left, right)
 *     .variantAttributes("color", "size").variantWords("colour", "teal")
 *     .kind("sku", AttributeKind.IDENTIFIER)
 *     .drop("price.abs_diff").add("title.custom", (a, b) -> a.length() == b.length() ? 1 : 0)
 *     .build();
 * }</pre>
 */
public final class FeatureSpaceBuilder {
    final Table left;
    final Table right;
    final Map<String, AttributeKind> kinds = new LinkedHashMap<>();
    final List<String> variantAttributes = new ArrayList<>();
    final Set<String> dropped = new LinkedHashSet<>();
    final Map<String, Similarity> added = new LinkedHashMap<>();
    final Map<String, List<String>> variantWords = new LinkedHashMap<>();
    /** Which attributes are compared with which; null: found by {@link ColumnCorrespondence#of(Table, Table)}. */
    ColumnCorrespondence columns;
    /** Rebuilding a spec without a correspondence: equal names only, whole records of those only. */
    boolean legacy;
    boolean neutralize;
    boolean allMeasures;
    boolean stopWords;
    /** The features of a rebuilt spec, in order; null: choose them. */
    List<String> select;
    /** Features to compute when rebuilding a spec; null: all. */
    Set<String> computed;
    /** Corpus statistics to apply instead of fitting them; null: fit them on the tables. */
    FeatureSpace.Statistics statistics;
    /** Each record's predicted categories per side (the same object in deduplication), or null. */
    RecordCategories leftCategories;
    RecordCategories rightCategories;
    /** Labelled pairs to learn variant synonyms from; null: none. */
    dev.matcher.data.LabelledPairs variantLabels;

    FeatureSpaceBuilder(Table left, Table right) {
        this.left = left;
        this.right = right;
    }

    /** Attributes that describe variants (colour, size, ...): compared in EXACT mode, ignored in VARIANT mode. */
    public FeatureSpaceBuilder variantAttributes(String... attributes) {
        variantAttributes.clear();
        variantAttributes.addAll(Arrays.asList(attributes));
        return this;
    }

    /**
     * {@code true} (VARIANT mode): variant attributes are dropped and variant words (colours, sizes, capacities,
     * pack counts) removed from text before comparing, so variants of a product look the same.
     * {@code false} (EXACT mode, the default): variant-conflict features count against a match. Codes and
     * model numbers are never neutralised.
     */
    public FeatureSpaceBuilder neutralizeVariants(boolean on) {
        neutralize = on;
        return this;
    }

    /**
     * Adds values to a variant dimension of the built-in {@link dev.matcher.variant.Vocabulary} ({@code "colour",
     * "teal"}; {@code size} is the apparel size ladder); a new name makes a dimension of its own, with its feature
     * {@code variant.NAME}. A word written {@code word=value} is a synonym of a value the dimension has
     * ({@code "colour", "ember=red"}; see {@link dev.matcher.variant.Vocabulary#withSynonym}). Number dimensions
     * (capacity, pack, amount, shoe size) are read by pattern and take no words.
     */
    public FeatureSpaceBuilder variantWords(String category, String... words) {
        Dimension d = FeatureGenerator.dimension(category);
        if (d.kind() != Dimension.Kind.WORDS) {
            throw new IllegalArgumentException("variant dimension " + d + " is read as numbers with units; it takes "
                    + "no words: " + Arrays.toString(words));
        }
        variantWords.computeIfAbsent(category, k -> new ArrayList<>()).addAll(Arrays.asList(words));
        return this;
    }

    /**
     * Labelled pairs of these tables to learn variant synonyms from: values that matching pairs show as one item
     * (a shop's {@code Ember} for {@code red}, at least three such pairs and more than non-matching pairs show them
     * apart; see {@link dev.matcher.variant.VariantExtractor#synonyms}). They join the spec as
     * {@link #variantWords} {@code word=value}, so a saved model keeps them. What training passes.
     *
     * <pre>{@code
     * FeatureSpace fs = FeatureSpace.builder(products, products).variantLabels(train).build();
     * fs.spec().variantWords();        // {colour=[ember=red, petal=pink]}
     * }</pre>
     */
    public FeatureSpaceBuilder variantLabels(dev.matcher.data.LabelledPairs labels) {
        variantLabels = labels;
        return this;
    }

    /** Overrides an attribute's kind for comparison. */
    public FeatureSpaceBuilder kind(String attribute, AttributeKind kind) {
        kinds.put(attribute, kind);
        return this;
    }

    /** Drops features by exact name, or every feature of a group with {@code "title.*"}. */
    public FeatureSpaceBuilder drop(String... featureNames) {
        dropped.addAll(Arrays.asList(featureNames));
        return this;
    }

    /**
     * Adds a custom feature named {@code attribute.something}; the similarity gets the two raw values of the
     * attribute ({@code *.something}: all attributes' values joined by spaces).
     */
    public FeatureSpaceBuilder add(String featureName, Similarity similarity) {
        int dot = featureName.indexOf('.');
        if (dot <= 0 || dot == featureName.length() - 1) {
            throw new IllegalArgumentException("feature name must be attribute.name: " + featureName);
        }
        added.put(featureName, similarity);
        return this;
    }

    /**
     * Which attributes of the two tables are compared with which: each group of the correspondence gets the
     * features of its kind (named after {@link ColumnCorrespondence.Group#key()}: the attribute name when both
     * tables call it the same, else e.g. {@code title~name}); unmatched attributes still count in whole-record
     * features. Default: {@link ColumnCorrespondence#of(Table, Table)} (the identity in deduplication; the
     * attributes of equal names, and nothing else, when both tables have the same columns). Columns of the tables
     * that the correspondence does not list are not compared at all.
     *
     * <pre>{@code
     * FeatureSpace.builder(abt, buy).columns(ColumnCorrespondence.builder(abt, buy).align("title", "name").build())
     * }</pre>
     */
    public FeatureSpaceBuilder columns(ColumnCorrespondence correspondence) {
        List<String> missing = new ArrayList<>();
        correspondence.leftAttributes().stream().filter(a -> left.schema().indexOf(a) < 0)
                .forEach(a -> missing.add("left '" + a + "'"));
        correspondence.rightAttributes().stream().filter(a -> right.schema().indexOf(a) < 0)
                .forEach(a -> missing.add("right '" + a + "'"));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the tables lack columns of the correspondence: "
                    + String.join(", ", missing) + " (left has " + left.schema().names() + ", right has "
                    + right.schema().names() + ")");
        }
        columns = correspondence;
        legacy = false;
        return this;
    }

    /** Rebuilding a spec saved without a correspondence: the attributes of equal names, as such specs were made. */
    FeatureSpaceBuilder legacyColumns() {
        columns = ColumnCorrespondence.byName(left.schema(), right.schema());
        legacy = true;
        return this;
    }

    /**
     * Each record's predicted categories (e.g. {@code classifier.categorize(table)}, computed once per table): adds
     * the {@code category_agree.<label>.top1 / .top2 / .mass} features per label level (equal most likely class,
     * overlapping two most likely, probability of one class for both; -1 when a record has none). Both sides must
     * come from one categorizer (same labels); in deduplication pass the same object twice.
     *
     * <pre>{@code
     * RecordCategories c = classifier.categorize(products);
     * FeatureSpace fs = FeatureSpace.builder(products, products).categories(c, c).build();
     * }</pre>
     *
     * @throws IllegalArgumentException when the sizes differ from the tables' or the labels from each other
     */
    public FeatureSpaceBuilder categories(RecordCategories left, RecordCategories right) {
        if (left.size() != this.left.size() || right.size() != this.right.size()) {
            throw new IllegalArgumentException("categories of " + left.size() + " and " + right.size()
                    + " records for tables of " + this.left.size() + " and " + this.right.size());
        }
        if (!left.labels().equals(right.labels())) {
            throw new IllegalArgumentException("the categories of the two tables have other labels: "
                    + left.labels() + " and " + right.labels() + "; give both from one categorizer");
        }
        leftCategories = left;
        rightCategories = right;
        return this;
    }

    /** Every measure for every attribute instead of the default bundle per kind (slower, rarely better). */
    public FeatureSpaceBuilder allMeasures(boolean on) {
        allMeasures = on;
        return this;
    }

    /** Removes English stop words before token features (default off). */
    public FeatureSpaceBuilder stopWords(boolean on) {
        stopWords = on;
        return this;
    }

    /** Rebuilding a spec: exactly these features in this order, of which only {@code compute} are computed. */
    FeatureSpaceBuilder select(List<String> features, Set<String> compute) {
        select = features;
        computed = compute;
        return this;
    }

    /** Rebuilding a spec on part of the tables: the corpus statistics fitted on all of them. */
    FeatureSpaceBuilder statistics(FeatureSpace.Statistics s) {
        statistics = s;
        return this;
    }

    public FeatureSpace build() {
        return new FeatureGenerator(this).generate();
    }

    @Override
    public String toString() {
        return "FeatureSpaceBuilder[" + (left == right ? "deduplication of " + left.name()
                : left.name() + " x " + right.name()) + (neutralize ? ", VARIANT mode" : "")
                + (variantAttributes.isEmpty() ? "" : ", variant attributes " + variantAttributes)
                + (allMeasures ? ", all measures" : "") + "]";
    }

    /** {@link FeatureSpace#fromSpec(FeatureSpace.Spec, FeatureSpace.Statistics, Table, Table, Map, Set)}. */
    static FeatureSpace fromSpec(FeatureSpace.Spec spec, FeatureSpace.Statistics statistics, Table left, Table right,
                                 Map<String, Similarity> custom, Set<String> computed,
                                 RecordCategories leftCategories, RecordCategories rightCategories) {
        List<String> needed = FeatureSpace.categoryLabels(spec);
        if (!needed.isEmpty() && (leftCategories == null || !needed.equals(leftCategories.labels()))) {
            throw new IllegalArgumentException("this feature space compares records by their predicted categories "
                    + needed + " (category_agree features): " + (leftCategories == null ? "give the classifier that "
                    + "was used in training" : "the categories given are of " + leftCategories.labels()));
        }
        List<String> unknown = computed.stream().filter(n -> !spec.names().contains(n)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("features to compute that the spec lacks: " + unknown);
        }
        FeatureSpaceBuilder b = new FeatureSpaceBuilder(left, right).variantAttributes(spec.variantAttributes().toArray(new String[0]))
                .neutralizeVariants(spec.neutralizeVariants()).allMeasures(true);
        if (spec.columns() != null) {
            b.columns(spec.columns());
        } else {
            b.legacyColumns();
        }
        spec.kinds().forEach(b::kind);
        spec.variantWords().forEach((category, words) -> b.variantWords(category, words.toArray(new String[0])));
        for (String name : spec.names()) {
            Similarity s = custom.get(name);
            if (s != null) {
                b.add(name, s);
            }
        }
        if (!needed.isEmpty()) {
            b.categories(leftCategories, rightCategories);
        }
        b.select(spec.names(), Set.copyOf(computed));
        b.statistics(statistics);
        return b.build();
    }
}
