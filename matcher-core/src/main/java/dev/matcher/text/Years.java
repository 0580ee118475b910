package dev.matcher.text;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Years mentioned anywhere in a text, as sorted distinct keys, for conflict features: two records dated 1999 and 2001
 * are different things however alike the rest reads, and in dirty data the year often sits in another column.
 *
 * <pre>{@code
 * Years.in("VLDB 2002, Hong Kong | 2002");        // [2002]
 * Years.in("released 12/3/1999; remaster 2011");  // [1999, 2011]
 * Years.in("model 12000");                        // []: not a standalone 18xx-20xx number
 * }</pre>
 */
public final class Years {
    private static final Pattern YEAR = Pattern.compile("(?<![\\p{L}\\p{N}])(1[89]\\d\\d|20\\d\\d)(?![\\p{L}\\p{N}])");
    private static final long[] NONE = new long[0];

    private Years() {
    }

    /** Four-digit years 1800..2099 standing alone in {@code text} (any case), sorted and distinct; empty if none. */
    public static long[] in(String text) {
        if (text == null) {
            return NONE;
        }
        long[] out = new long[4];
        int n = 0;
        Matcher m = YEAR.matcher(text);
        while (m.find()) {
            out = grow(out, n);
            out[n++] = Integer.parseInt(m.group(1));
        }
        return distinct(out, n);
    }

    private static long[] grow(long[] a, int n) {
        return n < a.length ? a : Arrays.copyOf(a, 2 * a.length);
    }

    private static long[] distinct(long[] a, int n) {
        if (n == 0) {
            return NONE;
        }
        long[] s = Arrays.copyOf(a, n);
        Arrays.sort(s);
        int k = 1;
        for (int i = 1; i < n; i++) {
            if (s[i] != s[k - 1]) {
                s[k++] = s[i];
            }
        }
        return k == n ? s : Arrays.copyOf(s, k);
    }
}
