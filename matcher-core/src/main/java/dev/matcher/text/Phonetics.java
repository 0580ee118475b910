package dev.matcher.text;

import org.apache.commons.codec.language.ColognePhonetic;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.codec.language.Nysiis;
import org.apache.commons.codec.language.Soundex;

/**
 * Phonetic codes for name-like strings (Commons Codec): the one wrapper, used by the features (once per record) and
 * by the phonetic blocking keys. Letters only are encoded (the input is folded to ASCII first); a value without
 * letters gives {@code null}.
 *
 * <pre>{@code
 * Phonetics.soundex("Robert");          // "R163"
 * Phonetics.doubleMetaphone("Smith");   // "SM0"
 * Phonetics.nysiis("Macintosh");        // "MCANT"
 * }</pre>
 */
public final class Phonetics {
    private static final ThreadLocal<DoubleMetaphone> METAPHONE = ThreadLocal.withInitial(DoubleMetaphone::new);
    private static final ThreadLocal<Nysiis> NYSIIS = ThreadLocal.withInitial(() -> new Nysiis(true));
    private static final ThreadLocal<ColognePhonetic> COLOGNE = ThreadLocal.withInitial(ColognePhonetic::new);

    private Phonetics() {
    }

    public static String soundex(String s) {
        String letters = letters(s);
        if (letters == null) {
            return null;
        }
        try {
            return Soundex.US_ENGLISH.encode(letters);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static String doubleMetaphone(String s) {
        String letters = letters(s);
        return letters == null ? null : emptyToNull(METAPHONE.get().doubleMetaphone(letters));
    }

    public static String nysiis(String s) {
        String letters = letters(s);
        return letters == null ? null : emptyToNull(NYSIIS.get().encode(letters));
    }

    /** Kölner Phonetik, for German names. */
    public static String cologne(String s) {
        String letters = letters(s);
        return letters == null ? null : emptyToNull(COLOGNE.get().encode(letters));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** ASCII letters of the folded value, or null when there are none. */
    private static String letters(String s) {
        if (s == null) {
            return null;
        }
        String f = TextNormalizer.fold(s);
        StringBuilder b = new StringBuilder(f.length());
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c >= 'a' && c <= 'z') {
                b.append(c);
            }
        }
        return b.length() == 0 ? null : b.toString();
    }
}
