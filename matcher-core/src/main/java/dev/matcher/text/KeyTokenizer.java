package dev.matcher.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The chain's steps for blocking keys ({@link Analyzers#KEYS}, {@link Analyzers#KEY_CODES},
 * {@link Analyzers#keyGrams}): folded text ({@link TextNormalizer#fold}: NFKC, lower case, accents removed) split on
 * anything that is not a letter or digit; q-grams of the letters and digits; product codes.
 */
final class KeyTokenizer {
    private static final String[] NONE = new String[0];

    private KeyTokenizer() {
    }

    /** The text chain's folding ({@link TextNormalizer#fold}): lower case, accents removed. Null stays null. */
    static String fold(String value) {
        return TextNormalizer.fold(value);
    }

    /** Folded tokens: maximal runs of letters and digits, in order, duplicates kept. */
    static String[] tokens(String value) {
        String s = fold(value);
        return s == null ? NONE : runs(s);
    }

    /** Maximal runs of letters and digits of already folded text, in order, duplicates kept. */
    static String[] runs(String s) {
        if (s.isEmpty()) {
            return NONE;
        }
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean word = i < s.length() && Character.isLetterOrDigit(s.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            }
        }
        return out.toArray(NONE);
    }

    /** The folded value reduced to letters and digits, tokens joined by one space ("" for none). */
    static String clean(String value) {
        return String.join(" ", tokens(value));
    }

    /** The folded value with everything but letters and digits removed ("" for none). */
    static String compact(String value) {
        return String.join("", tokens(value));
    }

    /** Distinct q-grams of the compacted value; a value shorter than q is its own single gram. */
    static String[] qgrams(String value, int q) {
        return grams(compact(value), q);
    }

    /** Distinct q-grams of a string, first occurrences in order; a string shorter than q is its own single gram. */
    static String[] grams(String s, int q) {
        if (s.isEmpty()) {
            return NONE;
        }
        if (s.length() <= q) {
            return new String[] {s};
        }
        String[] grams = new String[s.length() - q + 1];
        for (int i = 0; i < grams.length; i++) {
            grams[i] = s.substring(i, i + q);
        }
        return distinct(grams);
    }

    /**
     * Product and model codes: whitespace-separated chunks that mix letters and digits, or are digit runs of four or
     * more, reduced to letters and digits ("KDL-40V4100" -> "kdl40v4100"), plus their letter-digit parts when the chunk
     * was joined by punctuation ("PSLX350H/XM" -> "pslx350hxm", "pslx350h").
     */
    static String[] codes(String value) {
        if (value == null) {
            return NONE;
        }
        List<String> out = new ArrayList<>();
        for (String chunk : value.split("[\\s,;()\\[\\]{}\"']+")) {
            addCode(compact(chunk), out);
            String[] parts = chunk.split("[/|+]");
            if (parts.length > 1) {
                for (String p : parts) {
                    addCode(compact(p), out);
                }
            }
        }
        return distinct(out.toArray(NONE));
    }

    private static void addCode(String c, List<String> out) {
        if (c.length() < 3) {
            return;
        }
        int digits = 0;
        for (int i = 0; i < c.length(); i++) {
            if (Character.isDigit(c.charAt(i))) {
                digits++;
            }
        }
        boolean mixed = digits > 0 && digits < c.length();
        if ((mixed && c.length() >= 4) || (digits == c.length() && digits >= 4)) {
            out.add(c);
        }
    }

    /** The array without repeated elements, first occurrences in order. */
    static String[] distinct(String[] values) {
        if (values.length < 2) {
            return values;
        }
        if (values.length <= 8) {
            int n = 0;
            String[] out = new String[values.length];
            outer:
            for (String v : values) {
                for (int i = 0; i < n; i++) {
                    if (out[i].equals(v)) {
                        continue outer;
                    }
                }
                out[n++] = v;
            }
            return n == values.length ? values : Arrays.copyOf(out, n);
        }
        return new java.util.LinkedHashSet<>(Arrays.asList(values)).toArray(NONE);
    }
}
