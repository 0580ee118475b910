package dev.matcher.compare;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.Column;
import dev.matcher.data.SchemaInference;
import dev.matcher.data.Table;
import dev.matcher.text.TextNormalizer;
import dev.matcher.text.VariantVocabulary;
import dev.matcher.util.Parallel;
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
                new WholeRecordRecipe(), new AlignmentRecipe(), new VariantRecipe());
    }

    private final FeatureSpaceBuilder b;
    final Table left;
    final Table right;
    /** Deduplication: one table, and every per-record array is shared by both sides. */
    final boolean dedup;
    /** Variant vocabulary with the values of the variant attributes learned. */
    final VariantVocabulary vocabulary;
    private final List<Comparison> out = new ArrayList<>();
    private final Map<String, AttributeKind> usedKinds = new LinkedHashMap<>();
    /** The compared fields by key: the correspondence's groups. */
    private final Map<String, ColumnCorrespondence.Group> fields = new HashMap<>();
    private ColumnCorrespondence columns;
    /** {@link #records}, once asked for. */
    private String[][] records;

    FeatureGenerator(FeatureSpaceBuilder b) {
        this.b = b;
        this.left = b.left;
        this.right = b.right;
        this.dedup = b.left == b.right;
        VariantVocabulary v = b.vocabulary;
        for (String a : b.variantAttributes) {
            if (left.schema().indexOf(a) < 0 && right.schema().indexOf(a) < 0) {
                throw new IllegalArgumentException("no such variant attribute: " + a);
            }
            v = learn(v, a);
        }
        this.vocabulary = v;
    }

    private VariantVocabulary learn(VariantVocabulary v, String attribute) {
        String name = attribute.toLowerCase(Locale.ROOT);
        String category = name.contains("colo") || name.contains("farb") || name.contains("couleur")
                ? VariantVocabulary.COLOUR : name.contains("size") || name.contains("gr") && name.contains("sse")
                ? VariantVocabulary.SIZE : name.contains("capac") || name.contains("storage")
                ? VariantVocabulary.CAPACITY : name;
        if (category.equals(VariantVocabulary.CAPACITY)) {
            return v;                                   // capacities are recognised by pattern
        }
        List<String> values = new ArrayList<>();
        for (Table t : dedup ? List.of(left) : List.of(left, right)) {
            if (t.schema().indexOf(attribute) >= 0) {
                Column c = t.column(attribute);
                for (int i = 0; i < c.size(); i++) {
                    values.add(c.get(i));
                }
            }
        }
        return v.learn(category, values);
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
        for (Attribute a : compared) {
            String[] l = values(a, true);
            String[] r = dedup ? l : values(a, false);
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
        FeatureSpace.Spec spec = new FeatureSpace.Spec(chosen, usedKinds, b.variantAttributes, b.neutralize,
                new LinkedHashMap<>(b.variantWords), b.legacy ? null : columns);
        return new FeatureSpace(left, right, spec, active.toArray(new Comparison[0]), List.copyOf(chosen));
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

    /** The vocabulary whose words text features strip (VARIANT mode), else null. */
    VariantVocabulary stripper() {
        return b.neutralize ? vocabulary : null;
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
