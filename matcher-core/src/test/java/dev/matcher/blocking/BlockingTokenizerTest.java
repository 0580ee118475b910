package dev.matcher.blocking;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BlockingTokenizerTest {
    @Test
    void foldsCaseAndAccentsAndSplitsOnPunctuation() {
        assertArrayEquals(new String[] {"muller", "ludenscheidt", "42"}, BlockingTokenizer.tokens("Müller-Lüdenscheidt, 42!"));
        assertArrayEquals(new String[0], BlockingTokenizer.tokens(" -- "));
        assertArrayEquals(new String[0], BlockingTokenizer.tokens(null));
        assertEquals("creme brulee", BlockingTokenizer.clean("Crème  Brûlée"));
        assertEquals("kdl40v4100", BlockingTokenizer.compact("KDL-40V4100"));
    }

    @Test
    void qgramsAreDistinctAndShortValuesAreOneGram() {
        assertArrayEquals(new String[] {"ana", "nan"}, BlockingTokenizer.qgrams("Anana", 3));
        assertArrayEquals(new String[] {"ab"}, BlockingTokenizer.qgrams("a-b", 3));
    }

    @Test
    void codesMixLettersAndDigits() {
        assertArrayEquals(new String[] {"kdl40v4100", "40in"}, BlockingTokenizer.codes("Sony KDL-40V4100 TV 40in"));
        assertArrayEquals(new String[] {"mb598lla", "mb598ll"}, BlockingTokenizer.codes("iPod MB598LL/A"));
        assertArrayEquals(new String[] {"12345"}, BlockingTokenizer.codes("zip 12345 or 123"));
    }
}
