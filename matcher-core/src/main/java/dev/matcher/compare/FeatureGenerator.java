package dev.matcher.compare;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.Column;
import dev.matcher.data.SchemaInference;
import dev.matcher.data.Table;
import dev.matcher.text.Analyzers;
import dev.matcher.util.Parallel;
import dev.matcher.variant.Dimension;
import dev.matcher.variant.VariantExtractor;
import dev.matcher.variant.VariantTable;
import dev.matcher.variant.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Turns a {@link FeatureSpaceBuilder} into a {@link FeatureSpace}: runs the {@link Recipe}s over the compared
 * fields, one per group of the {@link ColumnCorrespondence} (an attribute of both tables under its name, or
 * differently named attributes under {@code left~right}, members of a one-to-many side joined), adds the custom
 * features, then drops, orders and numbers the features. The recipes read the options and share the helpers here
 * (what to compute, each field's values per side, per-record preparation in the caller's pool, whole-record text
 * that also takes in the attributes no other corresponds to).
 *
 * <pre>{@code
 * FeatureSpace fs = new FeatureGenerator(builder).generate();   // what FeatureSpaceBuilder.build() does
 * }</pre>
 */
final class FeatureGenerator {
    /** The rows of the feature table, in feature order: per attribute, then over whole records. */
    private static List<Recipe> recipes() {
        return List.of(new StringRecipe(), new TextRecipe(), new IdentifierRecipe(), new NumberRecipe(),
                new DateRecipe(), new CategoryRecipe(), new ImageRecipe(), new PersonListRecipe(), new MissingRecipe(),
                new WholeRecordRecipe(), new AlignmentRecipe(), new InRecordRecipe(), new DimensionRecipe(), new TokenAlignmentRecipe(),
                new CategoryAgreementRecipe());
    }

    private final FeatureSpaceBuilder b;
    final Table left;
    final Table right;
    /** Deduplication: one table, and every per-record array is shared by both sides. */
    final boolean dedup;
    private final List<Comparison> out = new ArrayList<>();
    private final Map<String, AttributeKind> usedKinds = new LinkedHashMap<>();
    /** The compared fields by key: the correspondence's groups. */
    private final Map<String, ColumnCorrespondence.Group> fields = new HashMap<>();
    private ColumnCorrespondence columns;
    /** {@link #records}, once asked for. */
    private String[][] records;
    /** Statistics to apply instead of fitting them (a space rebuilt on part of its tables); null: fit them. */
    private final FeatureSpace.Statistics given;
    /** The statistics fitted (or applied) so far, by key, for {@link FeatureSpace#statistics()}. */
    private final Map<String, java.io.Serializable> fitted = new LinkedHashMap<>();
    /** {@link #extractor()} and {@link #variants()}, once asked for. */
    private VariantExtractor extractor;
    private VariantTable[] variants;
    /** Synonyms learned from {@link FeatureSpaceBuilder#variantLabels}, kept in the spec's variant words. */
    private Map<Dimension, List<String>> labelSynonyms = Map.of();

    FeatureGenerator(FeatureSpaceBuilder b) {
        this.b = b;
        this.left = b.left;
        this.right = b.right;
        this.dedup = b.left == b.right;
        this.given = b.statistics;
        for (String a : b.variantAttributes) {
            if (left.schema().indexOf(a) < 0 && right.schema().indexOf(a) < 0) {
                throw new IllegalArgumentException("no such variant attribute: " + a);
            }
        }
    }

    /**
     * The dimension a category of {@link FeatureSpaceBuilder#variantWords} names: {@code colour}/{@code color},
     * {@code size} (apparel sizes), a built-in dimension's name, else a dimension of its own.
     */
    static Dimension dimension(String category) {
        String c = category.strip().toLowerCase(Locale.ROOT);
        return c.equals("color") || c.equals("colour") ? Dimension.COLOUR
                : c.equals("size") ? Dimension.APPAREL_SIZE : Dimension.of(c);
    }

    /**
     * The one variant extractor of this feature space: the built-in {@link Vocabulary} with the builder's variant
     * words, the variant attributes both tables have as named attributes (others by their names), synonyms learned
     * from the records of the tables. Built once.
     */
    VariantExtractor extractor() {
        if (extractor == null) {
            // what it learns from the tables is a corpus statistic: a space over part of them applies the whole's
            extractor = statistic("variants", VariantExtractor.class, () -> {
                Vocabulary v = Vocabulary.builtIn();
                for (Map.Entry<String, List<String>> e : b.variantWords.entrySet()) {
                    Dimension d = dimension(e.getKey());
                    for (String w : e.getValue()) {
                        int eq = w.indexOf('=');
                        v = eq > 0 ? v.withSynonym(d, w.substring(0, eq), w.substring(eq + 1)) : v.withValue(d, w);
                    }
                }
                VariantExtractor.Builder xb = VariantExtractor.builder().vocabulary(v);
                for (String a : b.variantAttributes) {
                    if (left.schema().indexOf(a) >= 0 && right.schema().indexOf(a) >= 0) {
                        xb.attribute(a);
                    }
                }
                VariantExtractor x = xb.build().learn(left);
                x = dedup ? x : x.learn(right);
                if (b.variantLabels != null) {
                    labelSynonyms = x.synonyms(left, right, b.variantLabels);
                    Vocabulary lv = x.vocabulary();
                    for (Map.Entry<Dimension, List<String>> e : labelSynonyms.entrySet()) {
                        for (String w : e.getValue()) {
                            int eq = w.indexOf('=');
                            lv = lv.withSynonym(e.getKey(), w.substring(0, eq), w.substring(eq + 1));
                        }
                    }
                    x = x.withVocabulary(lv);
                }
                return x;
            });
        }
        return extractor;
    }

    /** Every record's canonical value per dimension, left then right (one table in deduplication). Built once. */
    VariantTable[] variants() {
        if (variants == null) {
            VariantTable l = extractor().extract(left);
            variants = new VariantTable[] {l, dedup ? l : extractor().extract(right)};
        }
        return variants;
    }

    FeatureSpace generate() {
        columns = b.columns != null ? b.columns
                : dedup ? ColumnCorrespondence.identity(left.schema()) : ColumnCorrespondence.of(left, right);
        List<Attribute> shared = new ArrayList<>();
        for (ColumnCorrespondence.Group g : columns.groups()) {
            String key = g.key();
            fields.put(key, g);
            shared.add(new Attribute(key, b.kinds.getOrDefault(key, kindOf(g))));
        }
        for (String k : b.kinds.keySet()) {
            if (!fields.containsKey(k)) {
                throw new IllegalArgumentException("kind given for an attribute the tables do not share: " + k
                        + "; compared: " + fields.keySet());
            }
        }
        List<Attribute> compared = new ArrayList<>();
        for (Attribute a : shared) {
            usedKinds.put(a.name(), a.kind());
            if (!(b.neutralize && isVariantField(a.name()))) {
                compared.add(a);
            }
        }
        List<Recipe> recipes = recipes();
        Map<String, String[]> leftValues = values(compared, true);
        Map<String, String[]> rightValues = dedup ? leftValues : values(compared, false);
        for (Attribute a : compared) {
            String[] l = recovered(a, compared, leftValues, true);
            String[] r = dedup ? l : recovered(a, compared, rightValues, false);
            for (Recipe recipe : recipes) {
                recipe.attribute(a, l, r, this);
            }
        }
        for (Recipe recipe : recipes) {
            recipe.record(compared, this);
        }
        for (Map.Entry<String, Similarity> e : b.added.entrySet()) {
            String attr = e.getKey().substring(0, e.getKey().indexOf('.'));
            String[][] raw = attr.equals("*") ? new String[][] {concat(true, compared, false),
                    concat(false, compared, false)}
                    : fields.containsKey(attr) ? new String[][] {values(attr, true), values(attr, false)}
                    : new String[][] {column(left, attr), column(right, attr)};
            out.add(new Comparisons.Custom(e.getKey(), raw[0], dedup ? raw[0] : raw[1], e.getValue()));
        }
        return assemble();
    }

    /**
     * The kind a group is compared as: for equal names the left attribute's kind (linked tables harmonise those,
     * see {@code SchemaInference.harmonize}); for two single attributes named differently, the kind inferred from
     * both columns together under the left name, as harmonising would give equal names; else TEXT when any member
     * is text, else STRING (values joined).
     */
    private AttributeKind kindOf(ColumnCorrespondence.Group g) {
        if (g.isOneToOne() && (dedup || g.left().get(0).equals(g.right().get(0)))) {
            return left.schema().get(left.schema().require(g.left().get(0))).kind();
        }
        if (g.isOneToOne()) {
            String[] l = left.column(g.left().get(0)).toArray();
            String[] r = right.column(g.right().get(0)).toArray();
            String[] both = Arrays.copyOf(l, l.length + r.length);
            System.arraycopy(r, 0, both, l.length, r.length);
            AttributeKind lk = kind(left, g.left().get(0));
            AttributeKind rk = kind(right, g.right().get(0));
            return lk == AttributeKind.IMAGE || rk == AttributeKind.IMAGE ? lk
                    : SchemaInference.infer(g.left().get(0), both);
        }
        boolean text = g.left().stream().anyMatch(a -> kind(left, a) == AttributeKind.TEXT)
                || g.right().stream().anyMatch(a -> kind(right, a) == AttributeKind.TEXT);
        return text ? AttributeKind.TEXT : AttributeKind.STRING;
    }

    private static AttributeKind kind(Table t, String attribute) {
        return t.schema().get(t.schema().require(attribute)).kind();
    }

    /** Each record's raw value of a compared field (a group's side, members joined) on one side. */
    String[] values(Attribute a, boolean leftSide) {
        return values(a.name(), leftSide);
    }

    private String[] values(String key, boolean leftSide) {
        ColumnCorrespondence.Group g = fields.get(key);
        if (g == null) {
            throw new IllegalStateException("not a compared field: " + key);
        }
        List<String> members = leftSide || dedup ? g.left() : g.right();
        Table t = leftSide || dedup ? left : right;
        return members.size() == 1 ? t.column(members.get(0)).toArray()
                : leftSide || dedup ? g.leftValues(t) : g.rightValues(t);
    }

    /**
     * A field's values on one side with the values that moved into the record's other compared fields put back
     * ({@link MisplacedValues}, a statistic per field and side); the raw values for images and free text.
     */
    private String[] recovered(Attribute a, List<Attribute> compared, Map<String, String[]> values,
                               boolean leftSide) {
        String[] own = values.get(a.name());
        if (a.kind() == AttributeKind.IMAGE || a.kind() == AttributeKind.TEXT) {
            return own;
        }
        String[][] donors = compared.stream().filter(o -> o != a && o.kind() != AttributeKind.IMAGE)
                .map(o -> values.get(o.name())).toArray(String[][]::new);
        MisplacedValues m = statistic("misplaced:" + a.name() + (leftSide ? ":left" : ":right"),
                MisplacedValues.class, () -> MisplacedValues.fit(own, donors));
        return m.recover(own, donors);
    }

    /** Each compared field's raw values on one side, by key, read once. */
    private Map<String, String[]> values(List<Attribute> compared, boolean leftSide) {
        Map<String, String[]> out = new HashMap<>();
        for (Attribute a : compared) {
            out.put(a.name(), values(a, leftSide));
        }
        return out;
    }

    /** Whether a compared field holds a variant attribute (on either side). */
    boolean isVariantField(String key) {
        ColumnCorrespondence.Group g = fields.get(key);
        return g == null ? b.variantAttributes.contains(key)
                : g.left().stream().anyMatch(b.variantAttributes::contains)
                || g.right().stream().anyMatch(b.variantAttributes::contains);
    }

    /**
     * The attributes of one side in no group that whole-record text takes in: not images, not variant attributes
     * in VARIANT mode, none when rebuilding a spec saved without a correspondence.
     */
    private List<String> unmatchedText(boolean leftSide) {
        if (b.legacy || dedup) {
            return List.of();
        }
        Table t = leftSide ? left : right;
        return (leftSide ? columns.unmatchedLeft() : columns.unmatchedRight()).stream()
                .filter(a -> kind(t, a) != AttributeKind.IMAGE)
                .filter(a -> !(b.neutralize && b.variantAttributes.contains(a))).toList();
    }

    /**
     * Whether whole-record features are worth having: at least two compared attributes besides images, or (with a
     * correspondence) some text on each side and at least two columns in all, counting the unmatched ones, so that
     * two tables whose columns correspond to nothing are still compared as whole records.
     */
    boolean wholeRecord(List<Attribute> compared) {
        long c = compared.stream().filter(a -> a.kind() != AttributeKind.IMAGE).count();
        if (c >= 2) {
            return true;
        }
        int ul = unmatchedText(true).size();
        int ur = unmatchedText(false).size();
        return c + ul >= 1 && c + ur >= 1 && c + ul + ur >= 2;
    }

    private static String[] column(Table t, String attr) {
        if (t.schema().indexOf(attr) < 0) {
            throw new IllegalArgumentException("custom feature on an unknown attribute: " + attr);
        }
        return t.column(attr).toArray();
    }

    /** Chooses the features (the spec's, or all but the dropped ones), gives each a slot and keeps the comparisons. */
    private FeatureSpace assemble() {
        List<String> all = new ArrayList<>();
        for (Comparison c : out) {
            all.addAll(Arrays.asList(c.names));
        }
        List<String> chosen;
        if (b.select != null) {
            Set<String> have = new LinkedHashSet<>(all);
            List<String> lacking = b.select.stream().filter(n -> wants(n) && !have.contains(n)).toList();
            if (!lacking.isEmpty()) {
                throw new IllegalArgumentException("features of the spec not available on these tables: " + lacking);
            }
            chosen = b.select;
        } else {
            chosen = new ArrayList<>();
            for (String n : all) {
                if (!isDropped(n)) {
                    chosen.add(n);
                }
            }
            for (String d : b.dropped) {
                if (!d.endsWith(".*") && !all.contains(d)) {
                    throw new IllegalArgumentException("cannot drop unknown feature " + d + "; features: " + all);
                }
            }
        }
        Map<String, Integer> slot = new HashMap<>();
        for (int i = 0; i < chosen.size(); i++) {
            slot.put(chosen.get(i), i);
        }
        List<Comparison> active = new ArrayList<>();
        for (Comparison c : out) {
            for (int k = 0; k < c.names.length; k++) {
                c.slots[k] = wants(c.names[k]) ? slot.getOrDefault(c.names[k], -1) : -1;
            }
            if (c.active()) {
                active.add(c);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no features to compare " + left.name() + " x " + right.name()
                    + ": no column of " + left.schema().names() + " corresponds to one of " + right.schema().names()
                    + (b.dropped.isEmpty() ? "" : " (or every feature was dropped)")
                    + "; pair columns by hand (align(\"left\", \"right\"), on the command line --map left=right)");
        }
        if (b.variantLabels != null) {
            extractor();
        }
        Map<String, List<String>> words = new LinkedHashMap<>(b.variantWords);
        labelSynonyms.forEach((d, ws) -> words.merge(d.name(), ws, (x, y) -> {
            List<String> both = new ArrayList<>(x);
            both.addAll(y);
            return both;
        }));
        FeatureSpace.Spec spec = new FeatureSpace.Spec(chosen, usedKinds, b.variantAttributes, b.neutralize,
                words, b.legacy ? null : columns);
        // the variant values for explanations and rules: these, or made later by this extractor (or a new one)
        VariantTable[] built = variants;
        VariantExtractor x = extractor;
        FeatureSpaceBuilder options = b;
        Table l = left;
        Table r = right;
        java.util.function.Supplier<VariantTable[]> source = built != null ? () -> built : x == null
                ? () -> new FeatureGenerator(options).variants()
                : () -> {
                    VariantTable lv = x.extract(l);
                    return new VariantTable[] {lv, l == r ? lv : x.extract(r)};
                };
        return new FeatureSpace(left, right, spec, active.toArray(new Comparison[0]), List.copyOf(chosen),
                new FeatureSpace.Statistics(fitted), source);
    }

    private boolean isDropped(String name) {
        if (b.dropped.contains(name)) {
            return true;
        }
        for (String d : b.dropped) {
            if (d.endsWith(".*") && name.startsWith(d.substring(0, d.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    // ---- for the recipes ------------------------------------------------------------------------------------

    /**
     * A corpus statistic (document frequencies, value counts, a scale) under a key unique in the space: fitted on
     * these tables by {@code fit}, or, when the space is rebuilt with given {@link FeatureSpace.Statistics}, taken
     * from them, so that a space over part of the tables computes the same features as one over all of them.
     */
    <T extends java.io.Serializable> T statistic(String key, Class<T> type, java.util.function.Supplier<T> fit) {
        T value = given(key, type);
        return fitted(key, value != null ? value : fit.get());
    }

    /** The given statistic under {@code key} (see {@link #statistic}); null when fitting. */
    <T extends java.io.Serializable> T given(String key, Class<T> type) {
        if (given == null) {
            return null;
        }
        Object o = given.get(key);
        if (!type.isInstance(o)) {
            throw new IllegalArgumentException("the given statistics lack '" + key + "' (they hold "
                    + given.keys() + "): they were fitted for another spec or other features");
        }
        return type.cast(o);
    }

    /** Records a statistic fitted (or applied) under {@code key} for {@link FeatureSpace#statistics()}. */
    <T extends java.io.Serializable> T fitted(String key, T value) {
        fitted.put(key, value);
        return value;
    }

    /** Whether statistics are given (a space over part of the tables) rather than fitted. */
    boolean applying() {
        return given != null;
    }

    void add(Comparison c) {
        out.add(c);
    }

    /** Each record's predicted categories, left then right ({@link FeatureSpaceBuilder#categories}), or null. */
    dev.matcher.classify.RecordCategories[] categories() {
        return b.leftCategories == null ? null
                : new dev.matcher.classify.RecordCategories[] {b.leftCategories, b.rightCategories};
    }

    /** Every measure instead of the default bundle of a kind. */
    boolean allMeasures() {
        return b.allMeasures;
    }

    boolean stopWords() {
        return b.stopWords;
    }

    /** VARIANT mode: variant words are removed from text, variant attributes and conflicts dropped. */
    boolean neutralize() {
        return b.neutralize;
    }


    /** Rebuilding a spec: the features are known before the profiles, which then hold only what those need. */
    boolean rebuilding() {
        return b.select != null;
    }

    /** Rebuilding a spec that names this feature. */
    boolean selects(String feature) {
        return b.select != null && b.select.contains(feature);
    }

    /** Whether a feature is computed: always, unless a spec is rebuilt for a model that reads fewer. */
    boolean wants(String feature) {
        return b.computed == null || b.computed.contains(feature);
    }

    /** Whether any feature whose name starts with {@code prefix} is computed. */
    boolean wantsPrefix(String prefix) {
        return b.computed == null || b.computed.stream().anyMatch(n -> n.startsWith(prefix));
    }

    boolean wantsAny(String prefix, List<String> suffixes) {
        return suffixes.stream().anyMatch(x -> wants(prefix + "." + x));
    }

    List<Measure> wanted(String prefix, List<Measure> measures) {
        return measures.stream().filter(m -> wants(prefix + "." + m.suffix)).toList();
    }

    /** A kind's default measures, plus {@code extra} when every measure is asked for. */
    List<Measure> pick(List<Measure> defaults, List<Measure> extra) {
        List<Measure> m = new ArrayList<>(defaults);
        if (b.allMeasures) {
            m.addAll(extra);
        }
        return m;
    }

    /**
     * What text features apply to normalised text in VARIANT mode ({@link VariantExtractor#strip}: variant labels,
     * slots, words and quantities removed), else null.
     */
    UnaryOperator<String> stripper() {
        if (!b.neutralize) {
            return null;
        }
        VariantExtractor x = extractor();
        return x::strip;
    }

    /** Whether at least 2% of the records (of both tables, once in deduplication) have keys. */
    static boolean common(long[][] left, long[][] right, boolean dedup) {
        long present = Arrays.stream(left).filter(k -> k.length > 0).count()
                + (dedup ? 0 : Arrays.stream(right).filter(k -> k.length > 0).count());
        long total = left.length + (dedup ? 0 : right.length);
        return present >= Math.max(1, 0.02 * total);
    }

    /** {@code f} of every raw value, stripped; null for a missing or blank result. In parallel. */
    String[] prepare(String[] raw, UnaryOperator<String> f) {
        String[] prepared = new String[raw.length];
        Parallel.forEach(raw.length, i -> {
            String v = f.apply(raw[i]);
            prepared[i] = v == null || v.isBlank() ? null : v.strip();
        });
        return prepared;
    }

    /** Character measures over prepared strings, equal values recognised by id. */
    static Comparisons.Chars chars(String n, String[] l, String[] r, List<Measure> m) {
        return new Comparisons.Chars(n, l, r, Comparison.valueIds(l, r), m);
    }

    /** Levenshtein of the normalised strings: typos in numbers and dates that parsing cannot see. */
    void writtenLevenshtein(String n, String[] lraw, String[] rraw) {
        if (wants(n + "." + Measure.LEVENSHTEIN.suffix)) {
            String[] ls = prepare(lraw, Analyzers.TEXT::prepare);
            add(chars(n, ls, dedup ? ls : prepare(rraw, Analyzers.TEXT::prepare), List.of(Measure.LEVENSHTEIN)));
        }
    }

    /**
     * Each record's text: its compared attributes but images, then its unmatched attributes (see
     * {@link #unmatchedText}), joined ({@link #concat}), per side; built once.
     */
    String[][] records(List<Attribute> compared) {
        if (records == null) {
            List<Attribute> textual = compared.stream().filter(a -> a.kind() != AttributeKind.IMAGE).toList();
            String[] l = concat(true, textual, true);
            records = new String[][] {l, dedup ? l : concat(false, textual, true)};
        }
        return records;
    }

    /**
     * Each record's values of compared fields on one side, then (with {@code unmatched}) its unmatched attributes,
     * joined by {@code " | "}; null if none.
     */
    String[] concat(boolean leftSide, List<Attribute> attributes, boolean unmatched) {
        Table t = leftSide || dedup ? left : right;
        List<String[]> parts = new ArrayList<>();
        for (Attribute a : attributes) {
            parts.add(values(a, leftSide));
        }
        if (unmatched) {
            for (String u : unmatchedText(leftSide)) {
                parts.add(t.column(u).toArray());
            }
        }
        String[][] columns = parts.toArray(new String[0][]);
        String[] joined = new String[t.size()];
        Parallel.forEach(joined.length, i -> {
            StringBuilder sb = new StringBuilder();
            for (String[] c : columns) {
                String v = c[i];
                if (v != null && !v.isBlank()) {
                    if (sb.length() > 0) {
                        sb.append(" | ");
                    }
                    sb.append(v);
                }
            }
            joined[i] = sb.length() == 0 ? null : sb.toString();
        });
        return joined;
    }
}
