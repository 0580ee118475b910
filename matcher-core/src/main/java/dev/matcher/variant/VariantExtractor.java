package dev.matcher.variant;

import dev.matcher.text.Analyzers;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.LabelledPairs;
import dev.matcher.data.SchemaInference;
import dev.matcher.data.Table;
import dev.matcher.util.Parallel;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Finds each record's canonical value per variant {@link Dimension}, once per record: from the attribute named for
 * the dimension if it holds one, else from the title (a {@code Colour: X} label, a slot such as {@code - Navy / XL},
 * {@code , Gray, XXL} or {@code (Heather Grey)}, then words of running text), else from the description (a
 * {@code Colour:} label, else running text that names one value only: {@code Shown in pink.}; lists of options
 * such as {@code also available in pink, navy} are skipped), else from a label in another text attribute. Values are canonicalised by the
 * {@link Vocabulary} (case, abbreviations, synonyms, shade families, one typo in attributes and slots); a named
 * attribute's value the vocabulary does not know still gets a code of its own. Immutable and thread-safe.
 *
 * <pre>{@code
 * VariantExtractor x = VariantExtractor.builder().attribute("color", Dimension.COLOUR).build();
 * VariantTable values = x.extract(products);                 // per record and dimension: a long code + its source
 * values.compare(i, values, j, Dimension.COLOUR);            // EQUAL, DIFFERENT or UNKNOWN, O(1)
 * VariantExtractor tuned = x.learn(products).learn(products, products, labels);   // synonyms from the data
 * }</pre>
 *
 * <p>Without named attributes, attributes whose name is a label of a dimension ({@code color}, {@code size},
 * {@code storage}, {@code pack}, {@code volume}, or the dimension's own name) are used, the title is the attribute
 * called {@code title}, {@code name} or {@code product}, the description the one called {@code description},
 * {@code details} or similar; where no name says so, the values do: the title is the most varied text attribute (of
 * those nearly as varied, not running text), the description a text attribute of running text well longer than the
 * title.
 */
public final class VariantExtractor implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final Set<String> TITLE_NAMES = Set.of("title", "name", "product", "product name", "productname",
            "product title", "item", "item name", "heading", "listing", "offer", "offer title", "label");
    private static final Set<String> DESCRIPTION_NAMES = Set.of("description", "desc", "details", "product description",
            "long description", "body", "text", "summary", "about", "features", "bullets", "specs",
            "specifications", "short description");

    private final Vocabulary vocabulary;
    private final List<Dimension> dimensions;
    private final Map<String, List<Dimension>> attributes;
    private final String title;
    private final String description;
    private final boolean inferAttributes;
    private final int parallelism;
    private final int cacheSize;
    private final int minSupport;
    private final List<String> learned;
    /** Learned corrections of number values ({@code 522 GB -> 512 GB}), keyed by {@link #numberKey}. */
    private final Map<Long, Long> numberFixes;

    private transient NumberReader numbers;
    private transient Map<String, Long> contextWords;
    private transient long alwaysContext;
    private transient Cache<String, Found> cache;

    private VariantExtractor(Builder b, Vocabulary vocabulary, List<String> learned, Map<Long, Long> numberFixes) {
        this.vocabulary = vocabulary;
        this.dimensions = b.dimensions == null ? vocabulary.dimensions() : List.copyOf(b.dimensions);
        for (Dimension d : dimensions) {
            if (vocabulary.indexOf(d) < 0) {
                throw new IllegalArgumentException("the vocabulary has no section " + d);
            }
        }
        if (vocabulary.sectionCount() > 64) {
            throw new IllegalArgumentException("at most 64 dimensions: " + vocabulary.sectionCount());
        }
        Map<String, List<Dimension>> a = new LinkedHashMap<>();
        b.attributes.forEach((k, v) -> a.put(k, List.copyOf(v)));
        this.attributes = Collections.unmodifiableMap(a);
        this.title = b.title;
        this.description = b.description;
        this.inferAttributes = b.inferAttributes;
        this.parallelism = b.parallelism;
        this.cacheSize = b.cacheSize;
        this.minSupport = b.minSupport;
        this.learned = List.copyOf(learned);
        this.numberFixes = Map.copyOf(numberFixes);
        init();
    }

    private void init() {
        numbers = new NumberReader(vocabulary);
        Map<String, Long> ctx = new HashMap<>();
        long always = 0;
        for (int s = 0; s < vocabulary.sectionCount(); s++) {
            Set<String> words = vocabulary.context(s);
            if (words.isEmpty()) {
                always |= 1L << s;
            }
            for (String w : words) {
                ctx.merge(w, 1L << s, (x, y) -> x | y);
            }
        }
        contextWords = ctx;
        alwaysContext = always;
        cache = Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        init();
    }

    /** The built-in vocabulary, attributes inferred from their names. */
    public static VariantExtractor defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The dimensions a {@link VariantTable} of this extractor holds. */
    public List<Dimension> dimensions() {
        return dimensions;
    }

    /** What {@link #learn} found, one readable line each. */
    public List<String> learned() {
        return learned;
    }

    /** The same extractor with another vocabulary. */
    public VariantExtractor withVocabulary(Vocabulary v) {
        return new VariantExtractor(toBuilder(), v, learned, numberFixes);
    }

    // ---- extraction -------------------------------------------------------------------------------------------

    /** Every record's code and source per dimension, computed once, in parallel. */
    public VariantTable extract(Table table) {
        Layout layout = layout(table);
        int n = table.size();
        int[] sections = dimensions.stream().mapToInt(vocabulary::indexOf).toArray();
        long[][] codes = new long[sections.length][n];
        byte[][] sources = new byte[sections.length][n];
        Map<Long, String> names = new ConcurrentHashMap<>();
        run(n, row -> {
            Row r = row(layout, table, row, names);
            for (int k = 0; k < sections.length; k++) {
                codes[k][row] = r.code[sections[k]];
                sources[k][row] = (byte) r.source[sections[k]].ordinal();
            }
        });
        return new VariantTable(this, dimensions, codes, sources, names, layout.toString());
    }

    /**
     * The text with every variant mention removed (labels with their values, slot values, vocabulary words,
     * capacities, packs, amounts), normalised: {@code "Acme Line Tee - Navy / XL" -> "acme line tee"}. What
     * blocking keys and "otherwise identical" listings are made of.
     */
    public String strip(String text) {
        if (text == null) {
            return null;
        }
        String t = Analyzers.TEXT.prepare(text);
        TextScan scan = new TextScan(vocabulary, numbers, new HashMap<>(), t);
        return scan.readTitle(alwaysContext | scan.context(contextWords)).residual();
    }

    /** Sequential with {@code parallelism(1)} or few records, else in the caller's pool ({@link Parallel}). */
    /**
     * Each record's product line: its title (the attribute this extractor reads as the title) with every variant
     * mention removed ({@link #strip}), so that the colours and sizes of one product read the same; null when the
     * record has no title. What variant-aware blocking keys on.
     *
     * <pre>{@code
     * x.productLines(products)[0];    // "Acme Line Tee - Navy / XL" -> "acme line tee"
     * }</pre>
     */
    public String[] productLines(Table table) {
        Layout layout = layout(table);
        String[] out = new String[table.size()];
        if (layout.title < 0) {
            return out;
        }
        dev.matcher.data.Column c = table.column(layout.title);
        run(out.length, row -> out[row] = strip(c.get(row)));
        return out;
    }

    private void run(int n, java.util.function.IntConsumer body) {
        if (parallelism <= 1 || n < 2048) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        Parallel.forEach(n, body);
    }

    /** One record: per section the chosen code and source, and the codes of every source. */
    static final class Row {
        final long[] code;
        final Source[] source;
        /** [source ordinal][section]. */
        final long[][] bySource;

        Row(int sections) {
            code = new long[sections];
            source = new Source[sections];
            Arrays.fill(source, Source.NONE);
            bySource = new long[Source.VALUES.length][sections];
        }
    }

    Row row(Layout layout, Table table, int row, Map<Long, String> names) {
        int s = vocabulary.sectionCount();
        Row r = new Row(s);
        TextScan title = scan(table, row, layout.title, names);
        TextScan desc = scan(table, row, layout.description, names);
        TextScan[] other = new TextScan[layout.other.length];
        long ctx = alwaysContext | (title == null ? 0 : title.context(contextWords))
                | (desc == null ? 0 : desc.context(contextWords));
        for (int k = 0; k < other.length; k++) {
            other[k] = scan(table, row, layout.other[k], names);
            ctx |= other[k] == null ? 0 : other[k].context(contextWords);
        }
        for (int k = 0; k < layout.variant.length; k++) {
            ctx |= context(table.value(row, layout.variant[k]));
        }
        long[] attr = r.bySource[Source.ATTRIBUTE.ordinal()];
        for (int k = 0; k < layout.variant.length; k++) {
            long[] found = attribute(layout.routes[k], table.value(row, layout.variant[k]), ctx, names);
            if (found != null && attr[(int) found[0]] == VariantCode.UNKNOWN) {
                attr[(int) found[0]] = found[1];
            }
        }
        if (title != null) {
            fill(title.readTitle(ctx), r.bySource[Source.TITLE.ordinal()]);
        }
        if (desc != null) {
            fill(desc.readProse(ctx), r.bySource[Source.DESCRIPTION.ordinal()]);
        }
        long[] text = r.bySource[Source.TEXT.ordinal()];
        for (TextScan o : other) {
            if (o != null) {
                long[] found = new long[s];
                fill(o.readLabels(ctx), found);
                for (int k = 0; k < s; k++) {
                    text[k] = text[k] == VariantCode.UNKNOWN ? found[k] : text[k];
                }
            }
        }
        for (Source src : new Source[] {Source.ATTRIBUTE, Source.TITLE, Source.DESCRIPTION, Source.TEXT}) {
            long[] codes = r.bySource[src.ordinal()];
            if (!numberFixes.isEmpty()) {
                for (int k = 0; k < s; k++) {
                    if (VariantCode.isNumber(codes[k])) {
                        codes[k] = numberFixes.getOrDefault(numberKey(k, codes[k]), codes[k]);
                    }
                }
            }
            for (int k = 0; k < s; k++) {
                if (r.code[k] == VariantCode.UNKNOWN && codes[k] != VariantCode.UNKNOWN) {
                    r.code[k] = codes[k];
                    r.source[k] = src;
                }
            }
        }
        return r;
    }

    private void fill(TextScan scan, long[] into) {
        if (scan.mentions.isEmpty()) {
            return;
        }
        boolean[] seen = new boolean[into.length];
        for (Mention m : scan.mentions) {
            seen[m.section()] = true;
        }
        for (int k = 0; k < into.length; k++) {
            if (seen[k]) {
                into[k] = scan.value(k, k == numbers.capacity);
            }
        }
    }

    private TextScan scan(Table table, int row, int attribute, Map<Long, String> names) {
        String raw = attribute < 0 ? null : table.value(row, attribute);
        return raw == null || raw.isBlank() ? null
                : new TextScan(vocabulary, numbers, names, Analyzers.TEXT.prepare(raw));
    }

    /** The context bits the words of a raw value give. */
    private long context(String raw) {
        if (raw == null || contextWords.isEmpty()) {
            return 0;
        }
        long bits = 0;
        for (String w : Analyzers.TEXT.tokens(raw)) {
            Long b = contextWords.get(w);
            if (b != null) {
                bits |= b;
            }
        }
        return bits;
    }

    /**
     * A named attribute's value: {section, code}, or null when empty. The sections of the route are tried in order
     * (exact spelling, one typo, a number read whole), then vocabulary words inside the value; a value none of them
     * knows is a word of its own in the route's first words section. Cached per distinct value: attribute columns
     * repeat few values many times.
     */
    private long[] attribute(int[] route, String raw, long ctx, Map<Long, String> names) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        boolean shoes = numbers.shoe >= 0 && (ctx >>> numbers.shoe & 1) != 0;
        String key = Arrays.toString(route) + (shoes ? "|s|" : "|-|") + raw;
        Found hit = cache.getIfPresent(key);
        if (hit == null) {
            Map<Long, String> own = new HashMap<>(2);
            long[] f = attributeUncached(route, raw, shoes, own);
            hit = f == null ? new Found(-1, VariantCode.UNKNOWN, null) : new Found((int) f[0], f[1], own.get(f[1]));
            cache.put(key, hit);
        }
        if (hit.code == VariantCode.UNKNOWN) {
            return null;
        }
        if (hit.name != null) {
            names.putIfAbsent(hit.code, hit.name);
        }
        return new long[] {hit.section, hit.code};
    }

    /** A cached attribute value: its section and code, and the name of a code the vocabulary cannot name. */
    private record Found(int section, long code, String name) {
    }

    private long[] attributeUncached(int[] route, String raw, boolean shoes, Map<Long, String> names) {
        String phrase = withoutLabel(Vocabulary.phrase(raw));
        if (phrase.isEmpty()) {
            return null;
        }
        int named = 0;
        while (named < route.length && route[named] >= 0) {
            named++;
        }
        for (int k = 0; k < named; k++) {
            int s = route[k];
            if (!numbers.isNumber(s)) {
                Vocabulary.Form f = vocabulary.form(s, phrase);
                if (f != null) {
                    return new long[] {s, vocabulary.code(s, f)};
                }
            }
        }
        boolean digitsOnly = phrase.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ',');
        for (int k = 0; k < route.length; k++) {
            int s = route[k];
            if (s < 0) {
                continue;
            }
            if (numbers.isNumber(s)) {
                if (s == numbers.shoe && !shoes && named > 1 && !phrase.matches("(us|eur?|uk|mens|womens).*")) {
                    continue;                                  // "42" in a size column of shirts is no shoe size
                }
                if (k > named && digitsOnly) {
                    continue;                                  // a bare number is a pack count only in a pack column
                }
                long c = numbers.whole(s, phrase);
                if (c != VariantCode.UNKNOWN) {
                    return new long[] {s, c};
                }
            } else if (k < named) {
                Vocabulary.Form f = vocabulary.typo(s, phrase);
                if (f != null) {
                    return new long[] {s, vocabulary.code(s, f)};
                }
            }
        }
        int firstWords = -1;
        for (int k = 0; k < named; k++) {
            int s = route[k];
            if (!numbers.isNumber(s)) {
                firstWords = firstWords < 0 ? s : firstWords;
                long c = insideWords(s, phrase, names);
                if (c != VariantCode.UNKNOWN) {
                    return new long[] {s, c};
                }
            }
        }
        if (firstWords < 0 || !phrase.chars().anyMatch(Character::isLetterOrDigit)) {
            return null;
        }
        return new long[] {firstWords, unknownWord(phrase, names)};
    }

    /** A value that repeats its label ({@code Size: XL} in a size column) without it. */
    private String withoutLabel(String phrase) {
        for (int words = 2; words >= 1; words--) {
            int cut = -1;
            for (int k = 0, seen = 0; k < phrase.length(); k++) {
                if (phrase.charAt(k) == ' ' && ++seen == words) {
                    cut = k;
                    break;
                }
            }
            if (cut > 0 && vocabulary.label(phrase.substring(0, cut)) != null) {
                return phrase.substring(cut + 1);
            }
        }
        return phrase;
    }

    /** Vocabulary words inside a value ({@code Navy Heather Tri-blend -> navy}), slot-only spellings included. */
    private long insideWords(int section, String phrase, Map<Long, String> names) {
        String[] w = phrase.split(" ");
        List<Mention> ms = new ArrayList<>();
        int maxP = vocabulary.maxPhraseTokens();
        for (int i = 0; i < w.length; i++) {
            for (int len = Math.min(maxP, w.length - i); len >= 1; len--) {
                Vocabulary.Form f = vocabulary.form(section, String.join(" ", Arrays.copyOfRange(w, i, i + len)));
                if (f == null && len == 1) {
                    f = vocabulary.typo(section, w[i]);
                }
                if (f != null) {
                    ms.add(new Mention(section, vocabulary.code(section, f), i, i + len, Mention.SLOT));
                    i += len - 1;
                    break;
                }
            }
        }
        return ms.isEmpty() ? VariantCode.UNKNOWN : combine(vocabulary, section, ms, names);
    }

    // ---- codes of unknown words and combinations --------------------------------------------------------------

    /** A word the vocabulary does not know, as stated in an attribute or after a label: a code of its own. */
    static long unknownWord(String phrase, Map<Long, String> names) {
        int family = VariantCode.HASHED | (int) (hash64(phrase) & (VariantCode.COMPOSITE - 1));
        long code = VariantCode.words(family, 0, false);
        names.putIfAbsent(code, phrase);
        return code;
    }

    /**
     * One code for several mentions of a words section: one family -> its most specific shade; two or three families
     * -> their combination ({@code black/white}); more -> a list of options, unknown.
     */
    static long combine(Vocabulary v, int section, List<Mention> ms, Map<Long, String> names) {
        long[] families = new long[ms.size()];
        int k = 0;
        long chosen = VariantCode.UNKNOWN;
        for (Mention m : ms) {
            long f = VariantCode.familyCode(m.code()) & ~VariantCode.SPLIT;
            boolean seen = false;
            for (int i = 0; i < k; i++) {
                seen |= families[i] == f;
            }
            if (!seen) {
                families[k++] = f;
            }
            if (chosen == VariantCode.UNKNOWN || VariantCode.value(m.code()) != 0) {
                chosen = m.code();
            }
        }
        if (k == 1) {
            return chosen;
        }
        if (k > 3) {
            return VariantCode.UNKNOWN;
        }
        long[] sorted = Arrays.copyOf(families, k);
        Arrays.sort(sorted);
        long h = 0x9E3779B97F4A7C15L;
        StringBuilder name = new StringBuilder();
        for (long f : sorted) {
            h = (h ^ f) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
            if (name.length() > 0) {
                name.append('/');
            }
            int fam = VariantCode.family(f);
            String part = fam < VariantCode.HASHED ? v.familyName(section, fam) : names.get(f);
            name.append(part == null ? "?" : part);
        }
        int family = VariantCode.HASHED | VariantCode.COMPOSITE | (int) (h & (VariantCode.COMPOSITE - 1));
        long code = VariantCode.words(family, 0, false);
        names.putIfAbsent(code, name.toString());
        return code;
    }

    static boolean isComposite(long code) {
        int f = VariantCode.family(code);
        return !VariantCode.isNumber(code) && f >= VariantCode.HASHED && (f & VariantCode.COMPOSITE) != 0;
    }

    static long hash64(String s) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        return h ^ (h >>> 33);
    }

    String numberLabel(int section, long code) {
        return numbers.label(section, code);
    }

    // ---- which attribute plays which role ---------------------------------------------------------------------

    /** The attributes of a table by role. */
    static final class Layout {
        final int title;
        final int description;
        final int[] other;
        final int[] variant;
        final int[][] routes;
        private final String text;

        Layout(int title, int description, int[] other, int[] variant, int[][] routes, String text) {
            this.title = title;
            this.description = description;
            this.other = other;
            this.variant = variant;
            this.routes = routes;
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    Layout layout(Table table) {
        List<Attribute> attrs = table.schema().attributes();
        List<Integer> variantCols = new ArrayList<>();
        List<int[]> routes = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, List<Dimension>> e : attributes.entrySet()) {
            int c = table.schema().indexOf(e.getKey());
            if (c < 0) {
                throw new IllegalArgumentException("no attribute " + e.getKey() + " in " + table.name()
                        + "; attributes: " + table.schema().names());
            }
            variantCols.add(c);
            routes.add(route(e.getValue().stream().mapToInt(vocabulary::indexOf).toArray()));
        }
        if (inferAttributes) {
            for (int c = 0; c < attrs.size(); c++) {
                if (variantCols.contains(c) || attrs.get(c).name().equals(title)
                        || attrs.get(c).name().equals(description)) {
                    continue;
                }
                String p = Vocabulary.phrase(attrs.get(c).name().replace('_', ' '));
                int[] secs = vocabulary.label(p);
                int own = vocabulary.indexOf(Dimension.of(p.replace(' ', '_')));
                if (secs == null && own >= 0) {
                    secs = new int[] {own};
                }
                if (secs == null) {
                    secs = heldDimensions(table, c);
                }
                if (secs != null) {
                    variantCols.add(c);
                    routes.add(route(secs));
                }
            }
        }
        int titleCol = title != null ? table.schema().require(title) : -1;
        int descCol = description != null ? table.schema().require(description) : -1;
        for (int c = 0; c < attrs.size() && (titleCol < 0 || descCol < 0); c++) {
            if (variantCols.contains(c)) {
                continue;
            }
            String p = Vocabulary.phrase(attrs.get(c).name().replace('_', ' '));
            if (titleCol < 0 && title == null && TITLE_NAMES.contains(p)) {
                titleCol = c;
            } else if (descCol < 0 && description == null && DESCRIPTION_NAMES.contains(p)) {
                descCol = c;
            }
        }
        if (titleCol < 0 || descCol < 0) {
            // names said nothing about a role: the text columns left tell it by their values
            Map<Integer, TextShape> free = new LinkedHashMap<>();
            for (int c = 0; c < attrs.size(); c++) {
                AttributeKind k = attrs.get(c).kind();
                if (!variantCols.contains(c) && c != titleCol && c != descCol
                        && (k == AttributeKind.STRING || k == AttributeKind.TEXT)) {
                    free.put(c, TextShape.of(table, c));
                }
            }
            titleCol = titleCol >= 0 ? titleCol : namingColumn(free);
            TextShape titleShape = titleCol < 0 ? null
                    : free.containsKey(titleCol) ? free.remove(titleCol) : TextShape.of(table, titleCol);
            descCol = descCol >= 0 ? descCol : proseColumn(free, titleShape);
        }
        List<Integer> other = new ArrayList<>();
        for (int c = 0; c < attrs.size(); c++) {
            AttributeKind k = attrs.get(c).kind();
            if (c != titleCol && c != descCol && !variantCols.contains(c) && (k == AttributeKind.STRING
                    || k == AttributeKind.TEXT || k == AttributeKind.CATEGORICAL)) {
                other.add(c);
            }
        }
        text.append("title=").append(titleCol < 0 ? "-" : attrs.get(titleCol).name());
        text.append(", description=").append(descCol < 0 ? "-" : attrs.get(descCol).name());
        for (int k = 0; k < variantCols.size(); k++) {
            text.append(", ").append(attrs.get(variantCols.get(k)).name()).append("->");
            int[] r = routes.get(k);
            List<String> ds = new ArrayList<>();
            for (int s : r) {
                if (s < 0) {
                    break;
                }
                ds.add(vocabulary.dimension(s).name());
            }
            text.append(String.join("|", ds));
        }
        return new Layout(titleCol, descCol, other.stream().mapToInt(Integer::intValue).toArray(),
                variantCols.stream().mapToInt(Integer::intValue).toArray(), routes.toArray(new int[0][]),
                text.toString());
    }

    /** How many rows, spread over the table, the choices by values read. */
    private static final int SAMPLE_ROWS = 1000;
    /** How many different values, against the most varied column's, a column may have and still be the title. */
    private static final double NEARLY_AS_VARIED = 0.9;
    /** How many times the title's words, and how many at least, a description's values hold on average. */
    private static final double PROSE_LENGTH = 1.5;
    private static final int PROSE_WORDS = 8;
    /**
     * One sentence ending and another beginning: a word (not an initial, as in {@code J. Smith}), a full stop, ! or ?,
     * a blank and a capital. A title that ends with a full stop has none.
     */
    private static final Pattern NEXT_SENTENCE = Pattern.compile("\\p{L}{2}[.!?]\\s+\\p{Lu}");

    /** The stated (non-blank) values of column {@code c} in about {@value #SAMPLE_ROWS} rows spread over the table. */
    private static List<String> sample(Table table, int c) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < table.size(); r += Math.max(1, table.size() / SAMPLE_ROWS)) {
            String v = table.value(r, c);
            if (v != null && !v.isBlank()) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * What a text column's sampled values look like: how many differ, how many words the stated ones hold on average,
     * which share of them are written as several words (titles and prose; not links, codes or single names), which
     * share holds more than one sentence, and whether they are paragraph-long ({@link AttributeKind#TEXT}).
     */
    private record TextShape(int distinct, double words, double spaced, double sentences, boolean paragraphs) {
        static TextShape of(Table table, int c) {
            boolean paragraphs = table.schema().get(c).kind() == AttributeKind.TEXT;
            List<String> values = sample(table, c);
            int stated = values.size();
            Set<String> different = new HashSet<>();
            long words = 0;
            int spaced = 0;
            int sentences = 0;
            for (String v : values) {
                String s = v.strip();
                different.add(s);
                words += SchemaInference.tokenCount(s);
                spaced += s.indexOf(' ') > 0 ? 1 : 0;
                sentences += NEXT_SENTENCE.matcher(s).find() ? 1 : 0;
            }
            return stated == 0 ? new TextShape(0, 0, 0, 0, paragraphs) : new TextShape(different.size(),
                    words / (double) stated, spaced / (double) stated, sentences / (double) stated, paragraphs);
        }

        /** Mostly several words. */
        boolean wordy() {
            return spaced >= 0.5;
        }

        /** Running text: paragraph-long, or mostly several sentences in words. */
        boolean running() {
            return paragraphs || wordy() && sentences >= 0.5;
        }
    }

    /**
     * The title when no name says which it is: the text column that names the records, one of the most varied (of
     * those written as several words, when some column is); of those nearly as varied, not running text when one is
     * not, for a description is as varied as its title; then the most varied, the first of equals. -1 when no column
     * states anything.
     */
    private static int namingColumn(Map<Integer, TextShape> free) {
        boolean anyWordy = free.values().stream().anyMatch(TextShape::wordy);
        Map<Integer, TextShape> candidates = new LinkedHashMap<>(free);
        candidates.values().removeIf(s -> s.distinct == 0 || anyWordy && !s.wordy());
        int most = candidates.values().stream().mapToInt(TextShape::distinct).max().orElse(0);
        candidates.values().removeIf(s -> s.distinct < NEARLY_AS_VARIED * most);
        if (candidates.values().stream().anyMatch(s -> !s.running())) {
            candidates.values().removeIf(TextShape::running);
        }
        int best = -1;
        for (Map.Entry<Integer, TextShape> e : candidates.entrySet()) {
            if (best < 0 || e.getValue().distinct > candidates.get(best).distinct) {
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * The description when no name says which it is: of the text columns besides the title, the one of most words,
     * when its values are running text written in words (mostly several sentences, or paragraph-long:
     * {@link AttributeKind#TEXT}), {@value #PROSE_LENGTH} times as long as the title's and at least
     * {@value #PROSE_WORDS} words on average; else -1. A long name, address or copyright line is no description.
     */
    private static int proseColumn(Map<Integer, TextShape> free, TextShape title) {
        double floor = Math.max(PROSE_WORDS, title == null ? 0 : PROSE_LENGTH * title.words);
        int best = -1;
        for (Map.Entry<Integer, TextShape> e : free.entrySet()) {
            TextShape s = e.getValue();
            if (s.wordy() && s.running() && s.words >= floor && (best < 0 || s.words > free.get(best).words)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * The dimensions a column under a name that says nothing holds, read from its values ({@code Navy}, {@code Heather
     * Grey}, {@code XL}, {@code EU 44}, {@code 64 GB} under {@code attr_7}), most common first, or null: at least 80%
     * of the stated values of a sample of up to 1,000 rows are whole spellings of a words dimension or numbers with a
     * unit or scale (a bare number may be a price), at least 20 of them and three different ones; a dimension that
     * reads fewer than a tenth of them is left out. A title or a brand column does not qualify.
     */
    private int[] heldDimensions(Table table, int c) {
        AttributeKind kind = table.schema().attributes().get(c).kind();
        if (kind != AttributeKind.STRING && kind != AttributeKind.CATEGORICAL) {
            return null;
        }
        int[] read = new int[vocabulary.sectionCount()];
        List<String> values = sample(table, c);
        int stated = values.size();
        int known = 0;
        Set<String> different = new HashSet<>();
        for (String v : values) {
            String p = withoutLabel(Vocabulary.phrase(v));
            boolean digitsOnly = p.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.' || ch == ',');
            boolean any = false;
            for (int sec = 0; sec < read.length && !p.isEmpty(); sec++) {
                boolean reads = numbers.isNumber(sec) ? !digitsOnly && numbers.whole(sec, p) != VariantCode.UNKNOWN
                        : vocabulary.form(sec, p) != null;
                if (reads) {
                    read[sec]++;
                    any = true;
                }
            }
            if (any) {
                known++;
                if (different.size() < 3) {
                    different.add(p);
                }
            }
        }
        if (stated < 20 || known < 0.8 * stated || different.size() < 3) {
            return null;
        }
        int minimum = Math.max(1, known / 10);
        return IntStream.range(0, read.length).filter(sec -> read[sec] >= minimum).boxed()
                .sorted((a, b) -> read[b] != read[a] ? Integer.compare(read[b], read[a]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * The named sections, -1, then the other number sections as a fallback: a size column may hold "64GB" or
     * "Pack of 6", read with their units only.
     */
    private int[] route(int[] named) {
        List<Integer> r = new ArrayList<>();
        for (int s : named) {
            if (s >= 0 && !r.contains(s)) {
                r.add(s);
            }
        }
        r.add(-1);
        for (int s : new int[] {numbers.capacity, numbers.amount, numbers.pack}) {
            if (s >= 0 && !r.contains(s)) {
                r.add(s);
            }
        }
        return r.stream().mapToInt(Integer::intValue).toArray();
    }

    // ---- learning ---------------------------------------------------------------------------------------------

    /**
     * Learns synonyms from the records alone and returns the extractor with them (see {@link #learned()}): values
     * that one listing states in two places (the {@code color} column says {@code Dune}, the title {@code Beige}) in
     * at least {@code minSupport} listings, and in most listings where either is stated twice, become one value (the
     * rarer a shade of the commoner; an unknown word always a shade of the known value); and typos: a value one edit
     * from a value that many times as many listings state ({@code Hrey} beside many {@code Grey}, {@code 522 GB}
     * beside many {@code 512 GB}; ten times for a value of one or two listings, else 25 times) is that value.
     *
     * <p>Listings that are identical apart from their variant words are <em>not</em> used: one item listed by two
     * shops with the same title template and a shop's two colours of one product look the same, so they would prove
     * synonyms and differences alike. Which shades differ is learned from labels ({@link #learn(Table, Table,
     * LabelledPairs)}).
     */
    public VariantExtractor learn(Table table) {
        return VariantLearner.fromRecords(this, table);
    }

    /**
     * Learns from labelled pairs (same table twice for deduplication): two values of different families that at
     * least {@code minSupport} matching pairs show as one item, more often than non-matching pairs equal in every other
     * dimension show them apart, become one value; two shades of one family that non-matching pairs, equal in every
     * other dimension, show apart at least {@code minSupport} times and more often than matching pairs show them
     * together make the family's shades differ ({@link Vocabulary#withSplit}).
     */
    public VariantExtractor learn(Table left, Table right, LabelledPairs labels) {
        return VariantLearner.fromLabels(this, left, right, labels);
    }

    /**
     * The synonyms labelled pairs show, as {@link #learn(Table, Table, LabelledPairs)} would apply them: per
     * dimension, entries {@code word=value} ({@code colour -> [ember=red]}), each usable with
     * {@link Vocabulary#withSynonym}. What a trained model keeps of its labels (the records' own evidence is learned
     * again on every table).
     *
     * <pre>{@code
     * x.synonyms(products, products, labels);     // {colour=[ember=red, petal=pink]}
     * }</pre>
     */
    public Map<Dimension, List<String>> synonyms(Table left, Table right, LabelledPairs labels) {
        List<String[]> found = new ArrayList<>();
        VariantLearner.fromLabels(this, left, right, labels, found);
        Map<Dimension, List<String>> out = new LinkedHashMap<>();
        for (String[] f : found) {
            out.computeIfAbsent(Dimension.of(f[0]), k -> new ArrayList<>()).add(f[1] + "=" + f[2]);
        }
        return out;
    }

    int minSupport() {
        return minSupport;
    }

    VariantExtractor with(Vocabulary v, List<String> notes) {
        return with(v, notes, Map.of());
    }

    /** With more learned notes, a vocabulary and number corrections ({@link #numberKey} -> the right code). */
    VariantExtractor with(Vocabulary v, List<String> notes, Map<Long, Long> fixes) {
        List<String> all = new ArrayList<>(learned);
        all.addAll(notes);
        Map<Long, Long> f = new HashMap<>(numberFixes);
        f.putAll(fixes);
        return new VariantExtractor(toBuilder(), v, all, f);
    }

    /** The key of a number code of a section in the learned corrections. */
    static long numberKey(int section, long code) {
        return code ^ ((long) section << 40);
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        b.vocabulary = vocabulary;
        b.dimensions = dimensions;
        attributes.forEach((k, v) -> b.attributes.put(k, new ArrayList<>(v)));
        b.title = title;
        b.description = description;
        b.inferAttributes = inferAttributes;
        b.parallelism = parallelism;
        b.cacheSize = cacheSize;
        b.minSupport = minSupport;
        return b;
    }

    @Override
    public String toString() {
        return "VariantExtractor[" + dimensions + ", attributes " + (attributes.isEmpty() ? "" : attributes + " ")
                + (inferAttributes ? "(inferred from names and values)" : "(named only)")
                + (title != null ? ", title " + title : "") + (description != null ? ", description " + description : "")
                + ", " + vocabulary.size() + " spellings" + (learned.isEmpty() ? "" : ", learned " + learned.size())
                + "]";
    }

    /** Options; every one has a default. */
    public static final class Builder {
        private Vocabulary vocabulary = Vocabulary.builtIn();
        private List<Dimension> dimensions;
        private final Map<String, List<Dimension>> attributes = new LinkedHashMap<>();
        private String title;
        private String description;
        private boolean inferAttributes = true;
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private int cacheSize = 100_000;
        private int minSupport = 3;

        private Builder() {
        }

        public Builder vocabulary(Vocabulary v) {
            vocabulary = java.util.Objects.requireNonNull(v);
            return this;
        }

        /**
         * An attribute that holds values of these dimensions, tried in order ({@code "size", APPAREL_SIZE,
         * SHOE_SIZE}); with no dimension, the ones whose labels name it. Its value wins over text.
         */
        public Builder attribute(String attribute, Dimension... holds) {
            List<Dimension> ds = new ArrayList<>(Arrays.asList(holds));
            if (ds.isEmpty()) {
                int[] secs = vocabulary.label(Vocabulary.phrase(attribute.replace('_', ' ')));
                if (secs == null) {
                    // a dimension of the user's own (edition, flavour): its values equal only themselves
                    Dimension d = Dimension.of(Vocabulary.phrase(attribute.replace('_', ' ')).replace(' ', '_')
                            .replaceAll("[^\\p{L}\\p{N}_]", ""));
                    if (vocabulary.indexOf(d) < 0) {
                        vocabulary = vocabulary.withLabels(d, attribute);
                    }
                    ds.add(d);
                } else {
                    for (int s : secs) {
                        ds.add(vocabulary.dimension(s));
                    }
                }
            }
            attributes.put(attribute, ds);
            return this;
        }

        /** The title attribute (default: inferred). */
        public Builder title(String attribute) {
            title = attribute;
            return this;
        }

        /** The description attribute (default: inferred; only {@code Colour: X}-style labels are read there). */
        public Builder description(String attribute) {
            description = attribute;
            return this;
        }

        /** Only these dimensions (default: every dimension of the vocabulary). */
        public Builder dimensions(Dimension... ds) {
            dimensions = List.of(ds);
            return this;
        }

        /**
         * Whether attributes named like a dimension's label ({@code color}, {@code size}), or whose values nearly all
         * are variant values ({@code Navy}, {@code XL}, {@code EU 44} under {@code attr_7}), are used (default on).
         */
        public Builder inferAttributes(boolean on) {
            inferAttributes = on;
            return this;
        }

        /**
         * {@code 1}: {@link VariantExtractor#extract} runs in the calling thread; more (the default): in the caller's
         * fork/join pool, like every parallel step of the library (no pool of its own).
         */
        public Builder parallelism(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("parallelism must be >= 1: " + threads);
            }
            parallelism = threads;
            return this;
        }

        /** Distinct attribute values whose canonical code is kept (default 100,000). */
        public Builder cacheSize(int entries) {
            cacheSize = Math.max(0, entries);
            return this;
        }

        /** Evidence needed before {@link VariantExtractor#learn} accepts a synonym or a split (default 3). */
        public Builder minSupport(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("minSupport must be >= 1: " + n);
            }
            minSupport = n;
            return this;
        }

        public VariantExtractor build() {
            for (String a : attributes.keySet()) {
                for (Dimension d : attributes.get(a)) {
                    if (vocabulary.indexOf(d) < 0) {
                        throw new IllegalArgumentException("attribute " + a + ": the vocabulary has no " + d);
                    }
                }
            }
            return new VariantExtractor(this, vocabulary, List.of(), Map.of());
        }
    }
}
