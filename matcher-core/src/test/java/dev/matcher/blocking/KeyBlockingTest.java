package dev.matcher.blocking;

import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import org.junit.jupiter.api.Test;

import static dev.matcher.blocking.TestTables.set;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyBlockingTest {
    private final Table people = TestTables.people();

    @Test
    void standardBlockingOnPhoneticSurnames() {
        Pairs p = Blockers.standard(KeyFunctions.phonetic("surname", KeyFunctions.Phonetic.SOUNDEX)).candidates(people);
        assertEquals(set("0-1", "2-3"), set(p));
    }

    @Test
    void prefixExactYearAndUserKeys() {
        assertEquals(set("0-1", "2-3"), set(Blockers.standard(KeyFunctions.prefix("surname", 2)).candidates(people)));
        assertEquals(set(), set(Blockers.standard(KeyFunctions.prefix("surname", 3)).candidates(people)));
        assertEquals(set("0-1", "2-3"), set(Blockers.standard(KeyFunctions.year("dob")).candidates(people)));
        assertEquals(set("0-1", "2-3"), set(Blockers.standard(KeyFunctions.exact("city")).candidates(people)));
        KeyFunction initial = KeyFunctions.of("initial(given)", "given", v -> v.substring(0, 1));
        assertEquals(set("0-1", "2-3"), set(Blockers.standard(initial).candidates(people)));
        assertEquals("initial(given)", initial.toString());
    }

    @Test
    void compoundKeysAreConjunctions() {
        Table t = Table.builder("a", "b").row("0", "x", "1").row("1", "x", "2").row("2", "y", "1").row("3", "x", "1").build();
        KeyFunction k = KeyFunctions.and(KeyFunctions.exact("a"), KeyFunctions.exact("b"));
        assertEquals(set("0-3"), set(Blockers.standard(k).candidates(t)));
        assertEquals("exact(a) AND exact(b)", k.toString());
    }

    @Test
    void severalKeyFunctionsAreSeveralPasses() {
        Pairs p = Blockers.standard(KeyFunctions.prefix("surname", 3), KeyFunctions.exact("dob")).candidates(people);
        // smi/smy differ, mul/mue differ; the dob 1975-07-30 is written identically only for 2 and 3
        assertEquals(set("2-3"), set(p));
    }

    @Test
    void tokenBlockingAttributeBasedAndSchemaAgnostic() {
        Table t = Table.builder("a", "b")
                .row("0", "red apple", "x")
                .row("1", "green apple", "y")
                .row("2", "x", "red")
                .row("3", "plum", "z")
                .build();
        assertEquals(set("0-1"), set(Blockers.tokens("a").candidates(t)));
        assertEquals(set("0-1", "0-2"), set(Blockers.tokens().candidates(t)));
        assertEquals(set("0-1"), set(Blockers.tokens("a", "b").candidates(t)));
    }

    @Test
    void linkageTokenBlockingGivesOnlyCrossPairs() {
        Pairs p = Blockers.tokens("brand").candidates(TestTables.products(), TestTables.offers());
        assertEquals(set("0-1", "1-2", "2-0"), set(p));
    }

    @Test
    void codeKeysLinkModelNumbersDespitePunctuation() {
        Pairs p = Blockers.standard(KeyFunctions.code("title")).candidates(TestTables.products(), TestTables.offers());
        assertEquals(set("0-1", "1-2"), set(p));   // SD1100 vs SD1100IS is not the same code
    }

    @Test
    void qgramAndSuffixBlocking() {
        Table t = Table.builder("name").row("0", "smith").row("1", "smyth").row("2", "jones").build();
        assertEquals(set("0-1"), set(Blockers.qgrams(2, "name").candidates(t)));   // "th"
        assertEquals(set(), set(Blockers.qgrams(3, "name").candidates(t)));
        Table s = Table.builder("name").row("0", "johnsmith").row("1", "janesmith").row("2", "smith").row("3", "brown").build();
        assertEquals(set("0-1", "0-2", "1-2"), set(Blockers.suffixes(5, 10, "name").candidates(s)));
        assertEquals(set(), set(Blockers.suffixes(5, 2, "name").candidates(s)));
    }

    @Test
    void extendedQgramsTolerateOneChangedCharacter() {
        String[] keys = KeyFunctions.extendedGrams("abcd", 2, 0.6);   // grams ab bc cd, keep >= 1
        assertTrue(java.util.Arrays.asList(keys).contains("abbccd"));
        assertTrue(java.util.Arrays.asList(keys).contains("bccd"));
        assertTrue(java.util.Arrays.asList(keys).contains("ab"));
        Table t = Table.builder("name").row("0", "peter").row("1", "petra").row("2", "xavier").build();
        assertEquals(set("0-1"), set(Blockers.extendedQgrams(2, 0.5, "name").candidates(t)));
    }

    @Test
    void sizeGuardDropsLargeBlocks() {
        Table.Builder b = Table.builder("city");
        for (int i = 0; i < 30; i++) {
            b.row("r" + i, i < 25 ? "london" : "oslo");
        }
        Table t = b.build();
        assertEquals(25 * 24 / 2 + 10, Blockers.tokens("city").candidates(t).size());
        assertEquals(10, Blockers.tokens("city").maxBlockSize(10).candidates(t).size());
    }

    @Test
    void missingAttributeOnOneSideGivesNoKeys() {
        Table l = Table.builder("name", "maker").row("l0", "tv", "sony").build();
        Table r = Table.builder("name").row("r0", "tv sony").build();
        assertEquals(set(), set(Blockers.tokens("maker").candidates(l, r)));
        assertEquals(set("0-0"), set(Blockers.tokens().candidates(l, r)));
    }

    @Test
    void blocksExposeRowsPerSide() {
        Blocks blocks = Blockers.tokens("brand").blocks(TestTables.products(), TestTables.offers());
        assertEquals(3, blocks.size());
        int total = 0;
        for (int b = 0; b < blocks.size(); b++) {
            assertEquals(1, blocks.leftRows(b).length);
            assertEquals(1, blocks.rightRows(b).length);
            total += blocks.comparisons(b);
        }
        assertEquals(3, total);
        assertArrayEquals(new int[] {3, 4, 7, 7}, new int[] {blocks.leftSize(), blocks.rightSize(), blocks.nodeCount(),
                TestTables.products().size() + TestTables.offers().size()});
    }
}
