package dev.matcher.variant;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the number dimensions from normalised text: capacities ({@code 64G}, {@code 64 GB}, {@code 1TB}, stored in
 * MB), volume and weight ({@code 500ml}, {@code 0.5 l}, {@code 16 fl oz}, {@code 1 kg}; millilitres and grams,
 * three significant digits), pack counts ({@code 2-pack}, {@code pack of 2}, {@code 2pk}, {@code x2},
 * {@code 2 x 500ml}, {@code twin pack}) and shoe sizes ({@code US 7}, {@code EU 40}, {@code 7.0}, {@code 7 1/2};
 * US, EU and UK scales, a bare number is EU from 17 up, else US).
 */
final class NumberReader {
    static final int SCALE_MB = 1;
    static final int SCALE_ML = 1;
    static final int SCALE_G = 2;
    static final int SCALE_COUNT = 1;
    static final int SCALE_US = 1;
    static final int SCALE_EU = 2;
    static final int SCALE_UK = 3;
    /** US women's sizes run about 1.5 above men's: another scale. */
    static final int SCALE_US_WOMEN = 4;

    private static final String NUM = "(\\d{1,5}(?:[.,]\\d{1,3})?)";
    private static final String BEFORE = "(?<![\\p{L}\\p{N}.,])";
    private static final String AFTER = "(?![\\p{L}\\p{N}])";
    private static final String UNITS = "(?:ml|cl|l|g|kg|oz|fl|gb|tb|mm|cm|m|in|inch|ft)";
    /**
     * Zero-width tests of a match's first character put first: they change no match, but {@code find} leaves most
     * positions of a title after one character test instead of trying the look-behinds and every alternative there.
     */
    private static final String DIGIT_FIRST = "(?=\\d)";
    private static final Pattern CAPACITY = Pattern.compile(DIGIT_FIRST + BEFORE + NUM + "\\s?-?(tb|gb|mb|g)" + AFTER);
    private static final Pattern AMOUNT = Pattern.compile(DIGIT_FIRST + BEFORE + NUM
            + "\\s?-?(fl\\.?\\s?oz|ml|cl|dl|ltr|litres?|liters?|l|oz|kgs?|kilos?|grams?|gr|g|lbs?|pounds?)" + AFTER);
    private static final Pattern PACK = Pattern.compile("(?=[\\dpsbclxtd])(?:"
            + "(?<![\\p{L}\\p{N}])(?:pack|set|box|case|bundle|lot) of\\s?(\\d{1,4})" + AFTER
                    + "|" + BEFORE + "(\\d{1,4})\\s?-?\\s?(?:packs?|pks?|pcs|pc|count|ct|pairs?|prs|er pack|er-pack)" + AFTER
                    + "|(?<![\\p{L}\\p{N}])(?<!\\d\\s)x\\s?(\\d{1,3})(?![\\p{L}\\p{N}.,]|\\s?" + UNITS + AFTER + ")"
                    + "|" + BEFORE + "(\\d{1,3})\\s?x\\s?(?=\\d{1,5}(?:[.,]\\d+)?\\s?(?:ml|cl|l|g|kg|oz|fl|gb|tb)"
                    + AFTER + ")"
                    + "|(?<![\\p{L}\\p{N}])(twin|double|triple) ?pack" + AFTER + ")");
    private static final String SHOE_NUM = "(\\d{1,2}(?:[.,][05])?(?: 1/2)?)";
    private static final String SYSTEM = "(us|eur?|uk|men'?s|women'?s)";
    private static final Pattern SHOE = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + SYSTEM + "\\s?(?:us\\s?)?"
            + SHOE_NUM + "|" + SHOE_NUM + "\\s?(us|eur?|uk)(?!\\s?\\d))(?![\\p{L}\\p{N}]|[.,]\\d)");
    private static final Pattern SHOE_WHOLE = Pattern.compile("(?:" + SYSTEM + "\\s?(?:us\\s?)?)?" + SHOE_NUM
            + "(?:\\s?(us|eur?|uk))?");

    final int capacity;
    final int amount;
    final int pack;
    final int shoe;

    NumberReader(Vocabulary v) {
        capacity = v.indexOf(Dimension.CAPACITY);
        amount = v.indexOf(Dimension.AMOUNT);
        pack = v.indexOf(Dimension.PACK);
        shoe = v.indexOf(Dimension.SHOE_SIZE);
    }

    boolean isNumber(int section) {
        return section >= 0 && (section == capacity || section == amount || section == pack || section == shoe);
    }

    /** Every number mention with a unit or marker in {@code t[from, to)}; shoe sizes only with {@code shoes}. */
    void scan(String t, int from, int to, boolean shoes, int step, List<Mention> out) {
        if (!hasDigit(t, from, to) && t.indexOf("pack", from) < 0) {
            return;
        }
        if (capacity >= 0) {
            Matcher m = region(CAPACITY, t, from, to);
            while (m.find()) {
                long c = capacity(m.group(1), m.group(2));
                if (c != VariantCode.UNKNOWN && !rate(t, m.end(), to)) {
                    out.add(new Mention(capacity, c, m.start(), m.end(), step));
                }
            }
        }
        if (amount >= 0) {
            Matcher m = region(AMOUNT, t, from, to);
            while (m.find()) {
                long c = amount(m.group(1), m.group(2), m.start(2) > m.end(1));
                if (c != VariantCode.UNKNOWN) {
                    out.add(new Mention(amount, c, m.start(), m.end(), step));
                }
            }
        }
        if (pack >= 0) {
            Matcher m = region(PACK, t, from, to);
            while (m.find()) {
                long c = pack(m);
                if (c != VariantCode.UNKNOWN) {
                    out.add(new Mention(pack, c, m.start(), m.end(), step));
                }
            }
        }
        if (shoe >= 0 && shoes) {
            Matcher m = region(SHOE, t, from, to);
            while (m.find()) {
                String system = m.group(1) != null ? m.group(1) : m.group(4);
                String number = m.group(2) != null ? m.group(2) : m.group(3);
                long c = shoe(system, number);
                if (c != VariantCode.UNKNOWN) {
                    out.add(new Mention(shoe, c, m.start(), m.end(), step));
                }
            }
        }
    }

    /** A unit followed by {@code /s}, {@code /sec} or {@code ps} is a speed ({@code 160 MB/s}), not a capacity. */
    private static boolean rate(String t, int end, int to) {
        int k = end;
        if (k < to && t.charAt(k) == '/') {
            k++;
        } else if (!(k + 1 < to && t.charAt(k) == 'p' && t.charAt(k + 1) == 's')) {
            return false;
        }
        return k < to && t.charAt(k) == 's' && (k + 1 >= to || !Character.isLetter(t.charAt(k + 1))
                || t.startsWith("sec", k));
    }

    /**
     * A whole value of a number section, as a slot, label or attribute holds it: units as in running text, and a
     * bare number for pack counts ({@code Pack: 6}) and shoe sizes ({@code Size: 7}, {@code 42}).
     */
    long whole(int section, String phrase) {
        if (phrase.isEmpty()) {
            return VariantCode.UNKNOWN;
        }
        if (section == shoe) {
            Matcher m = SHOE_WHOLE.matcher(phrase);
            return m.matches() ? shoe(m.group(1) != null ? m.group(1) : m.group(3), m.group(2)) : VariantCode.UNKNOWN;
        }
        if (section == pack && phrase.chars().allMatch(Character::isDigit) && phrase.length() <= 4) {
            int n = Integer.parseInt(phrase);
            return n >= 1 ? VariantCode.number(SCALE_COUNT, n) : VariantCode.UNKNOWN;
        }
        List<Mention> found = new java.util.ArrayList<>(2);
        scan(phrase, 0, phrase.length(), false, 0, found);
        for (Mention m : found) {
            if (m.section() == section && m.start() == 0 && m.end() == phrase.length()) {
                return m.code();
            }
        }
        return VariantCode.UNKNOWN;
    }

    private static long capacity(String number, String unit) {
        double v = parse(number);
        double mb = switch (unit) {
            case "tb" -> v * 1_000_000;
            case "gb" -> v * 1000;
            case "mb" -> v;
            default -> isStoragePower(v) ? v * 1000 : -1;        // 64g: storage; 500g is a weight
        };
        return mb >= 1 && mb < Integer.MAX_VALUE ? VariantCode.number(SCALE_MB, (int) Math.round(mb)) : VariantCode.UNKNOWN;
    }

    /** 16, 32, ... 2048: the numbers storage comes in. */
    private static boolean isStoragePower(double v) {
        long n = (long) v;
        return n == v && n >= 16 && n <= 2048 && Long.bitCount(n) == 1;
    }

    private static long amount(String number, String unit, boolean spaced) {
        double v = parse(number);
        String u = unit.replace(".", "").replace(" ", "");
        if (u.equals("g") && (isStoragePower(v) || (!spaced && v < 10 && number.indexOf('.') < 0
                && number.indexOf(',') < 0))) {
            return VariantCode.UNKNOWN;                          // 64G is storage, 5G a network
        }
        int scale;
        double base;
        switch (u) {
            case "floz" -> { scale = SCALE_ML; base = v * 29.5735; }
            case "ml" -> { scale = SCALE_ML; base = v; }
            case "cl" -> { scale = SCALE_ML; base = v * 10; }
            case "dl" -> { scale = SCALE_ML; base = v * 100; }
            case "l", "ltr", "litre", "litres", "liter", "liters" -> { scale = SCALE_ML; base = v * 1000; }
            case "oz" -> { scale = SCALE_G; base = v * 28.349523125; }
            case "kg", "kgs", "kilo", "kilos" -> { scale = SCALE_G; base = v * 1000; }
            case "g", "gr", "gram", "grams" -> { scale = SCALE_G; base = v; }
            case "lb", "lbs", "pound", "pounds" -> { scale = SCALE_G; base = v * 453.59237; }
            default -> { return VariantCode.UNKNOWN; }
        }
        double r = threeDigits(base);
        return r > 0 && r * 100 < Integer.MAX_VALUE ? VariantCode.number(scale, (int) Math.round(r * 100))
                : VariantCode.UNKNOWN;
    }

    private long pack(Matcher m) {
        for (int g = 1; g <= 4; g++) {
            if (m.group(g) != null) {
                int n = Integer.parseInt(m.group(g));
                return n >= 1 ? VariantCode.number(SCALE_COUNT, n) : VariantCode.UNKNOWN;
            }
        }
        String word = m.group(5);
        int n = word.equals("triple") ? 3 : 2;
        return VariantCode.number(SCALE_COUNT, n);
    }

    private static long shoe(String system, String number) {
        if (number == null) {
            return VariantCode.UNKNOWN;
        }
        double v;
        if (number.endsWith(" 1/2")) {
            v = Integer.parseInt(number.substring(0, number.length() - 4)) + 0.5;
        } else {
            v = parse(number);
        }
        if (v != Math.rint(v * 2) / 2) {
            return VariantCode.UNKNOWN;
        }
        int scale;
        if (system == null) {
            scale = v >= 17 ? SCALE_EU : SCALE_US;
        } else {
            scale = switch (system.replace("'", "")) {
                case "us", "mens" -> SCALE_US;
                case "womens" -> SCALE_US_WOMEN;
                case "uk" -> SCALE_UK;
                default -> SCALE_EU;
            };
        }
        boolean plausible = scale == SCALE_EU ? v >= 15 && v <= 52 : v >= 1 && v <= 18;
        return plausible ? VariantCode.number(scale, (int) Math.round(v * 10)) : VariantCode.UNKNOWN;
    }

    /** A readable value of a number code of the section. */
    String label(int section, long code) {
        int v = VariantCode.value(code);
        int scale = VariantCode.family(code);
        if (section == capacity) {
            return v >= 1_000_000 && v % 1_000_000 == 0 ? trim(v / 1e6) + " TB" : v >= 1000 ? trim(v / 1e3) + " GB" : v + " MB";
        }
        if (section == amount) {
            double base = v / 100.0;
            String unit = scale == SCALE_G ? "g" : "ml";
            return base >= 1000 ? trim(base / 1000) + (scale == SCALE_G ? " kg" : " l") : trim(base) + " " + unit;
        }
        if (section == pack) {
            return v + "-pack";
        }
        if (section == shoe) {
            return (scale == SCALE_EU ? "EU " : scale == SCALE_UK ? "UK " : scale == SCALE_US_WOMEN ? "US women's "
                    : "US ") + trim(v / 10.0);
        }
        return Integer.toString(v);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d)
                .replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** Decimal point or comma; a comma before exactly three digits separates thousands ({@code 1,500 g}). */
    private static double parse(String number) {
        int comma = number.indexOf(',');
        if (comma >= 0) {
            number = number.length() - comma - 1 == 3 ? number.replace(",", "") : number.replace(',', '.');
        }
        return Double.parseDouble(number);
    }

    private static double threeDigits(double v) {
        if (v <= 0) {
            return 0;
        }
        double scale = Math.pow(10, 2 - Math.floor(Math.log10(v)));
        return Math.round(v * scale) / scale;
    }

    private static boolean hasDigit(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static Matcher region(Pattern p, String t, int from, int to) {
        Matcher m = p.matcher(t);
        m.region(from, to);
        m.useTransparentBounds(true);
        return m;
    }
}
