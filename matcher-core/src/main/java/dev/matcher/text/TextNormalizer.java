package dev.matcher.text;

import java.text.Normalizer;
import java.util.Locale;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Repairs and folds raw cell text so that equal things compare equal: double-encoded UTF-8 ("mojibake") and HTML
 * entities are repaired, control characters become spaces, then Unicode NFKC, lower case and accent folding apply.
 * Runs once per record; the ASCII fast path allocates one string.
 *
 * <pre>{@code
 * TextNormalizer.normalize("TrÃ¶egs &amp; Co.");   // "troegs & co."
 * TextNormalizer.repair("cafÃ©");                  // "café"
 * TextNormalizer.fold("Ｃafé");                     // "cafe"
 * }</pre>
 */
final class TextNormalizer {
    /** Windows-1252 characters for bytes 0x80..0x9F, so text decoded with cp1252 can be re-encoded. */
    private static final String CP1252 = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039"
            + "\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A"
            + "\u0153\u009D\u017E\u0178";

    private TextNormalizer() {
    }

    /** {@link #repair} then {@link #fold}; null stays null. */
    static String normalize(String raw) {
        return raw == null ? null : fold(repair(raw));
    }

    /**
     * Undoes common encoding damage: UTF-8 bytes read as Latin-1/Windows-1252 (also with a stray space inside the
     * sequence, as in {@code "TrÃ ¶ egs"}), HTML entities ({@code &amp;}, {@code &#39;}), control characters.
     */
    static String repair(String s) {
        if (s == null) {
            return null;
        }
        boolean suspicious = false;
        for (int i = 0; i < s.length() && !suspicious; i++) {
            char c = s.charAt(i);
            suspicious = c >= 0x80 || c < 0x20 || c == '&';
        }
        if (!suspicious) {
            return s;
        }
        if (s.indexOf('&') >= 0) {
            s = StringEscapeUtils.unescapeHtml4(s);
        }
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0xC2 && c <= 0xDF) {                      // 2-byte lead
                int j = nextByte(s, i + 1);
                if (j > 0) {
                    int b = byteOf(s.charAt(j));
                    out.append((char) (((c & 0x1F) << 6) | (b & 0x3F)));
                    i = j;
                    continue;
                }
            } else if (c >= 0xE0 && c <= 0xEF) {               // 3-byte lead
                int j = nextByte(s, i + 1);
                int k = j > 0 ? nextByte(s, j + 1) : -1;
                if (k > 0) {
                    int cp = ((c & 0x0F) << 12) | ((byteOf(s.charAt(j)) & 0x3F) << 6) | (byteOf(s.charAt(k)) & 0x3F);
                    if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
                        out.append((char) cp);
                        i = k;
                        continue;
                    }
                }
            }
            out.append(c < 0x20 || c == 0x7F ? ' ' : c);
        }
        return out.toString();
    }

    /** Index of a UTF-8 continuation byte at {@code i} (or after one stray space), else -1. */
    private static int nextByte(String s, int i) {
        if (i < s.length() && isContinuation(s.charAt(i))) {
            return i;
        }
        if (i + 1 < s.length() && s.charAt(i) == ' ' && isContinuation(s.charAt(i + 1))) {
            return i + 1;
        }
        return -1;
    }

    private static boolean isContinuation(char c) {
        int b = byteOf(c);
        return b >= 0x80 && b <= 0xBF;
    }

    /** The byte a Latin-1 or Windows-1252 decoder turned into {@code c}, or -1. */
    private static int byteOf(char c) {
        if (c >= 0xA0 && c <= 0xFF) {
            return c;
        }
        if (c >= 0x80 && c <= 0x9F) {
            return c;
        }
        int k = CP1252.indexOf(c);
        return k >= 0 ? 0x80 + k : -1;
    }

    /** Unicode NFKC, lower case (root locale), accents removed ({@code é -> e}, {@code ß -> ss}, {@code ø -> o}). */
    static String fold(String s) {
        if (s == null) {
            return null;
        }
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        if (ascii) {
            return s.toLowerCase(Locale.ROOT);
        }
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        t = Normalizer.normalize(t, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            switch (c) {
                case 'ß' -> out.append("ss");
                case 'æ' -> out.append("ae");
                case 'œ' -> out.append("oe");
                case 'ø' -> out.append('o');
                case 'ł' -> out.append('l');
                case 'đ' -> out.append('d');
                case 'þ' -> out.append("th");
                case '\u00A0', '\u2007', '\u202F' -> out.append(' ');
                case '\u2018', '\u2019', '\u201B', '\u2032' -> out.append('\'');
                case '\u201C', '\u201D', '\u2033' -> out.append('"');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> out.append('-');
                default -> out.append(c);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }
}
