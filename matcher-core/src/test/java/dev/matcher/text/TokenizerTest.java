package dev.matcher.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    @Test
    void wordsKeepDecimalsTogether() {
        assertArrayEquals(new String[] {"sony", "kdl", "40v4100", "1.5", "kg"}, Tokenizer.words("sony kdl-40v4100, 1.5 kg."));
        assertEquals("a b c", Tokenizer.compact("  a, b...c "));
    }

    @Test
    void extractsCodesWithoutSeparators() {
        assertArrayEquals(new String[] {"kdl40v4100"}, Tokenizer.codes("sony kdl-40v4100 40\" lcd 32gb"));
        assertArrayEquals(new String[] {"am53bk"}, Tokenizer.codes("bose acoustimass 5 series iii am53bk"));
        assertArrayEquals(new String[] {"9780306406157"}, Tokenizer.codes("isbn 978-0-306-40615-7"));
        assertArrayEquals(new String[] {"030640615x"}, Tokenizer.codes("isbn 0-306-40615-x"));
        assertEquals(0, Tokenizer.codes("apple iphone 12 64gb 1080p 2nd edition 15.6in").length);
    }

    @Test
    void extractsNumbersWithUnits() {
        assertEquals(List.of(new Quantity(32, "gb")), List.of(Tokenizer.quantities("32gb")));
        assertEquals(List.of(new Quantity(1500, "g")), List.of(Tokenizer.quantities("1.5 kg")));
        assertEquals(List.of(new Quantity(15, "in")), List.of(Tokenizer.quantities("15\" screen")));
        assertEquals(List.of(new Quantity(1000, "gb")), List.of(Tokenizer.quantities("1tb")));
        assertEquals(List.of(new Quantity(6, "pack")), List.of(Tokenizer.quantities("6-pack")));
        assertEquals(List.of(new Quantity(6, "pack")), List.of(Tokenizer.quantities("pack of 6")));
        assertEquals(List.of(new Quantity(6, "pack")), List.of(Tokenizer.quantities("cola x6")));
        assertEquals(List.of(new Quantity(12, "")), List.of(Tokenizer.quantities("iphone 12 kdl40v4100")));
        assertEquals(Tokenizer.quantityKeys("1 tb drive", true)[0], Tokenizer.quantityKeys("1000gb", true)[0]);
        assertEquals(0, Tokenizer.quantityKeys("iphone 12", true).length);
    }

    @Test
    void qgramsArePaddedSortedAndDistinct() {
        long[] g = Tokenizer.qgrams("aaa", 3);       // ##a #aa aaa aa# a##
        assertEquals(5, g.length);
        long[] s = g.clone();
        Arrays.sort(s);
        assertArrayEquals(s, g);
        assertArrayEquals(Tokenizer.qgrams("a b", 2), Tokenizer.qgrams("a,  b!", 2));
    }

    @Property
    void qgramCountIsBoundedByLength(@ForAll("words") String s, @ForAll @IntRange(min = 1, max = 6) int q) {
        long[] g = Tokenizer.qgrams(s, q);
        String c = Tokenizer.compact(s);
        assertTrue(g.length <= Math.max(0, c.length() + q - 1));
        for (int i = 1; i < g.length; i++) {
            assertTrue(g[i - 1] < g[i]);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> words() {
        return net.jqwik.api.Arbitraries.strings().withChars("abc 12-.").ofMaxLength(25);
    }

    @Test
    void phoneticCodes() {
        assertEquals("R163", Phonetics.soundex("Robert"));
        assertEquals("R163", Phonetics.soundex("Rupert"));
        assertEquals(Phonetics.doubleMetaphone("Smith"), Phonetics.doubleMetaphone("Smyth"));
        assertEquals(Phonetics.nysiis("Macintosh"), Phonetics.nysiis("MacIntosh"));
        assertEquals(Phonetics.soundex("Müller"), Phonetics.soundex("Muller"));
        assertEquals(null, Phonetics.soundex("123"));
    }
}
