package dev.matcher.blocking;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.codec.StringEncoder;
import org.apache.commons.codec.language.ColognePhonetic;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.codec.language.Nysiis;
import org.apache.commons.codec.language.Soundex;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The phonetic blocking keys go through the one wrapper (text.Phonetics) and still give Commons Codec's codes. */
class PhoneticKeysPropertiesTest {
    private static final Map<KeyFunctions.Phonetic, StringEncoder> CODEC = Map.of(
            KeyFunctions.Phonetic.SOUNDEX, new Soundex(),
            KeyFunctions.Phonetic.DOUBLE_METAPHONE, new DoubleMetaphone(),
            KeyFunctions.Phonetic.NYSIIS, new Nysiis(),
            KeyFunctions.Phonetic.COLOGNE, new ColognePhonetic());

    @Provide
    Arbitrary<String> tokens() {
        // what Analyzers.KEYS emits: folded ASCII letters and digits
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1).ofMaxLength(12);
    }

    @Property(tries = 400)
    void everyAlgorithmGivesTheCodecsCodeOfTheTokensLetters(@ForAll("tokens") String token) throws Exception {
        for (KeyFunctions.Phonetic p : KeyFunctions.Phonetic.values()) {
            String letters = token.replaceAll("[^a-z]", "");
            String expected = letters.isEmpty() ? null : CODEC.get(p).encode(letters);
            assertEquals(expected == null || expected.isEmpty() ? null : expected, p.encode(token), p + " of " + token);
        }
    }
}
