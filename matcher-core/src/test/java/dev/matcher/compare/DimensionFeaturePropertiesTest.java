package dev.matcher.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.matcher.data.AttributeKind;
import dev.matcher.data.Table;
import dev.matcher.variant.Dimension;
import dev.matcher.variant.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The {@code variant.<dimension>} features as a model reads them: a value written in any case, abbreviation or listed
 * synonym (in the attribute, or in a title slot) gives the same verdict as its plain name, and a side that says
 * nothing is unknown (-1), never equal.
 */
class DimensionFeaturePropertiesTest {
    private static final Vocabulary V = Vocabulary.builtIn();

    /** A dimension, one of its listed spellings (slot-only marks dropped) and the value it stands for. */
    record Spelled(Dimension dimension, String spelling, String value) {
        String family() {
            int open = value.indexOf(" (");
            return open < 0 ? value : value.substring(0, open);
        }
    }

    @Provide
    Arbitrary<Spelled> spelled() {
        List<Spelled> all = new ArrayList<>();
        for (Dimension d : List.of(Dimension.COLOUR, Dimension.APPAREL_SIZE)) {
            for (Map.Entry<String, String> e : V.spellings(d).entrySet()) {
                all.add(new Spelled(d, e.getKey().replace("~", ""), e.getValue()));
            }
        }
        return Arbitraries.of(all);
    }

    private static String recase(String s, int how) {
        return switch (how) {
            case 0 -> s.toLowerCase(Locale.ROOT);
            case 1 -> s.toUpperCase(Locale.ROOT);
            default -> s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        };
    }

    private static String attribute(Dimension d) {
        return d.equals(Dimension.COLOUR) ? "color" : "size";
    }

    private static double feature(Table t, Dimension d, int l, int r) {
        FeatureSpace fs = FeatureSpace.builder(t, t).allMeasures(true).build();
        return fs.explain(l, r).get("variant." + d.name());
    }

    private static Table table(Dimension d, String... values) {
        Table.Builder b = Table.builder("title", attribute(d));
        for (int i = 0; i < values.length; i++) {
            b.row("r" + i, "Acme Essential Crew Neck Tee", values[i]);
        }
        return b.build().withKind("title", AttributeKind.STRING).withKind(attribute(d), AttributeKind.CATEGORICAL);
    }

    @Property(tries = 150)
    void anySpellingInAnyCaseEqualsItsPlainName(@ForAll("spelled") Spelled s,
                                                 @ForAll @net.jqwik.api.constraints.IntRange(max = 2) int how) {
        Table t = table(s.dimension(), recase(s.spelling(), how), s.family(), null);
        assertEquals(1.0, feature(t, s.dimension(), 0, 1), s + " vs " + s.family());
        assertEquals(-1.0, feature(t, s.dimension(), 0, 2), "a silent side is unknown, never equal: " + s);
    }

    @Property(tries = 100)
    void twoSpellingsOfOneValueAreEqualOfTwoValuesDifferent(@ForAll("spelled") Spelled a, @ForAll("spelled") Spelled b,
                                                            @ForAll @net.jqwik.api.constraints.IntRange(max = 2) int how) {
        if (!a.dimension().equals(b.dimension())) {
            return;
        }
        Table t = table(a.dimension(), recase(a.spelling(), how), b.spelling());
        double f = feature(t, a.dimension(), 0, 1);
        if (a.family().equals(b.family())) {
            assertEquals(1.0, f, a + " vs " + b);
        } else {
            assertNotEquals(1.0, f, a + " vs " + b);
            assertEquals(0.0, f, a + " vs " + b);
        }
    }

    @Property(tries = 100)
    void aValueInATitleSlotEqualsTheSameValueInTheAttribute(@ForAll("spelled") Spelled s,
                                                            @ForAll @net.jqwik.api.constraints.IntRange(max = 2) int how) {
        Dimension d = s.dimension();
        Table t = Table.builder("title", attribute(d))
                .row("a", "Acme Essential Crew Neck Tee - " + recase(s.spelling(), how), null)
                .row("b", "Acme Essential Crew Neck Tee", s.family())
                .row("c", "Acme Essential Crew Neck Tee", null)
                .build().withKind("title", AttributeKind.STRING).withKind(attribute(d), AttributeKind.CATEGORICAL);
        assertEquals(1.0, feature(t, d, 0, 1), s.toString());
        assertEquals(-1.0, feature(t, d, 1, 2), "silent: unknown");
    }
}
