package dev.matcher.variant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VocabularyTest {
    private static final Vocabulary V = Vocabulary.builtIn();

    @Test
    void builtInHasEveryDimensionAndEveryWordOfTheOldVocabulary() {
        assertEquals(Dimension.BUILT_IN, V.dimensions());
        // every word of the old single-word vocabulary this one replaced
        Set<String> colours = strip(V.spellings(Dimension.COLOUR));
        for (String w : List.of("black", "white", "red", "green", "blue", "yellow", "orange", "purple", "violet",
                "pink", "brown", "grey", "gray", "silver", "gold", "golden", "beige", "navy", "teal", "turquoise",
                "cyan", "magenta", "maroon", "burgundy", "olive", "khaki", "ivory", "cream", "charcoal", "graphite",
                "bronze", "copper", "rose", "lavender", "lilac", "coral", "mint", "aqua", "champagne", "titanium",
                "platinum", "midnight", "multicolor", "multicolour", "transparent", "clear", "schwarz", "weiss",
                "noir", "blanc", "rouge", "negro", "nero", "cerna")) {
            assertTrue(colours.contains(w), "colour word missing: " + w);
        }
        Set<String> sizes = strip(V.spellings(Dimension.APPAREL_SIZE));
        for (String w : List.of("xxs", "xs", "xl", "xxl", "xxxl", "2xl", "3xl", "4xl", "5xl", "small", "medium",
                "large", "petite")) {
            assertTrue(sizes.contains(w), "size word missing: " + w);
        }
        assertTrue(V.size() > 400, V.toString());
    }

    private static Set<String> strip(Map<String, String> spellings) {
        return spellings.keySet().stream().map(s -> s.replace("~", "")).collect(Collectors.toSet());
    }

    @Test
    void textRoundTripAndSerialisation() throws Exception {
        Vocabulary v = V.withShade(Dimension.COLOUR, "blue", "petrol blue", "~ptrl")
                .withValue(Dimension.of("flavour"), "salted caramel", "salt caramel")
                .withSplit(Dimension.COLOUR, "grey");
        assertEquals(v, Vocabulary.parse(v.toText()));
        assertEquals(v.toText(), Vocabulary.parse(v.toText()).toText());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(v);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(v, in.readObject());
        }
    }

    @Test
    void extendsWithWordsShadesLabelsAndSplits() {
        Dimension flavour = Dimension.of("flavour");
        Vocabulary v = V.with("""
                [flavour]
                @label flavour, flavor
                vanilla: vanille, ~van
                """).withShade(Dimension.COLOUR, "blue", "petrol blue", "~ptrl");
        assertEquals(v.code(flavour, "Vanille"), v.code(flavour, "VANILLA"));
        assertEquals("blue (petrol blue)", v.label(Dimension.COLOUR, v.code(Dimension.COLOUR, "ptrl")));
        assertEquals("~ptrl", v.spellings(Dimension.COLOUR).keySet().stream().filter(s -> s.contains("ptrl"))
                .findFirst().orElseThrow());
        long heather = V.code(Dimension.COLOUR, "heather grey");
        long charcoal = V.code(Dimension.COLOUR, "charcoal");
        long grey = V.code(Dimension.COLOUR, "grey");
        assertEquals(Verdict.EQUAL, VariantCode.compare(heather, charcoal));
        Vocabulary split = V.withSplit(Dimension.COLOUR, "grey");
        long h2 = split.code(Dimension.COLOUR, "heather grey");
        assertEquals(Verdict.DIFFERENT, VariantCode.compare(h2, split.code(Dimension.COLOUR, "charcoal")));
        assertEquals(Verdict.UNKNOWN, VariantCode.compare(h2, split.code(Dimension.COLOUR, "grey")),
                "plain grey may be either shade");
        assertEquals(Verdict.EQUAL, VariantCode.compare(h2, split.code(Dimension.COLOUR, "htr gray")));
        assertNotEquals(grey, heather);
        assertThrows(IllegalArgumentException.class, () -> V.withValue(Dimension.CAPACITY, "big"));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.parse("black: blk"));
        assertThrows(IllegalArgumentException.class, () -> V.withSplit(Dimension.COLOUR, "nonesuch"));
    }

    @Test
    void mergeMakesTheRarerAShade() {
        Vocabulary m = V.withMerged(Dimension.COLOUR, "olive", "green");
        assertEquals("green (olive)", m.label(Dimension.COLOUR, m.code(Dimension.COLOUR, "army green")));
        assertEquals(Verdict.EQUAL, VariantCode.compare(m.code(Dimension.COLOUR, "olive"),
                m.code(Dimension.COLOUR, "green")));
        assertEquals(Verdict.DIFFERENT, VariantCode.compare(V.code(Dimension.COLOUR, "olive"),
                V.code(Dimension.COLOUR, "green")));
        Vocabulary w = V.withMerged(Dimension.COLOUR, "dune", "beige");
        assertEquals("beige (dune)", w.label(Dimension.COLOUR, w.code(Dimension.COLOUR, "Dune")));
    }
}
