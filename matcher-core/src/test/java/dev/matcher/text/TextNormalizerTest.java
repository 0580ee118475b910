package dev.matcher.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
    @Test
    void repairsDoubleEncodedUtf8() {
        assertEquals("café", TextNormalizer.repair("cafÃ©"));
        assertEquals("Trö egs Nugget Nectar", TextNormalizer.repair("TrÃ ¶ egs Nugget Nectar"));   // dm_structured_beer
        assertEquals("it’s", TextNormalizer.repair("itâ€™s"));                                     // cp1252 read
        assertEquals("Müller – Straße", TextNormalizer.repair("MÃ¼ller â€“ StraÃŸe"));
    }

    @Property
    void repairUndoesLatin1MisreadingOfAnyLatinText(@ForAll("latin") String s) {
        String damaged = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertEquals(s, TextNormalizer.repair(damaged));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> latin() {
        return net.jqwik.api.Arbitraries.strings().withChars("abcxyz éèöüßçñåø-.").ofMaxLength(20);
    }

    @Property
    void repairLeavesCleanTextAlone(@ForAll("latin") String s) {
        assertEquals(s, TextNormalizer.repair(s));
    }

    @Test
    void unescapesHtmlAndDropsControlCharacters() {
        assertEquals("ben & jerry's", TextNormalizer.repair("ben &amp; jerry&#39;s"));
        assertEquals("a b", TextNormalizer.repair("a\tb"));
    }

    @Test
    void foldsCaseAccentsAndCompatibilityForms() {
        assertEquals("cafe creme", TextNormalizer.fold("Café Crème"));
        assertEquals("strasse", TextNormalizer.fold("Straße"));
        assertEquals("abc 12", TextNormalizer.fold("ＡＢＣ １２"));          // full-width, NFKC
        assertEquals("ffi", TextNormalizer.fold("ﬃ"));
        assertEquals("sony kdl-40v4100", TextNormalizer.normalize("SONY KDL‐40V4100"));
        assertEquals("troegs", TextNormalizer.normalize("TrÃ¶egs"));
        assertNull(TextNormalizer.normalize(null));
    }

    @Property
    void foldIsIdempotent(@ForAll String s) {
        String once = TextNormalizer.fold(s);
        assertEquals(once, TextNormalizer.fold(once));
    }
}
