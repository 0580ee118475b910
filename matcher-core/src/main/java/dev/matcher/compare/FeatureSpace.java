package dev.matcher.compare;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.Column;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Values;
import dev.matcher.text.PersonList;
import dev.matcher.text.TextNormalizer;
import dev.matcher.text.VariantVocabulary;
import dev.matcher.text.Years;
import dev.matcher.util.Parallel;
import java.awt.image.BufferedImage;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

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
    /** The per-record columns the comparisons read ({@link Comparison#columns}), by type and side. */
    private final String[][] leftStrings;
    private final String[][] rightStrings;
    private final int[][][] leftInts;
    private final int[][][] rightInts;
    private final long[][][] leftLongs;
    private final long[][][] rightLongs;

    private FeatureSpace(Table left, Table right, Spec spec, Comparison[] comparisons, List<String> names) {
        this.left = left;
        this.right = right;
        this.spec = spec;
        this.comparisons = comparisons;
        this.names = names;
        List<Object> l = new ArrayList<>();
        List<Object> r = new ArrayList<>();
        for (Comparison c : comparisons) {
            c.columns(l, r);
        }
        leftStrings = typed(l, String[].class, String[][]::new);
        rightStrings = typed(r, String[].class, String[][]::new);
        leftInts = typed(l, int[][].class, int[][][]::new);
        rightInts = typed(r, int[][].class, int[][][]::new);
        leftLongs = typed(l, long[][].class, long[][][]::new);
        rightLongs = typed(r, long[][].class, long[][][]::new);
    }

    private static <T> T[] typed(List<Object> columns, Class<T> type, java.util.function.IntFunction<T[]> array) {
        return columns.stream().filter(type::isInstance).map(type::cast).distinct().toArray(array);
    }

    /** Starts a feature space for two tables (the same table twice for deduplication). */
    public static Builder builder(Table left, Table right) {
        return new Builder(left, right);
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
        List<String> unknown = computed.stream().filter(n -> !spec.names().contains(n)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("features to compute that the spec lacks: " + unknown);
        }
        Builder b = builder(left, right).variantAttributes(spec.variantAttributes().toArray(new String[0]))
                .neutralizeVariants(spec.neutralizeVariants());
        b.kinds.putAll(spec.kinds());
        b.vocabulary = VariantVocabulary.builtIn();
        for (Map.Entry<String, List<String>> e : spec.variantWords().entrySet()) {
            b.vocabulary = b.vocabulary.withWords(e.getKey(), e.getValue().toArray(new String[0]));
        }
        b.allMeasures = true;
        b.select = spec.names();
        b.computed = Set.copyOf(computed);
        for (String name : spec.names()) {
            Similarity s = custom.get(name);
            if (s != null) {
                b.add(name, s);
            }
        }
        return b.build();
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
        s.touched = touch(l, r);
        for (Comparison c : comparisons) {
            c.compare(l, r, out, s);
        }
    }

    /**
     * Reads the length of every per-record object of the pair, in a loop of independent loads: the records are
     * usually in no cache (the right one above all, pairs coming sorted by left row), and the comparisons would
     * otherwise wait for each miss in turn, far apart in their code. Here the processor overlaps them.
     */
    private int touch(int l, int r) {
        return touch(leftStrings, l) + touch(rightStrings, r) + touch(leftInts, l) + touch(rightInts, r)
                + touch(leftLongs, l) + touch(rightLongs, r);
    }

    private static int touch(String[][] columns, int row) {
        int t = 0;
        for (String[] c : columns) {
            String s = c[row];
            t += s == null ? 0 : s.length();
        }
        return t;
    }

    private static int touch(int[][][] columns, int row) {
        int t = 0;
        for (int[][] c : columns) {
            int[] a = c[row];
            t += a == null || a.length == 0 ? 0 : a[a.length - 1];      // the end of a longer array too
        }
        return t;
    }

    private static int touch(long[][][] columns, int row) {
        int t = 0;
        for (long[][] c : columns) {
            long[] a = c[row];
            t += a == null ? 0 : a.length;
        }
        return t;
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
     * What a feature space is made of: feature names in order, the attribute kinds used, the variant options and any
     * words added to the variant vocabulary. Immutable and {@link Serializable}.
     */
    public record Spec(List<String> names, Map<String, AttributeKind> kinds, List<String> variantAttributes,
                       boolean neutralizeVariants, Map<String, List<String>> variantWords) implements Serializable {
        public Spec {
            names = List.copyOf(names);
            kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
            variantAttributes = List.copyOf(variantAttributes);
            Map<String, List<String>> w = new LinkedHashMap<>();
            variantWords.forEach((k, v) -> w.put(k, List.copyOf(v)));
            variantWords = Collections.unmodifiableMap(w);
        }
    }

    /** Chooses options; {@link #build()} prepares the per-record profiles. */
    public static final class Builder {
        private final Table left;
        private final Table right;
        private final Map<String, AttributeKind> kinds = new LinkedHashMap<>();
        private final List<String> variantAttributes = new ArrayList<>();
        private final Set<String> dropped = new LinkedHashSet<>();
        private final Map<String, Similarity> added = new LinkedHashMap<>();
        private final Map<String, List<String>> variantWords = new LinkedHashMap<>();
        private VariantVocabulary vocabulary = VariantVocabulary.builtIn();
        private boolean neutralize;
        private boolean allMeasures;
        private boolean stopWords;
        private List<String> select;
        /** Features to compute when rebuilding a spec; null: all. */
        private Set<String> computed;

        private Builder(Table left, Table right) {
            this.left = left;
            this.right = right;
        }

        /** Attributes that describe variants (colour, size, ...): compared in EXACT mode, ignored in VARIANT mode. */
        public Builder variantAttributes(String... attributes) {
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
        public Builder neutralizeVariants(boolean on) {
            neutralize = on;
            return this;
        }

        /** Adds words to a variant category (e.g. {@code "colour", "teal"}); a new category gets its own feature. */
        public Builder variantWords(String category, String... words) {
            vocabulary = vocabulary.withWords(category, words);
            variantWords.computeIfAbsent(category, k -> new ArrayList<>()).addAll(Arrays.asList(words));
            return this;
        }

        /** Overrides an attribute's kind for comparison. */
        public Builder kind(String attribute, AttributeKind kind) {
            kinds.put(attribute, kind);
            return this;
        }

        /** Drops features by exact name, or every feature of a group with {@code "title.*"}. */
        public Builder drop(String... featureNames) {
            dropped.addAll(Arrays.asList(featureNames));
            return this;
        }

        /**
         * Adds a custom feature named {@code attribute.something}; the similarity gets the two raw values of the
         * attribute ({@code *.something}: all attributes' values joined by spaces).
         */
        public Builder add(String featureName, Similarity similarity) {
            int dot = featureName.indexOf('.');
            if (dot <= 0 || dot == featureName.length() - 1) {
                throw new IllegalArgumentException("feature name must be attribute.name: " + featureName);
            }
            added.put(featureName, similarity);
            return this;
        }

        /** Every measure for every attribute instead of the default bundle per kind (slower, rarely better). */
        public Builder allMeasures(boolean on) {
            allMeasures = on;
            return this;
        }

        /** Removes English stop words before token features (default off). */
        public Builder stopWords(boolean on) {
            stopWords = on;
            return this;
        }

        public FeatureSpace build() {
            return new Generator(this).generate();
        }
    }

    /** Turns a builder into comparisons: one bundle per attribute kind, whole-record, variant, missing, custom. */
    private static final class Generator {
        private final Builder b;
        private final boolean dedup;
        private final List<Comparison> out = new ArrayList<>();
        private final Map<String, AttributeKind> usedKinds = new LinkedHashMap<>();
        private final VariantVocabulary vocabulary;
        /** Null flags of 64 attributes at a time, one long per record. */
        private long[] nullsLeft;
        private long[] nullsRight;
        private int missingCount;
        /** {@link #records}, once asked for. */
        private String[][] records;

        Generator(Builder b) {
            this.b = b;
            this.dedup = b.left == b.right;
            VariantVocabulary v = b.vocabulary;
            for (String a : b.variantAttributes) {
                if (b.left.schema().indexOf(a) < 0 && b.right.schema().indexOf(a) < 0) {
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
            for (Table t : dedup ? List.of(b.left) : List.of(b.left, b.right)) {
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
            List<Attribute> shared = new ArrayList<>();
            for (Attribute a : b.left.schema().attributes()) {
                if (b.right.schema().indexOf(a.name()) >= 0) {
                    AttributeKind k = b.kinds.getOrDefault(a.name(), a.kind());
                    shared.add(new Attribute(a.name(), k));
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
            for (Attribute a : compared) {
                attribute(a);
            }
            wholeRecord(compared);
            alignments(compared);
            if (!b.neutralize) {
                variants(compared);
            }
            for (Map.Entry<String, Similarity> e : b.added.entrySet()) {
                String attr = e.getKey().substring(0, e.getKey().indexOf('.'));
                String[][] raw = attr.equals("*") ? new String[][] {concat(b.left, compared), concat(b.right, compared)}
                        : new String[][] {column(b.left, attr), column(b.right, attr)};
                out.add(new Comparisons.Custom(e.getKey(), raw[0], dedup ? raw[0] : raw[1], e.getValue()));
            }
            return assemble();
        }

        private String[] column(Table t, String attr) {
            if (t.schema().indexOf(attr) < 0) {
                throw new IllegalArgumentException("custom feature on an unknown attribute: " + attr);
            }
            return t.column(attr).toArray();
        }

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
                    throw new IllegalArgumentException("features of the spec not available on these tables: "
                            + lacking);
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
            Map<String, List<String>> words = new LinkedHashMap<>(b.variantWords);
            Spec spec = new Spec(chosen, usedKinds, b.variantAttributes, b.neutralize, words);
            return new FeatureSpace(b.left, b.right, spec, active.toArray(new Comparison[0]), List.copyOf(chosen));
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

        /** Whether a feature is computed: always, unless a spec is rebuilt for a model that reads fewer. */
        private boolean wants(String feature) {
            return b.computed == null || b.computed.contains(feature);
        }

        private boolean wantsAny(String prefix, List<String> suffixes) {
            return suffixes.stream().anyMatch(x -> wants(prefix + "." + x));
        }

        private List<Measure> wanted(String prefix, List<Measure> measures) {
            return measures.stream().filter(m -> wants(prefix + "." + m.suffix)).toList();
        }

        // ---- per attribute --------------------------------------------------------------------------------------

        private void attribute(Attribute a) {
            String n = a.name();
            String[] lraw = b.left.column(n).toArray();
            String[] rraw = dedup ? lraw : b.right.column(n).toArray();
            switch (a.kind()) {
                case STRING, TEXT -> text(n, a.kind(), lraw, rraw);
                case IDENTIFIER -> {
                    List<Measure> m = wanted(n, pick(
                            List.of(Measure.EXACT, Measure.LEVENSHTEIN, Measure.JARO_WINKLER, Measure.PREFIX),
                            List.of(Measure.DAMERAU_LEVENSHTEIN, Measure.JARO, Measure.LCS_SUBSTRING,
                                    Measure.LCS_SUBSEQUENCE)));
                    if (!m.isEmpty()) {
                        String[] l = prepare(lraw, Generator::alnum);
                        out.add(chars(n, l, dedup ? l : prepare(rraw, Generator::alnum), m));
                    }
                }
                case NUMERIC -> numeric(n, lraw, rraw);
                case DATE -> date(n, lraw, rraw);
                case CATEGORICAL -> categorical(n, lraw, rraw);
                case IMAGE -> image(n, lraw, rraw);
                default -> throw new IllegalStateException(a.kind().name());
            }
            int index = missingCount++;
            if (index % 64 == 0) {
                nullsLeft = new long[lraw.length];
                nullsRight = dedup ? nullsLeft : new long[rraw.length];
            }
            nulls(lraw, nullsLeft, index % 64);
            if (!dedup) {
                nulls(rraw, nullsRight, index % 64);
            }
            out.add(new Comparisons.Missing(n, nullsLeft, nullsRight, index % 64));
        }

        private List<Measure> pick(List<Measure> defaults, List<Measure> extra) {
            List<Measure> m = new ArrayList<>(defaults);
            if (b.allMeasures) {
                m.addAll(extra);
            }
            return m;
        }

        private void text(String n, AttributeKind kind, String[] lraw, String[] rraw) {
            boolean isText = kind == AttributeKind.TEXT;
            boolean nameCandidate = !isText;
            // rebuilding a spec: the measures are known before the profiles, which then hold only what they need
            List<Measure> fixed = b.select == null ? null : wanted(n, textMeasures(null, isText));
            if (fixed == null || !fixed.isEmpty()) {
                TextField.Options o = fixed == null
                        ? new TextField.Options(true, true, true, nameCandidate, b.stopWords, stripper())
                        : new TextField.Options(fixed.contains(Measure.QGRAM_JACCARD),
                                fixed.contains(Measure.CODES_EXACT) || fixed.contains(Measure.CODES_FUZZY),
                                fixed.contains(Measure.NUMBERS), fixed.stream().anyMatch(Measure::isPhonetic),
                                b.stopWords, stripper());
                TextField f = TextField.build(n, lraw, rraw, o);
                out.add(new Comparisons.Text(n, f, fixed != null ? fixed : textMeasures(f, isText)));
            }
            if (!isText && wants(n + "." + ValueRarity.SUFFIX)) {
                VariantVocabulary strip = stripper();
                String[] lk = prepare(lraw, v -> ValueRarity.key(v, strip));
                out.add(ValueRarity.of(n, lk, dedup ? lk : prepare(rraw, v -> ValueRarity.key(v, strip))));
            }
            if (wants(n + ".list_size_ratio") && PersonList.isPersonListColumn(lraw)
                    && (dedup || PersonList.isPersonListColumn(rraw))) {
                int[] lc = new int[lraw.length];
                Arrays.setAll(lc, i -> PersonList.count(TextNormalizer.normalize(lraw[i])));
                int[] rc = lc;
                if (!dedup) {
                    rc = new int[rraw.length];
                    Arrays.setAll(rc, i -> PersonList.count(TextNormalizer.normalize(rraw[i])));
                }
                out.add(new Comparisons.ListSize(n, lc, rc));
            }
        }

        private VariantVocabulary stripper() {
            return b.neutralize ? vocabulary : null;
        }

        /** The bundle for a text attribute; {@code f} (its statistics) is only read when not every measure is on. */
        private List<Measure> textMeasures(TextField f, boolean isText) {
            boolean all = b.allMeasures;
            List<Measure> m = new ArrayList<>();
            if (!isText) {
                m.addAll(List.of(Measure.EXACT, Measure.LEVENSHTEIN, Measure.JARO_WINKLER));
                if (all) {
                    m.addAll(List.of(Measure.DAMERAU_LEVENSHTEIN, Measure.JARO, Measure.LCS_SUBSTRING,
                            Measure.LCS_SUBSEQUENCE, Measure.PREFIX));
                }
            }
            if (all || isText || f.meanWords >= 1.2) {    // single words: token sets add nothing to exact
                m.addAll(List.of(Measure.TOKEN_JACCARD, Measure.TFIDF_COSINE));
            }
            m.add(Measure.QGRAM_JACCARD);
            if (isText || all) {
                m.add(Measure.IDF_JACCARD);
                m.add(Measure.CONTAINMENT_LR);
                m.add(Measure.CONTAINMENT_RL);
            }
            if (all) {
                m.addAll(List.of(Measure.TOKEN_DICE, Measure.TOKEN_OVERLAP));
            }
            if (all || (!isText && f.meanWords >= 1.5)) {
                m.add(Measure.MONGE_ELKAN);
                m.add(Measure.SOFT_TFIDF);
                m.add(Measure.ABBREVIATION);     // acronyms and abbreviated words: multi-word names, venues, streets
            }
            if (all || f.codeShare >= 0.05) {
                m.add(Measure.CODES_EXACT);
                m.add(Measure.CODES_FUZZY);
            }
            if (all || f.numberShare >= 0.05) {
                m.add(Measure.NUMBERS);
            }
            if (!isText && (all || (f.nameLike >= 0.8 && f.meanWords < 1.3))) {   // single names
                m.addAll(List.of(Measure.SOUNDEX, Measure.DOUBLE_METAPHONE, Measure.NYSIIS));
            }
            return m;
        }

        private void numeric(String n, String[] lraw, String[] rraw) {
            if (wantsAny(n, Comparisons.Numeric.ALL)) {
                double[] lv = numbers(b.left.column(n));
                double[] rv = dedup ? lv : numbers(b.right.column(n));
                out.add(new Comparisons.Numeric(n, lv, rv, scale(lv, dedup ? null : rv)));
            }
            levenshtein(n, lraw, rraw);
        }

        /** Levenshtein of the normalised strings: typos in numbers and dates that parsing cannot see. */
        private void levenshtein(String n, String[] lraw, String[] rraw) {
            if (wants(n + "." + Measure.LEVENSHTEIN.suffix)) {
                String[] ls = prepare(lraw, TextNormalizer::normalize);
                out.add(chars(n, ls, dedup ? ls : prepare(rraw, TextNormalizer::normalize),
                        List.of(Measure.LEVENSHTEIN)));
            }
        }

        private double[] numbers(Column c) {
            double[] v = new double[c.size()];
            Parallel.forEach(v.length, i -> {
                double x = Values.parseNumber(c.get(i));
                v[i] = Double.isFinite(x) ? x : Double.NaN;
            });
            return v;
        }

        /** A tenth of the median absolute deviation of all values: typical differences between near-equal values. */
        private static double scale(double[] a, double[] b) {
            double[] all = IntStream.range(0, a.length + (b == null ? 0 : b.length))
                    .mapToDouble(i -> i < a.length ? a[i] : b[i - a.length]).filter(x -> !Double.isNaN(x)).sorted()
                    .toArray();
            if (all.length == 0) {
                return 1;
            }
            double median = all[all.length / 2];
            double[] dev = Arrays.stream(all).map(x -> Math.abs(x - median)).sorted().toArray();
            double mad = dev[dev.length / 2];
            return mad > 0 ? mad / 10 : Math.max(Math.abs(median) / 100, 1e-6);
        }

        private void date(String n, String[] lraw, String[] rraw) {
            if (wantsAny(n, Comparisons.Dates.ALL)) {
                int[][] l = dates(lraw);
                out.add(new Comparisons.Dates(n, l, dedup ? l : dates(rraw)));
            }
            levenshtein(n, lraw, rraw);
        }

        private int[][] dates(String[] raw) {
            int[][] d = new int[4][raw.length];
            Parallel.forEach(raw.length, i -> {
                int e = Values.parseDate(raw[i]);
                d[0][i] = e;
                if (e != Values.NO_DATE) {
                    LocalDate ld = LocalDate.ofEpochDay(e);
                    d[1][i] = ld.getYear();
                    d[2][i] = ld.getMonthValue();
                    d[3][i] = ld.getDayOfMonth();
                }
            });
            return d;
        }

        private void categorical(String n, String[] lraw, String[] rraw) {
            List<Measure> m = wanted(n, pick(List.of(Measure.EXACT, Measure.JARO_WINKLER),
                    List.of(Measure.LEVENSHTEIN)));
            if (m.isEmpty() && !wantsAny(n, List.of("tf_agree", "path_prefix"))) {
                return;
            }
            String[] l = prepare(lraw, TextNormalizer::normalize);
            String[] r = dedup ? l : prepare(rraw, TextNormalizer::normalize);
            Map<String, Integer> counts = new HashMap<>();
            int total = 0;
            for (String[] side : dedup ? List.<String[]>of(l) : List.<String[]>of(l, r)) {
                for (String v : side) {
                    if (v != null) {
                        counts.merge(v, 1, Integer::sum);
                        total++;
                    }
                }
            }
            float[] freq = new float[l.length];
            for (int i = 0; i < l.length; i++) {
                freq[i] = l[i] == null ? 0 : (float) counts.get(l[i]) / total;
            }
            long withPath = Arrays.stream(l).filter(v -> v != null && PATH.matcher(v).find()).count();
            boolean paths = withPath >= 0.2 * Math.max(1, Arrays.stream(l).filter(v -> v != null).count());
            String[][] lp = paths ? paths(l) : null;
            String[][] rp = paths ? (dedup ? lp : paths(r)) : null;
            int[][] ids = Comparison.valueIds(l, r);
            if (!m.isEmpty()) {
                out.add(new Comparisons.Chars(n, l, r, ids, m));
            }
            out.add(new Comparisons.Categorical(n, ids, freq, lp, rp));
        }

        private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile("\\s*(>|/|\\||»|::)\\s*");

        private static String[][] paths(String[] v) {
            String[][] p = new String[v.length][];
            for (int i = 0; i < v.length; i++) {
                p[i] = v[i] == null ? new String[0] : PATH.split(v[i]);
            }
            return p;
        }

        private void image(String n, String[] lraw, String[] rraw) {
            if (!wantsAny(n, Comparisons.Image.NAMES)) {
                return;                                     // reading images is the costliest profile of all
            }
            long[][] l = hashes(lraw);
            out.add(new Comparisons.Image(n, l, dedup ? l : hashes(rraw)));
        }

        private long[][] hashes(String[] raw) {
            long[][] h = new long[3][raw.length];
            Parallel.forEach(raw.length, i -> {
                BufferedImage img = ImageHash.read(raw[i]);
                if (img != null) {
                    h[0][i] = ImageHash.dHash(img);
                    h[1][i] = ImageHash.pHash(img);
                    h[2][i] = 1;
                }
            });
            return h;
        }

        private static Comparisons.Chars chars(String n, String[] l, String[] r, List<Measure> m) {
            return new Comparisons.Chars(n, l, r, Comparison.valueIds(l, r), m);
        }

        // ---- whole record -----------------------------------------------------------------------------------

        private void wholeRecord(List<Attribute> compared) {
            if (compared.stream().filter(a -> a.kind() != AttributeKind.IMAGE).count() < 2) {
                return;
            }
            List<Measure> fixed = b.select == null ? null : wanted("*", wholeRecordMeasures(null));
            boolean year = wants("*.year_conflict");
            if (fixed != null && fixed.isEmpty() && !year) {
                return;
            }
            String[][] whole = records(compared);
            String[] l = whole[0];
            String[] r = whole[1];
            if (fixed == null || !fixed.isEmpty()) {
                TextField f = TextField.build("*", l, r, new TextField.Options(false,
                        fixed == null || fixed.contains(Measure.CODES_EXACT) || fixed.contains(Measure.CODES_FUZZY),
                        fixed == null || fixed.contains(Measure.NUMBERS), false, b.stopWords, stripper()));
                out.add(new Comparisons.Text("*", f, fixed != null ? fixed : wholeRecordMeasures(f)));
            }
            if (year) {
                years(l, r);
            }
        }

        /** {@link ValueAlignment} for the few-valued text attributes (always for those a rebuilt spec names). */
        private void alignments(List<Attribute> compared) {
            ValueAlignment alignment = null;
            for (Attribute a : compared) {
                String name = a.name() + "." + ValueAlignment.SUFFIX;
                boolean text = a.kind() == AttributeKind.STRING || a.kind() == AttributeKind.TEXT
                        || a.kind() == AttributeKind.CATEGORICAL;
                if (!text || !wants(name)) {
                    continue;
                }
                String[] lv = b.left.column(a.name()).toArray();
                String[] rv = dedup ? lv : b.right.column(a.name()).toArray();
                if (b.select != null ? b.select.contains(name) : ValueAlignment.eligible(lv, rv)) {
                    if (alignment == null) {
                        String[][] whole = records(compared);
                        alignment = ValueAlignment.of(whole[0], whole[1]);
                    }
                    out.add(alignment.compare(a.name(), lv, rv));
                }
            }
        }

        /** The whole-record bundle; {@code f} (its statistics) is only read when not every measure is on. */
        private List<Measure> wholeRecordMeasures(TextField f) {
            List<Measure> m = new ArrayList<>(List.of(Measure.TFIDF_COSINE, Measure.TOKEN_JACCARD,
                    Measure.IDF_JACCARD));
            if (b.allMeasures || f.codeShare >= 0.05) {
                m.add(Measure.CODES_EXACT);
                if (b.allMeasures) {
                    m.add(Measure.CODES_FUZZY);                    // per attribute by default: costly over all codes
                }
            }
            if (b.allMeasures || f.numberShare >= 0.05) {
                m.add(Measure.NUMBERS);
            }
            return m;
        }

        /**
         * {@code *.year_conflict} over the whole record, so a year still counts when it sits in another column (dirty
         * data) or inside a date or title; only when at least 2% of records mention a year.
         */
        private void years(String[] l, String[] r) {
            long[][] kl = new long[l.length][];
            long[][] kr = dedup ? kl : new long[r.length][];
            Parallel.forEach(l.length, i -> kl[i] = Years.in(l[i]));
            if (!dedup) {
                Parallel.forEach(r.length, i -> kr[i] = Years.in(r[i]));
            }
            long present = Arrays.stream(kl).filter(k -> k.length > 0).count()
                    + (dedup ? 0 : Arrays.stream(kr).filter(k -> k.length > 0).count());
            long total = l.length + (dedup ? 0 : r.length);
            if (b.allMeasures || present >= Math.max(1, 0.02 * total)) {
                out.add(new Comparisons.Variants(new String[] {"*.year_conflict"}, new long[][][] {kl},
                        new long[][][] {kr}));
            }
        }

        /** Each record's text: its compared attributes but images joined ({@link #concat}), per side; built once. */
        private String[][] records(List<Attribute> compared) {
            if (records == null) {
                List<Attribute> textual = compared.stream().filter(a -> a.kind() != AttributeKind.IMAGE).toList();
                String[] l = concat(b.left, textual);
                records = new String[][] {l, dedup ? l : concat(b.right, textual)};
            }
            return records;
        }

        /** Each record's values of the attributes (those the table has) joined by {@code " | "}; null if none. */
        private String[] concat(Table t, List<Attribute> attributes) {
            Column[] columns = attributes.stream().filter(a -> t.schema().indexOf(a.name()) >= 0)
                    .map(a -> t.column(a.name())).toArray(Column[]::new);
            String[] out = new String[t.size()];
            Parallel.forEach(out.length, i -> {
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
                out[i] = sb.length() == 0 ? null : sb.toString();
            });
            return out;
        }

        // ---- variants ----------------------------------------------------------------------------------------

        private void variants(List<Attribute> compared) {
            List<Attribute> sources = compared.stream().filter(a -> b.variantAttributes.contains(a.name())
                    || a.kind() == AttributeKind.TEXT || a.kind() == AttributeKind.STRING
                    || a.kind() == AttributeKind.CATEGORICAL).toList();
            if (sources.isEmpty()) {
                return;
            }
            // name-like columns (people, streets, towns) mention "green" or "rose" as names, not colours
            List<Attribute> used = new ArrayList<>();
            for (Attribute a : sources) {
                if (b.variantAttributes.contains(a.name()) || !nameLike(a.name())) {
                    used.add(a);
                }
            }
            if (used.isEmpty()
                    || vocabulary.categories().stream().noneMatch(c -> wants(Comparisons.Variants.name(c)))) {
                return;
            }
            String[] l = prepare(concat(b.left, used), TextNormalizer::normalize);
            String[] r = dedup ? l : prepare(concat(b.right, used), TextNormalizer::normalize);
            List<String> categories = new ArrayList<>();
            List<long[][]> lk = new ArrayList<>();
            List<long[][]> rk = new ArrayList<>();
            for (String c : vocabulary.categories()) {
                if (!wants(Comparisons.Variants.name(c))) {
                    continue;
                }
                long[][] kl = keys(c, l);
                long[][] kr = dedup ? kl : keys(c, r);
                long present = Arrays.stream(kl).filter(k -> k.length > 0).count()
                        + (dedup ? 0 : Arrays.stream(kr).filter(k -> k.length > 0).count());
                long total = l.length + (dedup ? 0 : r.length);
                if (b.allMeasures || present >= Math.max(1, 0.02 * total)) {
                    categories.add(c);
                    lk.add(kl);
                    rk.add(kr);
                }
            }
            if (!categories.isEmpty()) {
                out.add(new Comparisons.Variants(categories, lk.toArray(new long[0][][]), rk.toArray(new long[0][][])));
            }
        }

        private boolean nameLike(String attribute) {
            String[] v = b.left.column(attribute).toArray();
            long present = 0;
            long names = 0;
            for (int i = 0; i < v.length; i += Math.max(1, v.length / 2000)) {
                String s = TextNormalizer.normalize(v[i]);
                if (s == null || s.isBlank()) {
                    continue;
                }
                present++;
                if (s.length() <= 24 && s.split("\\s+").length <= 2
                        && s.chars().allMatch(c -> c == ' ' || Character.isLetter(c))) {
                    names++;
                }
            }
            return present > 0 && names >= 0.8 * present;
        }

        private long[][] keys(String category, String[] text) {
            long[][] k = new long[text.length][];
            Parallel.forEach(text.length, i -> k[i] = vocabulary.mentionKeys(category, text[i]));
            return k;
        }

        // ---- helpers -----------------------------------------------------------------------------------------

        private String[] prepare(String[] raw, java.util.function.UnaryOperator<String> f) {
            String[] out = new String[raw.length];
            Parallel.forEach(raw.length, i -> {
                String v = f.apply(raw[i]);
                out[i] = v == null || v.isBlank() ? null : v.strip();
            });
            return out;
        }

        private static String alnum(String raw) {
            String s = TextNormalizer.normalize(raw);
            if (s == null) {
                return null;
            }
            StringBuilder b = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    b.append(c);
                }
            }
            return b.toString();
        }

        /** Sets {@code bit} of {@code mask[row]} for every missing (null or blank) value. */
        private static void nulls(String[] raw, long[] mask, int bit) {
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == null || raw[i].isBlank()) {
                    mask[i] |= 1L << bit;
                }
            }
        }
    }
}
