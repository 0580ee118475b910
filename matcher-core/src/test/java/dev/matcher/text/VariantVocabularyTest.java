package dev.matcher.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VariantVocabularyTest {
    private final VariantVocabulary v = VariantVocabulary.builtIn();

    @Test
    void findsColoursSizesCapacitiesAndPacks() {
        assertEquals(List.of("black"), v.mentions("colour", "iphone 12 64gb black"));
        assertEquals(List.of("noir"), v.mentions("colour", "t-shirt noir"));
        assertEquals(List.of("64 gb"), v.mentions("capacity", "iphone 12 64gb black"));
        assertEquals(List.of("1000 gb"), v.mentions("capacity", "ssd 1 tb"));
        assertEquals(List.of("500 ml"), v.mentions("capacity", "shampoo 500ml"));
        assertEquals(List.of("6 pack"), v.mentions("pack", "cola 6-pack"));
        assertEquals(List.of("6 pack"), v.mentions("pack", "cola pack of 6"));
        assertEquals(List.of("6 pack"), v.mentions("pack", "cola x6"));
        assertEquals(List.of("xl"), v.mentions("size", "hoodie xl grey"));
        assertEquals(List.of("42"), v.mentions("size", "running shoe size 42"));
        assertEquals(List.of(), v.mentions("size", "running shoe 42"));    // a bare number is no size
    }

    @Test
    void stripsVariantWordsButNeverCodes() {
        assertEquals("iphone 12", v.strip("iphone 12 64gb black, pack of 2"));
        assertEquals("sony kdl 40v4100 lcd", v.strip("sony kdl-40v4100 lcd silver"));
        assertEquals("hoodie", v.strip("hoodie size xl grey"));
        assertEquals("am53bk speakers", v.strip("am53bk speakers white"));
    }

    @Test
    void extendsAndLearns() {
        VariantVocabulary more = v.withWords("colour", "Petrol").learn("flavour", List.of("Vanilla", "Salted Caramel",
                "x123b"));
        assertEquals(List.of("petrol"), more.mentions("colour", "jacket petrol"));
        assertTrue(more.categories().contains("flavour"));
        assertEquals(List.of("caramel", "salted"), more.mentions("flavour", "ice lolly salted caramel"));
        assertEquals("ice lolly x123b", more.strip("ice lolly vanilla x123b"));   // a learned code is not a variant
        assertTrue(v.mentions("flavour", "vanilla").isEmpty());                 // the original is unchanged
    }
}
