package dev.matcher.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words and expressions that name a <em>variant</em> of a product rather than a different product: colours,
 * clothing and shoe sizes, capacities ({@code 64gb}, {@code 1tb}, {@code 500ml}) and pack counts
 * ({@code pack of 6}, {@code 6-pack}, {@code x6}). Immutable; extend it with {@link #withWords} or {@link #learn}.
 * Codes (model numbers) are never variant words: a changed model number must always count.
 *
 * <p>Superseded by {@link dev.matcher.variant} (canonical values per dimension, equal/different/unknown per pair);
 * its built-in {@link dev.matcher.variant.Vocabulary} holds every word of this one. Kept, with unchanged behaviour,
 * until {@code FeatureSpace}, {@code TextField} and {@code ValueRarity} read {@link dev.matcher.variant.VariantTable}
 * and {@link dev.matcher.variant.VariantExtractor#strip}; then it goes.
 *
 * <pre>{@code
 * VariantVocabulary v = VariantVocabulary.builtIn().withWords("colour", "teal", "petrol");
 * v.mentions("colour", "iphone 12 64gb black");   // [black]
 * v.strip("iphone 12 64gb black, pack of 2");     // "iphone 12"
 * }</pre>
 */
public final class VariantVocabulary {
    public static final String COLOUR = "colour";
    public static final String SIZE = "size";
    public static final String CAPACITY = "capacity";
    public static final String PACK = "pack";

    private static final Set<String> COLOURS = Set.copyOf(List.of(
            // en
            "black", "white", "red", "green", "blue", "yellow", "orange", "purple", "violet", "pink", "brown", "grey",
            "gray", "silver", "gold", "golden", "beige", "navy", "teal", "turquoise", "cyan", "magenta", "maroon",
            "burgundy", "olive", "khaki", "ivory", "cream", "charcoal", "graphite", "bronze", "copper", "rose",
            "lavender", "lilac", "coral", "mint", "aqua", "champagne", "titanium", "platinum", "midnight", "multicolor",
            "multicolour", "transparent", "clear",
            // de
            "schwarz", "weiss", "rot", "grun", "gruen", "blau", "gelb", "braun", "grau", "silbern", "rosa", "lila",
            // fr
            "noir", "noire", "blanc", "blanche", "rouge", "vert", "verte", "bleu", "bleue", "jaune", "marron", "gris",
            "grise", "argent", "dore", "violet",
            // es / it
            "negro", "negra", "blanco", "blanca", "rojo", "roja", "verde", "azul", "amarillo", "gris", "plateado",
            "nero", "bianco", "rosso", "giallo", "grigio", "argento", "marrone",
            // cs
            "cerna", "cerny", "bila", "bily", "cervena", "cerveny", "modra", "modry", "zelena", "zeleny", "seda",
            "sedy", "stribrna", "zluta", "ruzova"));
    private static final Set<String> SIZES = Set.of(
            "xxs", "xs", "xl", "xxl", "xxxl", "2xl", "3xl", "4xl", "5xl", "small", "medium", "large", "petite");
    private static final Set<String> SIZE_WORDS = Set.of("size", "sz", "grosse", "taille", "talla", "velikost");
    private static final Pattern CAPACITY_RE = Pattern.compile(
            "(?<![\\p{L}\\p{N}.])\\d+(?:[.,]\\d+)?[\\s-]?(?:tb|gb|mb|ml|cl|l|mah)(?![\\p{L}\\p{N}])");
    private static final Pattern PACK_RE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:(?:pack|set|box|case) of\\s?\\d{1,4}|\\d{1,4}[\\s-]?(?:pack|pk|pcs|count|ct)"
                    + "|x\\s?\\d{1,4})(?![\\p{L}\\p{N}])");
    private static final Pattern SIZE_RE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:size|sz|grosse|taille|talla|velikost)\\s?:?\\s?([\\p{L}\\p{N}.]{1,5})(?![\\p{L}\\p{N}])");

    private static final VariantVocabulary BUILT_IN = new VariantVocabulary(Map.of(
            COLOUR, COLOURS, SIZE, SIZES, CAPACITY, Set.of(), PACK, Set.of()));

    /** Category -> single folded words; capacity and pack are recognised by pattern, not by word. */
    private final Map<String, Set<String>> words;

    private VariantVocabulary(Map<String, Set<String>> words) {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        for (String c : List.of(COLOUR, SIZE, CAPACITY, PACK)) {
            if (words.containsKey(c)) {
                copy.put(c, Set.copyOf(words.get(c)));
            }
        }
        words.forEach((c, w) -> copy.putIfAbsent(c, Set.copyOf(w)));
        this.words = Collections.unmodifiableMap(copy);
    }

    /** Colours (en, de, fr, es, it, cs), clothing sizes, capacities and pack counts. */
    public static VariantVocabulary builtIn() {
        return BUILT_IN;
    }

    /** The categories, built-in ones first. */
    public Set<String> categories() {
        return words.keySet();
    }

    /** The words of a category (empty for pattern-only categories and unknown ones). */
    public Set<String> words(String category) {
        return words.getOrDefault(category, Set.of());
    }

    /** A vocabulary with more words in a category (a new category is created); words are normalised. */
    public VariantVocabulary withWords(String category, String... more) {
        Map<String, Set<String>> m = new LinkedHashMap<>(words);
        Set<String> s = new TreeSet<>(m.getOrDefault(category, Set.of()));
        for (String w : more) {
            for (String t : Tokenizer.words(TextNormalizer.normalize(w))) {
                if (!Tokenizer.isCode(t)) {
                    s.add(t);
                }
            }
        }
        m.put(category, s);
        return new VariantVocabulary(m);
    }

    /**
     * Learns candidate words from a variant attribute's values (e.g. the {@code color} column): the words of each
     * value, except codes and words in {@code stopWords}, are added to the category.
     */
    public VariantVocabulary learn(String category, Iterable<String> values) {
        List<String> all = new ArrayList<>();
        for (String v : values) {
            if (v != null) {
                for (String t : Tokenizer.words(TextNormalizer.normalize(v))) {
                    if (!StopWords.ENGLISH.contains(t) && !Tokenizer.isCode(t) && !t.chars().allMatch(Character::isDigit)) {
                        all.add(t);
                    }
                }
            }
        }
        return withWords(category, all.toArray(new String[0]));
    }

    /**
     * The variant values of one category mentioned in normalised text, sorted and distinct (capacities and packs as
     * canonical quantities such as {@code "64 gb"}).
     */
    public List<String> mentions(String category, String text) {
        TreeSet<String> out = new TreeSet<>();
        if (text == null) {
            return List.of();
        }
        switch (category) {
            case CAPACITY -> {
                Matcher m = CAPACITY_RE.matcher(text);
                while (m.find()) {
                    for (Quantity q : Tokenizer.quantities(m.group())) {
                        out.add(q.toString());
                    }
                }
            }
            case PACK -> {
                Matcher m = PACK_RE.matcher(text);
                while (m.find()) {
                    String digits = m.group().replaceAll("\\D+", "");
                    out.add(Integer.parseInt(digits) + " pack");
                }
            }
            default -> {
                Set<String> ws = words(category);
                for (String t : Tokenizer.words(text)) {
                    if (ws.contains(t)) {
                        out.add(t);
                    }
                }
                if (SIZE.equals(category)) {
                    Matcher m = SIZE_RE.matcher(text);
                    while (m.find()) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** Sorted distinct 64-bit keys of {@link #mentions}, for allocation-free comparison per pair. */
    public long[] mentionKeys(String category, String text) {
        List<String> m = mentions(category, text);
        long[] keys = new long[m.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = m.get(i).hashCode() * 0x9E3779B97F4A7C15L + m.get(i).length();
        }
        Arrays.sort(keys);
        return keys;
    }

    /**
     * Normalised text with every variant mention removed (colour and size words, sizes after "size", capacities,
     * pack counts); codes and other words stay, separated by single spaces.
     */
    public String strip(String text) {
        if (text == null) {
            return null;
        }
        String t = CAPACITY_RE.matcher(text).replaceAll(" ");
        t = PACK_RE.matcher(t).replaceAll(" ");
        t = SIZE_RE.matcher(t).replaceAll(" ");
        StringBuilder b = new StringBuilder(t.length());
        for (String w : Tokenizer.words(t)) {
            if (!isVariantWord(w)) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(w);
            }
        }
        return b.toString();
    }

    private boolean isVariantWord(String w) {
        if (SIZE_WORDS.contains(w)) {
            return true;
        }
        for (Set<String> s : words.values()) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("VariantVocabulary[");
        words.forEach((c, w) -> b.append(c).append('=').append(w.isEmpty() ? "(pattern)" : w.size() + " words").append(", "));
        b.setLength(b.length() - 2);
        return b.append(']').toString();
    }
}
