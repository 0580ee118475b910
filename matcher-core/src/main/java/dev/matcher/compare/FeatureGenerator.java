package dev.matcher.compare;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.Column;
import dev.matcher.data.Table;
import dev.matcher.text.TextNormalizer;
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
 * Turns a {@link FeatureSpaceBuilder} into a {@link FeatureSpace}: runs the {@link Recipe}s over the attributes the
 * tables share, adds the custom features, then drops, orders and numbers the features. The recipes read the options
 * and share the helpers here (what to compute, per-record preparation in the caller's pool, whole-record text).
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
                new WholeRecordRecipe(), new AlignmentRecipe(), new DimensionRecipe());
    }

    private final FeatureSpaceBuilder b;
    final Table left;
    final Table right;
    /** Deduplication: one table, and every per-record array is shared by both sides. */
    final boolean dedup;
    private final List<Comparison> out = new ArrayList<>();
    private final Map<String, AttributeKind> usedKinds = new LinkedHashMap<>();
    /** {@link #records}, once asked for. */
    private String[][] records;
    /** {@link #extractor()} and {@link #variants()}, once asked for. */
    private VariantExtractor extractor;
    private VariantTable[] variants;

    FeatureGenerator(FeatureSpaceBuilder b) {
        this.b = b;
        this.left = b.left;
        this.right = b.right;
        this.dedup = b.left == b.right;
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
            Vocabulary v = Vocabulary.builtIn();
            for (Map.Entry<String, List<String>> e : b.variantWords.entrySet()) {
                Dimension d = dimension(e.getKey());
                for (String w : e.getValue()) {
                    v = v.withValue(d, w);
                }
            }
            VariantExtractor.Builder xb = VariantExtractor.builder().vocabulary(v);
            for (String a : b.variantAttributes) {
                if (left.schema().indexOf(a) >= 0 && right.schema().indexOf(a) >= 0) {
                    xb.attribute(a);
                }
            }
            VariantExtractor x = xb.build().learn(left);
            extractor = dedup ? x : x.learn(right);
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
        List<Attribute> shared = new ArrayList<>();
        for (Attribute a : left.schema().attributes()) {
            if (right.schema().indexOf(a.name()) >= 0) {
                shared.add(new Attribute(a.name(), b.kinds.getOrDefault(a.name(), a.kind())));
            }
        }
        for (String k : b.kinds.keySet()) {
            if (shared.stream().noneMatch(a -> a.name().equals(k))) {
                throw new IllegalArgumentException("kind given for an attribute the tables do not share: " + k);
            }
        }
        List<Attribute> compared = new ArrayList<>();
        for (Attribute a : shared) {
            usedKinds.put(a.name(), a.kind());
            if (!(b.neutralize && b.variantAttributes.contains(a.name()))) {
                compared.add(a);
            }
        }
        List<Recipe> recipes = recipes();
        for (Attribute a : compared) {
            String[] l = left.column(a.name()).toArray();
            String[] r = dedup ? l : right.column(a.name()).toArray();
            for (Recipe recipe : recipes) {
                recipe.attribute(a, l, r, this);
            }
        }
        for (Recipe recipe : recipes) {
            recipe.record(compared, this);
        }
        for (Map.Entry<String, Similarity> e : b.added.entrySet()) {
            String attr = e.getKey().substring(0, e.getKey().indexOf('.'));
            String[][] raw = attr.equals("*") ? new String[][] {concat(left, compared), concat(right, compared)}
                    : new String[][] {column(left, attr), column(right, attr)};
            out.add(new Comparisons.Custom(e.getKey(), raw[0], dedup ? raw[0] : raw[1], e.getValue()));
        }
        return assemble();
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
        FeatureSpace.Spec spec = new FeatureSpace.Spec(chosen, usedKinds, b.variantAttributes, b.neutralize,
                new LinkedHashMap<>(b.variantWords));
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
        return new FeatureSpace(left, right, spec, active.toArray(new Comparison[0]), List.copyOf(chosen), source);
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

    void add(Comparison c) {
        out.add(c);
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

    boolean isVariantAttribute(String attribute) {
        return b.variantAttributes.contains(attribute);
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
            String[] ls = prepare(lraw, TextNormalizer::normalize);
            add(chars(n, ls, dedup ? ls : prepare(rraw, TextNormalizer::normalize), List.of(Measure.LEVENSHTEIN)));
        }
    }

    /** Each record's text: its compared attributes but images joined ({@link #concat}), per side; built once. */
    String[][] records(List<Attribute> compared) {
        if (records == null) {
            List<Attribute> textual = compared.stream().filter(a -> a.kind() != AttributeKind.IMAGE).toList();
            String[] l = concat(left, textual);
            records = new String[][] {l, dedup ? l : concat(right, textual)};
        }
        return records;
    }

    /** Each record's values of the attributes (those the table has) joined by {@code " | "}; null if none. */
    String[] concat(Table t, List<Attribute> attributes) {
        Column[] columns = attributes.stream().filter(a -> t.schema().indexOf(a.name()) >= 0)
                .map(a -> t.column(a.name())).toArray(Column[]::new);
        String[] joined = new String[t.size()];
        Parallel.forEach(joined.length, i -> {
            StringBuilder sb = new StringBuilder();
            for (Column c : columns) {
                String v = c.get(i);
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
