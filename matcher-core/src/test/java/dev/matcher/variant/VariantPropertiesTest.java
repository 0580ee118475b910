package dev.matcher.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.matcher.data.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The canonical value does not change with case, listed abbreviations or listed synonyms, wherever the value is
 * written; unknown never compares equal; comparison is symmetric.
 */
class VariantPropertiesTest {
    private static final Vocabulary V = Vocabulary.builtIn();
    private static final VariantExtractor X = VariantExtractor.builder().parallelism(1).build();
    /** A product word that gives each words dimension its context. */
    private static final Map<Dimension, String> PRODUCT = Map.of(Dimension.COLOUR, "Mug",
            Dimension.APPAREL_SIZE, "Tee", Dimension.BEDDING_SIZE, "Duvet Cover");

    /** (dimension, spelling, the value it is listed under). */
    record Listed(Dimension dimension, String spelling, String value) {
    }

    @Provide
    Arbitrary<Listed> listed() {
        List<Listed> all = new ArrayList<>();
        for (Dimension d : List.of(Dimension.COLOUR, Dimension.APPAREL_SIZE, Dimension.BEDDING_SIZE)) {
            V.spellings(d).forEach((spelling, value) -> all.add(new Listed(d, spelling.replace("~", ""), value)));
        }
        return Arbitraries.of(all);
    }

    @Provide
    Arbitrary<String> caseChanges() {
        return Arbitraries.of("lower", "upper", "title", "random");
    }

    private static String recase(String s, String how, long seed) {
        return switch (how) {
            case "lower" -> s.toLowerCase(Locale.ROOT);
            case "upper" -> s.toUpperCase(Locale.ROOT);
            case "title" -> {
                StringBuilder b = new StringBuilder(s);
                for (int i = 0; i < b.length(); i++) {
                    if (i == 0 || b.charAt(i - 1) == ' ') {
                        b.setCharAt(i, Character.toUpperCase(b.charAt(i)));
                    }
                }
                yield b.toString();
            }
            default -> {
                java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
                StringBuilder b = new StringBuilder(s);
                for (int i = 0; i < b.length(); i++) {
                    b.setCharAt(i, r.nextBoolean() ? Character.toUpperCase(b.charAt(i)) : b.charAt(i));
                }
                yield b.toString();
            }
        };
    }

    /** The code a value's own name gets: family and shade. */
    private static long canonical(Listed l) {
        String name = l.value();
        int open = name.indexOf(" (");
        String shade = open < 0 ? name : name.substring(open + 2, name.length() - 1);
        return V.code(l.dimension(), shade);
    }

    @Property(tries = 400)
    void everyListedSpellingInAnyCaseIsItsValue(@ForAll("listed") Listed l, @ForAll("caseChanges") String how,
                                                @ForAll long seed) {
        long expected = canonical(l);
        assertNotEquals(VariantCode.UNKNOWN, expected, l.toString());
        long got = V.code(l.dimension(), recase(l.spelling(), how, seed));
        assertEquals(expected, got, l + " " + how);
    }

    @Property(tries = 300)
    void anAttributeOrTitleSlotGivesTheSameValue(@ForAll("listed") Listed l, @ForAll("caseChanges") String how,
                                                 @ForAll long seed) {
        String written = recase(l.spelling(), how, seed);
        String product = "Acme " + PRODUCT.get(l.dimension());
        Table t = Table.builder("title", "note").row("a", product + " - " + written, null)
                .row("b", product + ", " + written, null)
                .row("c", product + " (" + written + ")", null)
                .row("d", product, "Note: " + (l.dimension() == Dimension.COLOUR ? "Colour" : "Size") + ": "
                        + written + ".").build();
        VariantTable v = X.extract(t);
        long expected = canonical(l);
        for (int i = 0; i < 4; i++) {
            assertEquals(Verdict.EQUAL, VariantCode.compare(expected, v.code(i, l.dimension())),
                    l + " in " + t.value(i, "title") + ": " + v.describe(i));
        }
        Table attr = Table.builder("title", l.dimension() == Dimension.COLOUR ? "colour"
                : l.dimension() == Dimension.APPAREL_SIZE ? "size" : "bed size").row("a", product, written).build();
        assertEquals(expected & ~VariantCode.SPLIT, X.extract(attr).code(0, l.dimension()), l + " as an attribute");
    }

    @Property(tries = 200)
    void numbersWrittenAnyWayAreOneValue(@ForAll @IntRange(min = 0, max = 7) int power,
                                         @ForAll @IntRange(min = 1, max = 48) int count,
                                         @ForAll("caseChanges") String how, @ForAll long seed) {
        int gb = 16 << power;
        String[] capacity = {gb + "G", gb + " GB", gb + "GB", gb + "-gb", gb + " Gb"};
        String[] pack = {count + "-pack", "pack of " + count, count + "pk", "x" + count, count + " Pack",
                count + " count", "Set of " + count};
        List<String> titles = new ArrayList<>();
        for (String c : capacity) {
            titles.add("Nova Phone " + recase(c, how, seed));
        }
        for (String p : pack) {
            titles.add("Fizz Cola " + recase(p, how, seed));
        }
        Table.Builder b = Table.builder("title");
        for (int i = 0; i < titles.size(); i++) {
            b.row("r" + i, titles.get(i));
        }
        VariantTable v = X.extract(b.build());
        for (int i = 1; i < capacity.length; i++) {
            assertEquals(Verdict.EQUAL, v.compare(0, v, i, Dimension.CAPACITY), titles.get(i));
        }
        for (int i = capacity.length + 1; i < titles.size(); i++) {
            assertEquals(Verdict.EQUAL, v.compare(capacity.length, v, i, Dimension.PACK), titles.get(i));
        }
        assertEquals(gb + " GB", v.value(0, Dimension.CAPACITY));
        assertEquals(count + "-pack", v.value(capacity.length, Dimension.PACK));
    }

    @Provide
    Arbitrary<Long> codes() {
        Arbitrary<Long> words = Combinators.combine(Arbitraries.integers().between(1, 6),
                Arbitraries.integers().between(0, 3), Arbitraries.of(true, false))
                .as((f, s, split) -> VariantCode.words(f, s, split));
        Arbitrary<Long> numbers = Combinators.combine(Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, 5)).as(VariantCode::number);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, words), net.jqwik.api.Tuple.of(2, numbers),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(VariantCode.UNKNOWN)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs()));
    }

    @Property(tries = 2000)
    void comparisonIsSymmetricAndUnknownNeverEqual(@ForAll("codes") long a, @ForAll("codes") long b) {
        Verdict v = VariantCode.compare(a, b);
        assertEquals(v, VariantCode.compare(b, a));
        if (a == VariantCode.UNKNOWN || b == VariantCode.UNKNOWN) {
            assertEquals(Verdict.UNKNOWN, v);
        }
        if (v == Verdict.EQUAL) {
            assertEquals(VariantCode.family(a), VariantCode.family(b));
        }
        assertEquals(a != VariantCode.UNKNOWN ? Verdict.EQUAL : Verdict.UNKNOWN, VariantCode.compare(a, a));
    }

    @Property(tries = 100)
    void extractedComparisonsAreSymmetricAndSilenceIsUnknown(@ForAll("listed") Listed x, @ForAll("listed") Listed y,
                                                            @ForAll boolean silent) {
        String product = "Acme " + PRODUCT.get(x.dimension()) + " " + PRODUCT.get(y.dimension());
        Table t = Table.builder("title").row("a", product + " - " + x.spelling())
                .row("b", silent ? product : product + " - " + y.spelling()).build();
        VariantTable v = X.extract(t);
        for (Dimension d : v.dimensions()) {
            Verdict ab = v.compare(0, v, 1, d);
            assertEquals(ab, v.compare(1, v, 0, d));
            if (v.code(0, d) == VariantCode.UNKNOWN || v.code(1, d) == VariantCode.UNKNOWN) {
                assertEquals(Verdict.UNKNOWN, ab);
            }
        }
        if (silent) {
            for (Dimension d : v.dimensions()) {
                assertEquals(Verdict.UNKNOWN, v.compare(0, v, 1, d));
            }
        }
    }

    /**
     * Learning typos from the records only gives words the vocabulary does not know a value: a column of listed
     * colour spellings and random words, read again after learning, keeps every verdict between two listed
     * spellings, and a word learned as a typo always joins a value stated at least ten times as often.
     */
    @Property(tries = 60)
    void learningTyposLeavesKnownValuesAlone(@ForAll("colourColumns") List<String> column) {
        Table.Builder b = Table.builder("title", "color");
        for (int i = 0; i < column.size(); i++) {
            b.row("r" + i, "Acme Mug", column.get(i));
        }
        Table t = b.build();
        VariantTable before = X.extract(t);
        VariantExtractor learned = X.learn(t);
        VariantTable after = learned.extract(t);
        for (int i = 0; i < t.size(); i++) {
            boolean known = !VariantCode.unknownWord(before.code(i, Dimension.COLOUR));
            for (int j = i + 1; j < t.size() && known; j++) {
                if (!VariantCode.unknownWord(before.code(j, Dimension.COLOUR))) {
                    assertEquals(before.compare(i, before, j, Dimension.COLOUR),
                            after.compare(i, after, j, Dimension.COLOUR), column.get(i) + " vs " + column.get(j));
                }
            }
            String word = Vocabulary.phrase(column.get(i));
            if (!known && learned.learned().stream().anyMatch(l -> l.startsWith("colour: '" + word + "' is"))) {
                long family = VariantCode.familyCode(after.code(i, Dimension.COLOUR));
                int typo = 0;
                int common = 0;
                for (int j = 0; j < t.size(); j++) {
                    typo += Vocabulary.phrase(column.get(j)).equals(word) ? 1 : 0;
                    long c = before.code(j, Dimension.COLOUR);
                    common += c != VariantCode.UNKNOWN && VariantCode.familyCode(c) == family ? 1 : 0;
                }
                org.junit.jupiter.api.Assertions.assertTrue(common >= 10 * typo, column.get(i) + ": " + typo
                        + " listings, its value " + common + "; " + learned.learned());
            }
        }
    }

    @Provide
    Arbitrary<List<String>> colourColumns() {
        Arbitrary<String> known = Arbitraries.of(new ArrayList<>(V.spellings(Dimension.COLOUR).keySet()))
                .map(sp -> sp.replace("~", ""));
        Arbitrary<String> common = Arbitraries.of("grey", "black", "navy", "white");
        Arbitrary<String> noise = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(7);
        Arbitrary<String> slip = Combinators.combine(common, Arbitraries.integers().between(0, 3),
                Arbitraries.chars().range('a', 'z')).as((w, at, c) -> w.substring(0, at) + c + w.substring(at + 1));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, common), net.jqwik.api.Tuple.of(2, known),
                net.jqwik.api.Tuple.of(1, noise), net.jqwik.api.Tuple.of(2, slip)).list().ofMinSize(10).ofMaxSize(60);
    }
}
