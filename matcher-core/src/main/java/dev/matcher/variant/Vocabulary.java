package dev.matcher.variant;


import dev.matcher.text.Analyzers;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words that name variant values, with their canonical value: per {@link Dimension}, families
 * ({@code grey}), finer shades inside a family ({@code heather grey}) and every spelling of each ({@code gray},
 * {@code gry}, {@code Heather Gray}, {@code htr grey}); the words that introduce a value ({@code Colour:},
 * {@code Size:}); and context words that must appear in a record before free words of a dimension count (a
 * {@code queen} is a bed size only where the record talks about sheets or duvets). Immutable and thread-safe.
 *
 * <p>The built-in vocabulary ({@link #builtIn()}, the resource {@code dev/matcher/variant/vocabulary.txt}, 441
 * spellings) holds 23 colour families with 68 shades in 327 spellings: the common shop abbreviations ({@code Blk},
 * {@code Wht}, {@code Nvy}, {@code Gry}), shade families ({@code Heather Grey}, {@code Charcoal Grey} are grey) and
 * colour words of nine languages; the apparel size ladder XXS..5XL, one size, petite (68 spellings:
 * {@code 2XL}/{@code XX-Large}/{@code XXL}, {@code Sm}/{@code Small}/{@code S}); 8 bedding sizes in 46 spellings
 * ({@code Twin}={@code Single}, {@code Full}={@code Double}, {@code Queen}/{@code Qn}, {@code King}/{@code K});
 * label and context words for every dimension. Numbers (capacity, pack count, amount, shoe size) are read by
 * pattern ({@link VariantExtractor}), so their sections hold only labels and context words.
 *
 * <p>Extend it in code or with text in the same format as the resource:
 * <pre>{@code
 * Vocabulary v = Vocabulary.builtIn()
 *     .withShade(Dimension.COLOUR, "blue", "petrol", "petrol blue", "~ptrl")   // ~ = only in a slot or attribute
 *     .withValue(Dimension.of("flavour"), "salted caramel", "salt caramel", "caramel")
 *     .with("""
 *           [flavour]
 *           @label flavour, flavor, taste
 *           vanilla: vanille, ~van
 *           """);
 * v.code(Dimension.COLOUR, "Heather Gray") == v.code(Dimension.COLOUR, "htr grey");   // true: same shade
 * VariantCode.compare(v.code(Dimension.COLOUR, "Gray"), v.code(Dimension.COLOUR, "Charcoal"));   // EQUAL: one family
 * }</pre>
 *
 * <p>Format, one statement a line ({@code #} starts a comment): {@code [dimension]} opens a section;
 * {@code family: spelling, ...} adds a value and its spellings (the name is one of them);
 * {@code family > shade: spelling, ...} a shade; a spelling that starts with {@code ~} is <em>slot-only</em>: it
 * counts in a named attribute, after a label and in a title slot ({@code - Navy / XL}, {@code , Gray, XXL},
 * {@code (Heather Grey)}) but never as a word of running text (so {@code Rose}, {@code Sand}, {@code S} and
 * {@code LG} are safe); one that starts with {@code ~~} is slot-only and a typo learned from the data: it is read
 * as written but never the target of another typo (so a learned {@code gred} of {@code grey} does not make
 * {@code gree}, one slip from {@code green}, ambiguous); {@code @label}, {@code @context} and {@code @split family}
 * (the family's shades differ, normally learned by {@link VariantExtractor#learn}) take comma-separated words; {@code @tail} lets slot-only
 * spellings stand last in a title when the context is there ({@code ... crew-neck t-shirt red M}). Spellings are
 * normalised like all text (case, accents, punctuation): {@code X-Large} and {@code x large} are one spelling.
 */
public final class Vocabulary implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final String RESOURCE = "vocabulary.txt";
    private static final Vocabulary BUILT_IN = loadBuiltIn();

    /** The canonical source of everything below: what {@link #toText()} writes. */
    private final String text;
    private final transient Section[] sections;
    private final transient Map<Dimension, Integer> index;
    /** Phrase of any words section -> its forms, for scanning running text. */
    private final transient Map<String, Hit[]> phrases;
    private final transient int maxPhraseTokens;
    /** Label phrase -> the sections it introduces. */
    private final transient Map<String, int[]> labels;
    private final transient int maxLabelTokens;

    /** One spelling's meaning: family and shade ids (shade 0 = the family itself), and whether only slots count it. */
    record Form(int family, int shade, boolean slotOnly) {
    }

    /** A form of a phrase in one section. */
    record Hit(int section, Form form) {
    }

    private Vocabulary(List<Draft> drafts) {
        this.text = toText(drafts);
        this.sections = new Section[drafts.size()];
        Map<Dimension, Integer> idx = new LinkedHashMap<>();
        for (int i = 0; i < sections.length; i++) {
            sections[i] = new Section(drafts.get(i));
            idx.put(drafts.get(i).dimension, i);
        }
        this.index = Collections.unmodifiableMap(idx);
        Map<String, List<Hit>> p = new HashMap<>();
        Map<String, List<Integer>> l = new HashMap<>();
        int maxP = 1;
        int maxL = 1;
        for (int s = 0; s < sections.length; s++) {
            for (Map.Entry<String, Form> e : sections[s].forms.entrySet()) {
                p.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new Hit(s, e.getValue()));
                maxP = Math.max(maxP, tokens(e.getKey()));
            }
            for (String w : sections[s].labels) {
                l.computeIfAbsent(w, k -> new ArrayList<>()).add(s);
                maxL = Math.max(maxL, tokens(w));
            }
        }
        Map<String, Hit[]> pf = new HashMap<>();
        p.forEach((k, v) -> pf.put(k, v.toArray(new Hit[0])));
        Map<String, int[]> lf = new HashMap<>();
        l.forEach((k, v) -> lf.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        this.phrases = pf;
        this.maxPhraseTokens = maxP;
        this.labels = lf;
        this.maxLabelTokens = maxL;
    }

    /** The built-in vocabulary (see the class comment); every built-in dimension has a section. */
    public static Vocabulary builtIn() {
        return BUILT_IN;
    }

    /** A vocabulary with the built-in dimensions and no words: numbers are still read by pattern. */
    public static Vocabulary empty() {
        return parse(String.join("\n", Dimension.BUILT_IN.stream().map(d -> "[" + d.name() + "]").toList()));
    }

    /** A vocabulary from text in the format of the class comment. */
    public static Vocabulary parse(String text) {
        return new Vocabulary(Parser.parse(text, new ArrayList<>()));
    }

    /** A vocabulary from a UTF-8 file in the format of the class comment. */
    public static Vocabulary read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vocabulary " + file, e);
        }
    }

    /** This vocabulary with more statements in the format of the class comment (sections merge by name). */
    public Vocabulary with(String moreText) {
        return new Vocabulary(Parser.parse(moreText, drafts()));
    }

    /** Adds a value (a family) and its spellings; an existing value gets the spellings. */
    public Vocabulary withValue(Dimension d, String value, String... spellings) {
        requireWords(d);
        List<Draft> ds = drafts();
        draft(ds, d).add(value, null, spellings);
        return new Vocabulary(ds);
    }

    /** Adds a shade of a family (created if new) and its spellings: equal to the family, finer when asked. */
    public Vocabulary withShade(Dimension d, String family, String shade, String... spellings) {
        requireWords(d);
        List<Draft> ds = drafts();
        draft(ds, d).add(family, shade, spellings);
        return new Vocabulary(ds);
    }

    /** Words that introduce a value of the dimension ({@code "flavour"} in {@code Flavour: Vanilla}). */
    public Vocabulary withLabels(Dimension d, String... words) {
        List<Draft> ds = drafts();
        Draft dr = draft(ds, d);
        for (String w : words) {
            dr.labels.add(phrase(w));
        }
        return new Vocabulary(ds);
    }

    /** Words of which one must appear in a record before free words of the dimension count. */
    public Vocabulary withContext(Dimension d, String... words) {
        List<Draft> ds = drafts();
        Draft dr = draft(ds, d);
        for (String w : words) {
            dr.context.addAll(Arrays.asList(Analyzers.TEXT.tokens(w)));
        }
        return new Vocabulary(ds);
    }

    /** Shades of the family count as different values (a catalogue that sells charcoal and heather grey apart). */
    public Vocabulary withSplit(Dimension d, String family) {
        requireWords(d);
        List<Draft> ds = drafts();
        Draft dr = draft(ds, d);
        String f = phrase(family);
        if (!dr.values.containsKey(new Key(f, null))) {
            throw new IllegalArgumentException("no family '" + family + "' in " + d);
        }
        dr.splits.add(f);
        return new Vocabulary(ds);
    }

    /**
     * {@code word} means the value {@code value} of the dimension (a family: {@code "ember", "red"}); a family the
     * vocabulary knows joins {@code value} with its shades. What a learned synonym does, stated by hand.
     *
     * <pre>{@code
     * Vocabulary v = Vocabulary.builtIn().withSynonym(Dimension.COLOUR, "Ember", "red");
     * v.code(Dimension.COLOUR, "ember") == v.code(Dimension.COLOUR, "red")    // same family: compares EQUAL
     * }</pre>
     *
     * @throws IllegalArgumentException when {@code value} is no family of {@code d}
     */
    public Vocabulary withSynonym(Dimension d, String word, String value) {
        requireWords(d);
        if (!families(d).contains(phrase(value))) {
            throw new IllegalArgumentException("synonym " + word + "=" + value + ": '" + value + "' is no value of "
                    + d + "; values: " + families(d));
        }
        return withMerged(d, word, value);
    }

    /**
     * The unknown word {@code typo} becomes a spelling of the family {@code into} itself (not a shade: a typo of
     * {@code grey} is grey, whatever the family's shades), slot-only and never a target of further typos.
     */
    Vocabulary withTypo(Dimension d, String typo, String into) {
        requireWords(d);
        List<Draft> ds = drafts();
        draft(ds, d).add(phrase(into), null, "~~" + phrase(typo));
        return new Vocabulary(ds);
    }

    /**
     * The family {@code from} (with its shades) or, when the vocabulary does not know it, the word {@code from}
     * becomes a shade of {@code into}: what a learned synonym does. Slot-only, so a learned word never counts in
     * running text.
     */
    Vocabulary withMerged(Dimension d, String from, String into) {
        requireWords(d);
        List<Draft> ds = drafts();
        Draft dr = draft(ds, d);
        String f = phrase(from);
        String i = phrase(into);
        if (f.equals(i)) {
            return this;
        }
        if (!dr.values.containsKey(new Key(f, null))) {
            dr.add(i, f, "~" + f);
            return new Vocabulary(ds);
        }
        LinkedHashMap<Key, LinkedHashSet<String>> moved = new LinkedHashMap<>();
        for (Map.Entry<Key, LinkedHashSet<String>> e : dr.values.entrySet()) {
            Key k = e.getKey();
            if (k.family.equals(f)) {
                Key nk = new Key(i, k.shade == null ? f : k.shade);
                moved.computeIfAbsent(nk, x -> new LinkedHashSet<>()).addAll(e.getValue());
            } else {
                moved.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(e.getValue());
            }
        }
        moved.putIfAbsent(new Key(i, null), new LinkedHashSet<>(List.of(i)));
        dr.values.clear();
        dr.values.putAll(moved);
        dr.splits.remove(f);
        return new Vocabulary(ds);
    }

    /** The dimensions, built-in first. */
    public List<Dimension> dimensions() {
        return List.copyOf(index.keySet());
    }

    /** How many spellings in all (each counted once per dimension). */
    public int size() {
        int n = 0;
        for (Section s : sections) {
            n += s.forms.size();
        }
        return n;
    }

    /** How many spellings a dimension has. */
    public int size(Dimension d) {
        Integer i = index.get(d);
        return i == null ? 0 : sections[i].forms.size();
    }

    /** The families of a words dimension, in order. */
    public List<String> families(Dimension d) {
        Integer i = index.get(d);
        return i == null ? List.of() : sections[i].families;
    }

    /** The shades of a family ({@code grey -> [heather grey, charcoal, ...]}). */
    public List<String> shades(Dimension d, String family) {
        Integer i = index.get(d);
        if (i == null) {
            return List.of();
        }
        Section s = sections[i];
        int f = s.families.indexOf(phrase(family)) + 1;
        List<String> out = new ArrayList<>();
        for (int k = 0; k < s.shades.size(); k++) {
            if (s.shadeFamily[k] == f) {
                out.add(s.shades.get(k));
            }
        }
        return out;
    }

    /**
     * Every spelling of a words dimension with the value it means ({@code htr grey -> grey (heather grey)}); slot-only
     * spellings start with {@code ~}.
     */
    public Map<String, String> spellings(Dimension d) {
        Integer i = index.get(d);
        if (i == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        sections[i].forms.forEach((p, f) -> out.put(f.slotOnly() ? "~" + p : p,
                label(d, VariantCode.words(f.family(), f.shade(), false))));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The canonical code of a whole value of a words dimension, as a named attribute holds it: exact spellings first,
     * then one typo (see {@link #typo}); {@link VariantCode#UNKNOWN} when the vocabulary does not know it (the
     * extractor then gives an attribute value a code of its own).
     */
    public long code(Dimension d, String raw) {
        Integer i = index.get(d);
        if (i == null || raw == null) {
            return VariantCode.UNKNOWN;
        }
        String p = phrase(raw);
        Form f = sections[i].forms.get(p);
        if (f == null) {
            f = typo(i, p);
        }
        return f == null ? VariantCode.UNKNOWN : code(i, f);
    }

    /** A readable name of a code of a words dimension: {@code grey}, {@code grey (heather grey)}; null if unknown. */
    public String label(Dimension d, long code) {
        Integer i = index.get(d);
        if (i == null || code == VariantCode.UNKNOWN || VariantCode.isNumber(code)) {
            return null;
        }
        Section s = sections[i];
        int f = VariantCode.family(code);
        int shade = VariantCode.value(code);
        if (f < 1 || f > s.families.size()) {
            return null;
        }
        String family = s.families.get(f - 1);
        return shade > 0 && shade <= s.shades.size() ? family + " (" + s.shades.get(shade - 1) + ")" : family;
    }

    /** The vocabulary in its text format; {@code parse(v.toText())} gives an equal vocabulary. */
    public String toText() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && v.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Vocabulary[");
        for (Section s : sections) {
            b.append(s.dimension.name());
            if (s.dimension.kind() == Dimension.Kind.WORDS) {
                b.append(' ').append(s.families.size()).append(" values/").append(s.shades.size()).append(" shades/")
                        .append(s.forms.size()).append(" spellings");
            } else {
                b.append(" (numbers)");
            }
            b.append(", ");
        }
        b.setLength(b.length() - 2);
        return b.append(']').toString();
    }

    // ---- for the extractor ------------------------------------------------------------------------------------

    int sectionCount() {
        return sections.length;
    }

    int indexOf(Dimension d) {
        Integer i = index.get(d);
        return i == null ? -1 : i;
    }

    Dimension dimension(int section) {
        return sections[section].dimension;
    }

    Form form(int section, String phrase) {
        return sections[section].forms.get(phrase);
    }

    Hit[] hits(String phrase) {
        return phrases.get(phrase);
    }

    int maxPhraseTokens() {
        return maxPhraseTokens;
    }

    int[] label(String phrase) {
        return labels.get(phrase);
    }

    int maxLabelTokens() {
        return maxLabelTokens;
    }

    Set<String> context(int section) {
        return sections[section].context;
    }

    Set<String> labels(int section) {
        return sections[section].labels;
    }

    boolean tail(int section) {
        return sections[section].tail;
    }

    long code(int section, Form f) {
        return VariantCode.words(f.family, f.shade, sections[section].split[f.family]);
    }

    String familyName(int section, int family) {
        List<String> fs = sections[section].families;
        return family >= 1 && family <= fs.size() ? fs.get(family - 1) : null;
    }

    /**
     * The form one typo away from a value of at least 4 letters (words of a phrase included), if exactly one value is that close: same first
     * letter; for 4-5 letters one insertion, deletion, swap of neighbours ({@code lage -> large},
     * {@code back -> black}) or slip to a neighbouring key ({@code naby -> navy}, not {@code pine -> pink}), from 6
     * letters any one substitution, from 9 letters two edits. Only spellings of at
     * least 4 letters are targets, so short words never collide. Used in slots and named attributes only.
     */
    Form typo(int section, String token) {
        int n = token.length();
        if (n < 4 || !token.chars().allMatch(c -> Character.isLetter(c) || c == ' ')) {
            return null;
        }
        int max = n >= 9 ? 2 : 1;
        boolean substitute = n >= 6;
        Form best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String candidate : sections[section].typoTargets) {
            if (candidate.charAt(0) != token.charAt(0) || Math.abs(candidate.length() - n) > max) {
                continue;
            }
            int d = token.indexOf(' ') < 0 && candidate.indexOf(' ') < 0 ? distance(token, candidate, max, substitute)
                    : phraseDistance(token, candidate, max);
            if (d > max) {
                continue;
            }
            Form f = sections[section].forms.get(candidate);
            if (d < bestDistance) {
                best = f;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance && (f.family != best.family || f.shade != best.shade)) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    /**
     * Word by word: the same number of words, words of up to 3 letters unchanged ({@code size xl} is not a typo of
     * {@code size l}), longer ones within their own one-typo rule; the sum of the edits.
     */
    private static int phraseDistance(String a, String b, int max) {
        String[] x = a.split(" ");
        String[] y = b.split(" ");
        if (x.length != y.length) {
            return max + 1;
        }
        int sum = 0;
        for (int k = 0; k < x.length && sum <= max; k++) {
            if (x[k].equals(y[k])) {
                continue;
            }
            if (x[k].length() < 4 || y[k].length() < 4) {
                return max + 1;
            }
            sum += distance(x[k], y[k], x[k].length() >= 9 ? 2 : 1, x[k].length() >= 6);
        }
        return sum;
    }

    /** Optimal string alignment distance, capped at {@code max + 1}; substitutions cost 2 unless allowed. */
    static int distance(String a, String b, int max, boolean substitute) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                char x = a.charAt(i - 1);
                char y = b.charAt(j - 1);
                int cost = x == y ? 0 : substitute || neighbours(x, y) ? 1 : 2;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)
                        && a.charAt(i - 1) != b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return d[n][m];
    }

    private static final String[] KEYBOARD = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};

    /** Keys next to each other on a QWERTY keyboard, in a row or diagonally: the commonest slips of a finger. */
    static boolean neighbours(char x, char y) {
        int rx = -1;
        int cx = -1;
        int ry = -1;
        int cy = -1;
        for (int r = 0; r < KEYBOARD.length; r++) {
            int px = KEYBOARD[r].indexOf(x);
            int py = KEYBOARD[r].indexOf(y);
            if (px >= 0) {
                rx = r;
                cx = px;
            }
            if (py >= 0) {
                ry = r;
                cy = py;
            }
        }
        if (rx < 0 || ry < 0) {
            return false;
        }
        int dc = cy - cx;
        return rx == ry ? Math.abs(dc) == 1 : Math.abs(rx - ry) == 1 && (ry > rx ? dc == 0 || dc == -1 : dc == 0 || dc == 1);
    }

    /** Normalised words joined by single spaces: the key of every spelling, label and lookup. */
    static String phrase(String raw) {
        if (raw == null) {
            return "";
        }
        String t = Analyzers.TEXT.prepare(raw);
        if (t.indexOf('\'') >= 0) {
            t = POSSESSIVE.matcher(t).replaceAll("");          // men's -> mens, not men + s
        }
        return String.join(" ", Analyzers.WORDS.tokens(t));
    }

    private static final java.util.regex.Pattern POSSESSIVE = java.util.regex.Pattern.compile("(?<=\\p{L})'(?=\\p{L})");

    private static int tokens(String phrase) {
        int n = 1;
        for (int i = 0; i < phrase.length(); i++) {
            if (phrase.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }

    private static void requireWords(Dimension d) {
        if (d.kind() != Dimension.Kind.WORDS) {
            throw new IllegalArgumentException(d + " is read as numbers; only words dimensions take spellings");
        }
    }

    // ---- building ---------------------------------------------------------------------------------------------

    private static Vocabulary loadBuiltIn() {
        try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            List<Draft> ds = new ArrayList<>();
            for (Dimension d : Dimension.BUILT_IN) {
                ds.add(new Draft(d));
            }
            return new Vocabulary(Parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), ds));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Draft> drafts() {
        return Parser.parse(text, new ArrayList<>());
    }

    private static Draft draft(List<Draft> ds, Dimension d) {
        for (Draft dr : ds) {
            if (dr.dimension.equals(d)) {
                return dr;
            }
        }
        Draft dr = new Draft(d);
        ds.add(dr);
        return dr;
    }

    private static String toText(List<Draft> drafts) {
        StringBuilder b = new StringBuilder();
        for (Draft d : drafts) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append('[').append(d.dimension.name()).append("]\n");
            if (!d.labels.isEmpty()) {
                b.append("@label ").append(String.join(", ", d.labels)).append('\n');
            }
            if (!d.context.isEmpty()) {
                b.append("@context ").append(String.join(", ", d.context)).append('\n');
            }
            if (d.tail) {
                b.append("@tail\n");
            }
            for (String s : d.splits) {
                b.append("@split ").append(s).append('\n');
            }
            d.values.forEach((k, spellings) -> {
                List<String> rest = new ArrayList<>(spellings);
                String name = rest.remove(0);               // the value's own spelling, as first written
                b.append(k.shade != null ? k.family + " > " + name : name);
                if (!rest.isEmpty()) {
                    b.append(": ").append(String.join(", ", rest));
                }
                b.append('\n');
            });
        }
        return b.toString();
    }

    private record Key(String family, String shade) {
    }

    /** A section while it is being assembled; spellings keep their {@code ~}. */
    private static final class Draft {
        final Dimension dimension;
        final LinkedHashSet<String> labels = new LinkedHashSet<>();
        final LinkedHashSet<String> context = new LinkedHashSet<>();
        final LinkedHashSet<String> splits = new LinkedHashSet<>();
        final LinkedHashMap<Key, LinkedHashSet<String>> values = new LinkedHashMap<>();
        boolean tail;

        Draft(Dimension dimension) {
            this.dimension = dimension;
        }

        void add(String family, String shade, String... spellings) {
            String f = spelling(family);
            String s = shade == null ? null : spelling(shade);
            if (f.isEmpty() || (s != null && s.isEmpty())) {
                throw new IllegalArgumentException("empty value in " + dimension);
            }
            String fName = f.startsWith("~") ? f.substring(1) : f;
            String sName = s == null ? null : s.startsWith("~") ? s.substring(1) : s;
            Key fk = new Key(fName, null);
            values.computeIfAbsent(fk, k -> new LinkedHashSet<>(List.of(f)));
            LinkedHashSet<String> target = values.get(fk);
            if (sName != null) {
                target = values.computeIfAbsent(new Key(fName, sName), k -> new LinkedHashSet<>(List.of(s)));
            }
            for (String sp : spellings) {
                String p = spelling(sp);
                if (!p.isEmpty() && !p.equals("~")) {
                    target.add(p);
                }
            }
        }

        /** Normalised, keeping a leading {@code ~} or {@code ~~}. */
        private static String spelling(String raw) {
            String t = raw.strip();
            String mark = t.startsWith("~~") ? "~~" : t.startsWith("~") ? "~" : "";
            return mark + phrase(t.substring(mark.length()));
        }
    }

    /** A frozen section: ids assigned in order of appearance. */
    private static final class Section {
        final Dimension dimension;
        final List<String> families = new ArrayList<>();
        final List<String> shades = new ArrayList<>();
        final int[] shadeFamily;
        final boolean[] split;
        final Map<String, Form> forms = new LinkedHashMap<>();
        final Set<String> labels;
        final Set<String> context;
        final boolean tail;
        final String[] typoTargets;

        Section(Draft d) {
            dimension = d.dimension;
            labels = Set.copyOf(d.labels);
            context = Set.copyOf(d.context);
            tail = d.tail;
            List<Integer> shadeFamilies = new ArrayList<>();
            Set<String> exactOnly = new HashSet<>();
            for (Key k : d.values.keySet()) {
                if (!families.contains(k.family)) {
                    families.add(k.family);
                }
            }
            for (Map.Entry<Key, LinkedHashSet<String>> e : d.values.entrySet()) {
                Key k = e.getKey();
                int family = families.indexOf(k.family) + 1;
                int shade = 0;
                if (k.shade != null) {
                    shades.add(k.shade);
                    shadeFamilies.add(family);
                    shade = shades.size();
                }
                for (String sp : e.getValue()) {
                    boolean slot = sp.startsWith("~");
                    String p = sp.substring(sp.startsWith("~~") ? 2 : slot ? 1 : 0);
                    if (sp.startsWith("~~")) {
                        exactOnly.add(p);
                    }
                    // the first meaning of a spelling wins; written once with ~, it is slot-only
                    Form existing = forms.get(p);
                    if (existing == null) {
                        forms.put(p, new Form(family, shade, slot));
                    } else if (slot && existing.family == family && existing.shade == shade) {
                        forms.put(p, new Form(family, shade, true));
                    }
                }
            }
            shadeFamily = shadeFamilies.stream().mapToInt(Integer::intValue).toArray();
            split = new boolean[families.size() + 1];
            for (String s : d.splits) {
                int f = families.indexOf(s);
                if (f >= 0) {
                    split[f + 1] = true;
                }
            }
            typoTargets = forms.keySet().stream()
                    .filter(p -> !exactOnly.contains(p) && p.length() >= 4
                            && p.chars().allMatch(c -> Character.isLetter(c) || c == ' '))
                    .toArray(String[]::new);
        }
    }

    /** Reads the text format into drafts. */
    private static final class Parser {
        static List<Draft> parse(String text, List<Draft> into) {
            Draft current = null;
            int lineNo = 0;
            for (String raw : text.split("\n", -1)) {
                lineNo++;
                int hash = raw.indexOf('#');
                String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("[")) {
                    if (!line.endsWith("]")) {
                        throw error(lineNo, "a section is [name]: " + raw);
                    }
                    current = draft(into, Dimension.of(line.substring(1, line.length() - 1)));
                    continue;
                }
                if (current == null) {
                    throw error(lineNo, "a statement before the first [section]: " + raw);
                }
                if (line.startsWith("@")) {
                    int sp = line.indexOf(' ');
                    String directive = (sp < 0 ? line : line.substring(0, sp)).toLowerCase(Locale.ROOT);
                    List<String> args = sp < 0 ? List.of() : Arrays.stream(line.substring(sp + 1).split(","))
                            .map(String::strip).filter(s -> !s.isEmpty()).toList();
                    Draft cur = current;
                    switch (directive) {
                        case "@label" -> args.forEach(a -> cur.labels.add(phrase(a)));
                        case "@context" -> args.forEach(a -> cur.context.addAll(
                                Arrays.asList(Analyzers.TEXT.tokens(a))));
                        case "@tail" -> cur.tail = true;
                        case "@split" -> args.forEach(a -> cur.splits.add(phrase(a)));
                        default -> throw error(lineNo, "unknown directive " + directive);
                    }
                    continue;
                }
                if (current.dimension.kind() != Dimension.Kind.WORDS) {
                    throw error(lineNo, current.dimension + " is read as numbers: only @label and @context here");
                }
                int colon = line.indexOf(':');
                String head = colon < 0 ? line : line.substring(0, colon);
                String[] spellings = colon < 0 ? new String[0] : line.substring(colon + 1).split(",");
                int gt = head.indexOf('>');
                try {
                    if (gt < 0) {
                        current.add(head, null, spellings);
                    } else {
                        current.add(head.substring(0, gt), head.substring(gt + 1), spellings);
                    }
                } catch (IllegalArgumentException e) {
                    throw error(lineNo, e.getMessage());
                }
            }
            return into;
        }

        private static IllegalArgumentException error(int line, String message) {
            return new IllegalArgumentException("vocabulary line " + line + ": " + message);
        }
    }

    // ---- serialisation: the text is the state ------------------------------------------------------------------

    @Serial
    private Object writeReplace() {
        return new Proxy(text);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("serialised through its proxy");
    }

    private record Proxy(String text) implements Serializable {
        @Serial
        private Object readResolve() {
            return parse(text);
        }
    }
}
