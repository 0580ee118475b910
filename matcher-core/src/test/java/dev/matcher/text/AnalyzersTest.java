package dev.matcher.text;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The chains of {@link Analyzers}: blocking keys (formerly BlockingTokenizerTest) and the builder. */
class AnalyzersTest {
    @Test
    void foldsCaseAndAccentsAndSplitsOnPunctuation() {
        assertArrayEquals(new String[] {"muller", "ludenscheidt", "42"}, Analyzers.KEYS.tokens("Müller-Lüdenscheidt, 42!"));
        assertArrayEquals(new String[0], Analyzers.KEYS.tokens(" -- "));
        assertArrayEquals(new String[0], Analyzers.KEYS.tokens(null));
        assertEquals("creme brulee", Analyzers.KEYS.joined("Crème  Brûlée", " "));
        assertEquals("kdl40v4100", Analyzers.KEYS.joined("KDL-40V4100", ""));
    }

    @Test
    void qgramsAreDistinctAndShortValuesAreOneGram() {
        assertArrayEquals(new String[] {"ana", "nan"}, Analyzers.keyGrams(3).tokens("Anana"));
        assertArrayEquals(new String[] {"ab"}, Analyzers.keyGrams(3).tokens("a-b"));
        assertArrayEquals(new String[0], Analyzers.keyGrams(3).tokens(" - "));
    }

    @Test
    void codesMixLettersAndDigits() {
        assertArrayEquals(new String[] {"kdl40v4100", "40in"}, Analyzers.KEY_CODES.tokens("Sony KDL-40V4100 TV 40in"));
        assertArrayEquals(new String[] {"mb598lla", "mb598ll"}, Analyzers.KEY_CODES.tokens("iPod MB598LL/A"));
        assertArrayEquals(new String[] {"12345"}, Analyzers.KEY_CODES.tokens("zip 12345 or 123"));
    }

    @Test
    void theFeaturesChainIsRepairFoldWords() {
        String raw = "TrÃ¶egs &amp; Co. 1,5 kg";
        assertEquals(TextNormalizer.normalize(raw), Analyzers.TEXT.prepare(raw));
        assertArrayEquals(Tokenizer.words(TextNormalizer.normalize(raw)), Analyzers.TEXT.tokens(raw));
        assertArrayEquals(new String[] {"troegs", "co", "1,5", "kg"}, Analyzers.TEXT.tokens(raw));
        assertArrayEquals(new String[] {"kdl40v4100"}, Analyzers.CODES.tokens("sony kdl-40v4100 40\" lcd"));
        assertEquals("sony kdl 40v4100", Analyzers.WORDS.joined("sony  kdl-40v4100!", " "));
        assertNull(Analyzers.TEXT.prepare(null));
        assertArrayEquals(new String[0], Analyzers.TEXT.tokens(null));
        assertArrayEquals(Tokenizer.qgrams("martha", 3), Analyzers.WORDS.qgramKeys("martha", 3));
        assertArrayEquals(new long[] {new Quantity(1500, "g").key()}, Analyzers.WORDS.quantityKeys("1.5 kg", true));
    }

    @Test
    void stepsComposeInOrder() {
        Analyzer a = Analyzers.builder().repair().fold().words().stopWords(Set.of("the", "of")).distinct().build();
        assertArrayEquals(new String[] {"lord", "rings"}, a.tokens("The Lord of the Rings, the Rings"));
        assertEquals("Analyzer[repair > fold > words > stopWords > distinct]", a.toString());
        Analyzer plain = Analyzers.builder().runs().build();
        assertEquals("Crème", plain.prepare("Crème"));
        assertArrayEquals(new String[] {"Cr", "me"}, Analyzers.builder().runs().build().tokens("Cr-me"));
        String[] once = {"a", "b"};
        assertSame(once, Analyzers.distinct(once));
    }

    @Test
    void wordSpansKeepApostrophesBetweenLettersInside() {
        assertArrayEquals(new int[] {0, 5, 6, 9, 11, 14, 15, 17}, Analyzers.wordSpans("men's tee, 1.5 kg"));
        assertArrayEquals(new String[] {"men", "s", "tee", "1.5", "kg"}, Analyzers.WORDS.tokens("men's tee, 1.5 kg"));
        assertArrayEquals(new int[] {1, 3}, Analyzers.wordSpans("'ab' "));
        assertArrayEquals(new int[0], Analyzers.wordSpans(" - "));
    }

    @Test
    void theBuilderRejectsStepsOutOfOrder() {
        assertThrows(IllegalStateException.class, () -> Analyzers.builder().fold().build());
        assertThrows(IllegalStateException.class, () -> Analyzers.builder().words().fold());
        assertThrows(IllegalStateException.class, () -> Analyzers.builder().words().runs());
        assertThrows(IllegalStateException.class, () -> Analyzers.builder().distinct());
        assertThrows(IllegalArgumentException.class, () -> Analyzers.builder().runs().grams(0));
    }
}
