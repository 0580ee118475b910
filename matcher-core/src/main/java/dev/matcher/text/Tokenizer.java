package dev.matcher.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits normalised text (see {@link TextNormalizer}) into the pieces the measures compare: word tokens, padded
 * character q-grams (as sorted 64-bit keys), alphanumeric codes (model numbers, SKUs, ISBNs; separators dropped) and
 * numbers with units. All methods are stateless and thread-safe; they run once per record, never per pair.
 *
 * <pre>{@code
 * Tokenizer.words("sony kdl-40v4100 40\" lcd");   // [sony, kdl, 40v4100, 40, lcd]
 * Tokenizer.codes("sony kdl-40v4100 40\" lcd");   // [kdl40v4100]
 * Tokenizer.quantities("40\" lcd, 1.5 kg");       // [40 in, 1500 g]
 * long[] grams = Tokenizer.qgrams("martha", 3);    // sorted, distinct
 * }</pre>
 */
final class Tokenizer {
    private record Unit(String canonical, double factor) {
    }

    private static final Map<String, Unit> UNITS = Map.ofEntries(
            Map.entry("tb", new Unit("gb", 1000)), Map.entry("gb", new Unit("gb", 1)),
            Map.entry("mb", new Unit("gb", 1e-3)), Map.entry("kb", new Unit("gb", 1e-6)),
            Map.entry("ghz", new Unit("mhz", 1000)), Map.entry("mhz", new Unit("mhz", 1)),
            Map.entry("khz", new Unit("mhz", 1e-3)), Map.entry("hz", new Unit("mhz", 1e-6)),
            Map.entry("kg", new Unit("g", 1000)), Map.entry("g", new Unit("g", 1)), Map.entry("mg", new Unit("g", 1e-3)),
            Map.entry("lb", new Unit("g", 453.59)), Map.entry("lbs", new Unit("g", 453.59)),
            Map.entry("oz", new Unit("g", 28.35)),
            Map.entry("l", new Unit("ml", 1000)), Map.entry("ml", new Unit("ml", 1)), Map.entry("cl", new Unit("ml", 10)),
            Map.entry("m", new Unit("mm", 1000)), Map.entry("cm", new Unit("mm", 10)), Map.entry("mm", new Unit("mm", 1)),
            Map.entry("in", new Unit("in", 1)), Map.entry("inch", new Unit("in", 1)),
            Map.entry("inches", new Unit("in", 1)), Map.entry("\"", new Unit("in", 1)),
            Map.entry("''", new Unit("in", 1)), Map.entry("ft", new Unit("in", 12)),
            Map.entry("w", new Unit("w", 1)), Map.entry("kw", new Unit("w", 1000)), Map.entry("watt", new Unit("w", 1)),
            Map.entry("watts", new Unit("w", 1)), Map.entry("v", new Unit("v", 1)), Map.entry("volt", new Unit("v", 1)),
            Map.entry("mah", new Unit("mah", 1)), Map.entry("mp", new Unit("mp", 1)), Map.entry("rpm", new Unit("rpm", 1)),
            Map.entry("pack", new Unit("pack", 1)), Map.entry("pk", new Unit("pack", 1)),
            Map.entry("pcs", new Unit("pack", 1)), Map.entry("count", new Unit("pack", 1)),
            Map.entry("ct", new Unit("pack", 1)), Map.entry("%", new Unit("%", 1)));

    private static final String UNIT_ALT = "tb|gb|mb|kb|ghz|mhz|khz|hz|kg|mg|g|lbs|lb|oz|ml|cl|l|mm|cm|m|inches|inch|in"
            + "|ft|kw|watts|watt|w|volt|v|mah|mp|rpm|pack|pk|pcs|count|ct";
    private static final Pattern PACK_OF = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:pack of|set of|box of|case of|x)\\s?(\\d{1,4})(?![\\p{L}\\p{N}])");
    private static final Pattern IS_QUANTITY = Pattern.compile("\\d{1,5}(?:[.,]\\d+)?(?:" + UNIT_ALT + "|x|p|k|s|nd|rd|st|th)");

    private static final String[] NONE = {};

    private Tokenizer() {
    }

    /**
     * Word tokens: maximal runs of letters and digits; a decimal point or comma between digits stays inside
     * ({@code 1.5}). Input should be normalised already.
     */
    static String[] words(String text) {
        if (text == null) {
            return new String[0];
        }
        String[] out = new String[8];
        int count = 0;
        int n = text.length();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : ' ';
            if (inWord(text, i, c, start >= 0, false)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                if (count == out.length) {
                    out = Arrays.copyOf(out, 2 * count);
                }
                out[count++] = text.substring(start, i);
                start = -1;
            }
        }
        return count == out.length ? out : Arrays.copyOf(out, count);
    }

    /**
     * Whether {@code c}, at {@code i} of {@code t}, belongs to a word: a letter or digit, or inside a word
     * ({@code started}) a decimal point or comma between digits, and with {@code apostrophes} an apostrophe between
     * letters ({@code men's}).
     */
    private static boolean inWord(String t, int i, char c, boolean started, boolean apostrophes) {
        return Character.isLetterOrDigit(c)
                || started && i + 1 < t.length() && ((c == '.' || c == ',') && Character.isDigit(t.charAt(i - 1))
                && Character.isDigit(t.charAt(i + 1)) || apostrophes && c == '\'' && Character.isLetter(t.charAt(i - 1))
                && Character.isLetter(t.charAt(i + 1)));
    }

    /**
     * Where the words of {@code text} are, as {@code {start0, end0, start1, end1, ...}}: the spans of {@link #words},
     * except that an apostrophe between letters stays inside a word.
     */
    static int[] wordSpans(String text) {
        int[] out = new int[16];
        int count = 0;
        int n = text.length();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : ' ';
            if (inWord(text, i, c, start >= 0, true)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                if (count + 2 > out.length) {
                    out = Arrays.copyOf(out, 2 * out.length);
                }
                out[count++] = start;
                out[count++] = i;
                start = -1;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** The words joined by single spaces: punctuation and repeated blanks removed. */
    static String compact(String text) {
        return String.join(" ", words(text));
    }

    /**
     * Codes: blank-separated chunks that, after dropping {@code - / . _ + #}, mix letters and digits
     * ({@code KDL-40V4100 -> kdl40v4100}, {@code am53bk}) with at least 3 characters, or are digit runs of at least
     * 6 (ISBN, EAN, phone numbers); numbers with units ({@code 32gb}) and ordinals are not codes.
     * Sorted and distinct.
     */
    static String[] codes(String text) {
        if (text == null) {
            return new String[0];
        }
        List<String> out = new ArrayList<>();
        int n = text.length();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                cur.append(c);
            } else if ((c == '-' || c == '/' || c == '.' || c == '_' || c == '+' || c == '#') && cur.length() > 0) {
                continue;                                   // separator inside a code: dropped
            } else {
                if (cur.length() > 0) {
                    String s = cur.toString();
                    if (isCode(s)) {
                        out.add(s);
                    }
                    cur.setLength(0);
                }
            }
        }
        return sortedDistinct(out);
    }

    static boolean isCode(String s) {
        int letters = 0;
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
            } else if (Character.isLetter(c)) {
                letters++;
            }
        }
        if (letters == 0) {
            return digits >= 6;
        }
        return digits > 0 && s.length() >= 3 && !IS_QUANTITY.matcher(s).matches();
    }

    /** Numbers with optional units, scaled to base units; pack counts ({@code pack of 6}, {@code 6-pack}, {@code x6}). */
    static Quantity[] quantities(String text) {
        if (text == null) {
            return new Quantity[0];
        }
        List<Quantity> out = new ArrayList<>();
        Matcher p = PACK_OF.matcher(text);
        char[] rest = null;                                   // the text with pack expressions blanked out
        for (int at = 0; (at = nextPack(p, text, at)) >= 0; at = p.end()) {
            out.add(new Quantity(Integer.parseInt(p.group(1)), "pack"));
            if (rest == null) {
                rest = text.toCharArray();
            }
            Arrays.fill(rest, p.start(), p.end(), ' ');
        }
        String scanned = rest == null ? text : new String(rest);
        for (int i = 0; i < scanned.length(); i++) {
            if (isAsciiDigit(scanned.charAt(i)) && (i == 0 || !wordChar(scanned.codePointBefore(i))
                    && scanned.charAt(i - 1) != '.')) {
                i = quantity(scanned, i, out) - 1;
            }
        }
        return out.toArray(new Quantity[0]);
    }

    /**
     * Reads the quantity starting at digit {@code start}, adds it to {@code out} and returns where it ends (or
     * {@code start + 1} when there is none): digits, an optional decimal part ({@code [.,]digits}), then a unit
     * ({@code 32gb}, {@code 32 gb}, {@code 32-gb}), an inch mark or percent sign ({@code 15"}, {@code 15 ''},
     * {@code 5%}), or nothing — but a plain number must not run into letters ({@code 40v4100} is no quantity).
     * When the decimal reading fails, the integer part counts alone ({@code 1.5x} gives {@code 1}).
     */
    private static int quantity(String t, int start, List<Quantity> out) {
        int integer = digits(t, start);
        if (integer + 1 < t.length() && (t.charAt(integer) == '.' || t.charAt(integer) == ',')
                && isAsciiDigit(t.charAt(integer + 1))) {
            int end = quantityEndingAt(t, start, digits(t, integer + 1), out);
            if (end >= 0) {
                return end;
            }
        }
        int end = quantityEndingAt(t, start, integer, out);
        return end >= 0 ? end : start + 1;
    }

    /** The number [start, end) with what follows it, added to {@code out}; where it ends, or -1 if it is none. */
    private static int quantityEndingAt(String t, int start, int end, List<Quantity> out) {
        boolean exactLong = end - start <= 15 && digits(t, start) == end;
        double v = exactLong ? (double) Long.parseLong(t, start, end, 10)
                : Double.parseDouble(t.substring(start, end).replace(',', '.'));
        int e = end < t.length() && (isBlank(t.charAt(end)) || t.charAt(end) == '-') ? end + 1 : end;
        int w = e;
        while (w < t.length() && wordChar(t.codePointAt(w))) {
            w += Character.charCount(t.codePointAt(w));
        }
        Unit unit = w > e ? UNITS.get(t.substring(e, w)) : null;
        if (unit != null) {
            out.add(new Quantity(v * unit.factor(), unit.canonical()));
            return w;
        }
        int q = end < t.length() && isBlank(t.charAt(end)) ? end + 1 : end;
        int mark = t.startsWith("\"", q) || t.startsWith("%", q) ? 1 : t.startsWith("''", q) ? 2 : 0;
        if (mark > 0) {
            out.add(new Quantity(v, UNITS.get(t.substring(q, q + mark)).canonical()));
            return q + mark;
        }
        if (end == t.length() || !wordChar(t.codePointAt(end))) {
            out.add(new Quantity(v, ""));
            return end;
        }
        return -1;
    }

    private static int digits(String t, int from) {
        int i = from;
        while (i < t.length() && isAsciiDigit(t.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code \p{L}} or {@code \p{N}} of java.util.regex: a letter or any kind of number character. */
    private static boolean wordChar(int cp) {
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** {@code \s} of java.util.regex. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * Where the next match of {@link #PACK_OF} at or after {@code from} starts (-1 if none), as {@link Matcher#find()}
     * would find it; the regex is only tried where a pack expression can start (a search tries every position).
     * {@code m} is left on the match; its lookbehind still sees the text before it.
     */
    private static int nextPack(Matcher m, String t, int from) {
        m.useTransparentBounds(true);
        for (int i = from; i < t.length(); i++) {
            boolean candidate = switch (t.charAt(i)) {
                case 'x' -> i + 1 < t.length() && (isAsciiDigit(t.charAt(i + 1))
                        || i + 2 < t.length() && isBlank(t.charAt(i + 1)) && isAsciiDigit(t.charAt(i + 2)));
                case 'p' -> t.startsWith("pack of", i);
                case 's' -> t.startsWith("set of", i);
                case 'b' -> t.startsWith("box of", i);
                case 'c' -> t.startsWith("case of", i);
                default -> false;
            };
            if (candidate) {
                m.region(i, t.length());
                if (m.lookingAt()) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Sorted distinct keys of {@link #quantities}; with {@code unitsOnly} plain numbers are left out. */
    static long[] quantityKeys(String text, boolean unitsOnly) {
        Quantity[] qs = quantities(text);
        long[] keys = new long[qs.length];
        int k = 0;
        for (Quantity q : qs) {
            if (!unitsOnly || q.hasUnit()) {
                keys[k++] = q.key();
            }
        }
        return sortedDistinct(keys, k);
    }

    /**
     * Character q-grams of the compacted text, padded with {@code q-1} boundary marks on both sides, as sorted
     * distinct 64-bit keys (exact for {@code q <= 4}: four 16-bit chars packed; hashed above).
     */
    static long[] qgrams(String text, int q) {
        if (q < 1) {
            throw new IllegalArgumentException("q must be >= 1: " + q);
        }
        if (text == null || text.isEmpty()) {
            return new long[0];
        }
        String s = compact(text);
        int n = s.length() + 2 * (q - 1);
        if (s.isEmpty()) {
            return new long[0];
        }
        long[] keys = new long[n - q + 1];
        for (int i = 0; i + q <= n; i++) {
            long k = 0;
            for (int j = 0; j < q; j++) {
                int p = i + j - (q - 1);
                char c = p < 0 || p >= s.length() ? '\u0001' : s.charAt(p);
                k = q <= 4 ? (k << 16) | c : k * 0x100000001B3L + c;
            }
            keys[i] = k;
        }
        return sortedDistinct(keys, keys.length);
    }

    static long[] sortedDistinct(long[] a, int n) {
        long[] c = Arrays.copyOf(a, n);
        Arrays.sort(c);
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (k == 0 || c[k - 1] != c[i]) {
                c[k++] = c[i];
            }
        }
        return k == n ? c : Arrays.copyOf(c, k);
    }

    private static String[] sortedDistinct(List<String> list) {
        if (list.size() < 2) {                           // the usual case: no stream, no sort
            return list.isEmpty() ? NONE : new String[] {list.get(0)};
        }
        String[] a = list.toArray(NONE);
        Arrays.sort(a);
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            if (k == 0 || !a[k - 1].equals(a[i])) {
                a[k++] = a[i];
            }
        }
        return k == a.length ? a : Arrays.copyOf(a, k);
    }
}
