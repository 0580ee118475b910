package dev.matcher.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Hand-checked values of the abbreviation-aware similarity, and its range, identity and symmetry. */
class AbbreviationsTest {
    @Provide
    Arbitrary<String> words() {
        // few letters, so that abbreviations and acronyms occur; stop words and punctuation included
        return Arbitraries.of("a", "on", "of", "the", "abc", "ab", "ac", "bc", "b", "c", "ca", "cab", "bca", "x.",
                "-", "12", "ébc", "abcabc").list().ofMaxSize(8).map(l -> String.join(" ", l));
    }

    @Property
    void staysInRange(@ForAll("words") String a, @ForAll("words") String b) {
        double v = Abbreviations.similarity(a, b);
        assertTrue(v >= 0 && v <= 1, a + " / " + b + " = " + v);
    }

    @Property
    void isOneOnEqualInputs(@ForAll("words") String a) {
        assertEquals(1.0, Abbreviations.similarity(a, a));
        assertEquals(1.0, Abbreviations.similarity(a, new String(a.toCharArray())));
    }

    @Property
    void isSymmetric(@ForAll("words") String a, @ForAll("words") String b) {
        assertEquals(Abbreviations.similarity(a, b), Abbreviations.similarity(b, a), 1e-12, a + " / " + b);
    }

    @Property
    void precomputedWordsGiveTheSameBits(@ForAll("words") String a, @ForAll("words") String b) {
        boolean[] ca = new boolean[Abbreviations.MAX_WORDS];
        boolean[] cb = new boolean[Abbreviations.MAX_WORDS];
        double v = Abbreviations.similarity(a, Abbreviations.words(a), b, Abbreviations.words(b), ca, cb);
        assertEquals(Double.doubleToRawLongBits(Abbreviations.similarity(a, b)), Double.doubleToRawLongBits(v),
                a + " / " + b);
        String longText = (a + " ").repeat(40) + b;
        v = Abbreviations.similarity(longText, Abbreviations.words(longText), b, Abbreviations.words(b), ca, cb);
        assertEquals(Double.doubleToRawLongBits(Abbreviations.similarity(longText, b)),
                Double.doubleToRawLongBits(v), longText + " / " + b);
    }

    @Property(tries = 200)
    void readsAtMostMaxCharsOfLongInputs(@ForAll("words") String a) {
        String longText = (a + " ").repeat(40);
        double v = Abbreviations.similarity(longText, longText + " tail");
        assertTrue(v >= 0 && v <= 1);
    }

    @Example
    void acronymsExplainTheWordsTheyStandFor() {
        assertEquals(1.0, Abbreviations.similarity("vldb", "very large data bases"));
        // "on" is skipped by the initials but lies inside the run, so it is explained too
        assertEquals(1.0, Abbreviations.similarity("icde", "international conference on data engineering"));
        assertEquals(1.0, Abbreviations.similarity("ibm corp", "international business machines corporation"));
        assertEquals(0.0, Abbreviations.similarity("vldb", "international conference on management of data"));
        assertTrue(Abbreviations.isAcronym("tods", "transactions on database systems"));
        assertTrue(Abbreviations.isAcronym("tds", "transactions on database systems"));
        assertFalse(Abbreviations.isAcronym("tds", "on transactions database systems"),
                "a run never starts by skipping");
        assertFalse(Abbreviations.isAcronym("vldb", "very large data"));
    }

    @Example
    void abbreviatedWordsCount() {
        // acm, trans, database, syst all explained (4/4); on the right "on" is not (4/5): (1 + 0.8) / 2
        assertEquals(0.9, Abbreviations.similarity("acm trans . database syst .",
                "acm transactions on database systems"), 1e-12);
        // sigmod, record explained on the left (2/2), acm not on the right (2/3)
        assertEquals((1 + 2.0 / 3) / 2, Abbreviations.similarity("sigmod record", "acm sigmod record"), 1e-12);
        assertEquals(1.0, Abbreviations.similarity("vldb j.", "vldb journal"));
        assertTrue(Abbreviations.isAbbreviation("blvd", "boulevard"));
        assertTrue(Abbreviations.isAbbreviation("intl", "international"));
        assertTrue(Abbreviations.isAbbreviation("j", "journal"));
        assertFalse(Abbreviations.isAbbreviation("lvd", "boulevard"), "first letters differ");
        assertFalse(Abbreviations.isAbbreviation("bvld", "boulevard"), "letters out of order");
        assertFalse(Abbreviations.isAbbreviation("an", "analysis"), "a stop word abbreviates nothing");
        assertFalse(Abbreviations.isAbbreviation("12", "1234"), "digits are not abbreviations");
    }

    @Example
    void unrelatedOrEmptyTextIsZero() {
        assertEquals(0.0, Abbreviations.similarity("query processing", "image retrieval"));
        assertEquals(0.0, Abbreviations.similarity("-", "query"));
        assertEquals(1.0, Abbreviations.similarity("-", "."));
        // one of two words on each side: "data" explains "data"; "mining" and "bases" nothing
        assertEquals(0.5, Abbreviations.similarity("data mining", "data bases"), 1e-12);
    }
}
