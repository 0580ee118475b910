package dev.matcher.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Infers an {@link AttributeKind} per column from value statistics (share of numbers, dates, codes and image
 * references, distinct ratio, token count), with the column name as a tie-breaker for codes.
 * Looks at about {@value #SAMPLE} values per column, spread over the whole column.
 *
 * <pre>{@code
 * Schema s = SchemaInference.infer(List.of("title", "price"), new String[][] {titles, prices});
 * }</pre>
 */
public final class SchemaInference {
    static final int SAMPLE = 5_000;
    private static final Pattern IMAGE = Pattern.compile(
            "(?i)^(data:image/.*|.*\\.(jpe?g|png|gif|webp|bmp|tiff?)(\\?.*)?)$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[a-zA-Z]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9()\\s.-]{7,20}$");
    private static final Pattern CODE_NAME = Pattern.compile(
            "(?i).*(^|_|\\b)(id|code|sku|isbn|ean|upc|gtin|zip|postcode|postal|phone|tel|fax|email|ssn|soc_sec.*|mpn|model.?no)($|_|\\b).*");

    private SchemaInference() {
    }

    /** One kind per column; {@code values[a]} holds column {@code a}. */
    public static Schema infer(List<String> names, String[][] values) {
        List<Attribute> attrs = new ArrayList<>(names.size());
        for (int a = 0; a < names.size(); a++) {
            attrs.add(new Attribute(names.get(a), infer(names.get(a), values[a])));
        }
        return Schema.of(attrs);
    }

    /**
     * For two tables to be linked: every attribute both tables have gets one kind, inferred from both columns
     * together, so that the same attribute is compared the same way on both sides. Other attributes keep their kinds.
     *
     * @return the two tables, left first, with harmonised kinds
     */
    public static List<Table> harmonize(Table left, Table right) {
        Schema l = left.schema();
        Schema r = right.schema();
        for (Attribute a : l.attributes()) {
            if (r.indexOf(a.name()) >= 0) {
                Column lc = left.column(a.name());
                Column rc = right.column(a.name());
                String[] both = new String[lc.size() + rc.size()];
                for (int i = 0; i < lc.size(); i++) {
                    both[i] = lc.get(i);
                }
                for (int i = 0; i < rc.size(); i++) {
                    both[lc.size() + i] = rc.get(i);
                }
                AttributeKind kind = infer(a.name(), both);
                l = l.withKind(a.name(), kind);
                r = r.withKind(a.name(), kind);
            }
        }
        return List.of(left.withSchema(l), right.withSchema(r));
    }

    /** The kind of one column. Empty columns are {@link AttributeKind#STRING}. */
    public static AttributeKind infer(String name, String[] column) {
        List<String> sample = sample(column);
        int n = sample.size();
        if (n == 0) {
            return AttributeKind.STRING;
        }
        int numbers = 0, integers = 0, dates = 0, images = 0, codes = 0, tokens = 0, minLen = Integer.MAX_VALUE,
                maxLen = 0, leadingZeros = 0, yearLike = 0;
        Set<String> distinct = new HashSet<>();
        for (String v : sample) {
            String s = v.strip();
            distinct.add(s);
            minLen = Math.min(minLen, s.length());
            maxLen = Math.max(maxLen, s.length());
            tokens += tokenCount(s);
            boolean digits = Values.isDigits(s);
            if (!Double.isNaN(Values.parseNumber(s))) {
                numbers++;
            }
            if (digits) {
                integers++;
                if (s.length() > 1 && s.charAt(0) == '0') {
                    leadingZeros++;
                }
                if (s.length() == 4 && s.compareTo("1800") >= 0 && s.compareTo("2100") <= 0) {
                    yearLike++;
                }
            }
            if (Values.parseDate(s) != Values.NO_DATE && (!digits || s.length() == 8)) {
                dates++;
            }
            if ((s.indexOf('.') >= 0 || s.startsWith("data:")) && IMAGE.matcher(s).matches()) {
                images++;
            }
            if (isCode(s)) {
                codes++;
            }
        }
        double avgTokens = tokens / (double) n;
        double distinctRatio = distinct.size() / (double) n;
        if (images >= 0.8 * n) {
            return AttributeKind.IMAGE;
        }
        if (dates >= 0.8 * n) {
            return AttributeKind.DATE;
        }
        if (integers >= 0.9 * n && yearLike < 0.9 * n
                && (leadingZeros > 0 || CODE_NAME.matcher(name).matches() || (minLen == maxLen && minLen >= 5))) {
            return AttributeKind.IDENTIFIER;
        }
        if (numbers >= 0.9 * n) {
            return AttributeKind.NUMERIC;
        }
        if (codes >= 0.8 * n) {
            return AttributeKind.IDENTIFIER;
        }
        if (n >= 20 && avgTokens <= 3 && distinct.size() <= Math.max(10, 0.05 * n) && distinctRatio < 0.5) {
            return AttributeKind.CATEGORICAL;
        }
        // STRING keeps character measures (edit distance, Jaro-Winkler) on top of token ones: they still tell typos
        // and near-identical titles apart up to about a sentence, so only paragraph-long columns become TEXT
        return avgTokens > 16 ? AttributeKind.TEXT : AttributeKind.STRING;
    }

    /** A code mixes ASCII letters and digits in one short token (kdl-40v4100), or is an email or phone number. */
    private static boolean isCode(String s) {
        // cheap tests first: inference sees every sampled value of every column, regex matchers allocate
        if (s.indexOf('@') >= 0 && EMAIL.matcher(s).matches()) {
            return true;
        }
        if (s.length() >= 7 && asciiDigits(s) >= 7 && PHONE.matcher(s).matches()) {
            return true;
        }
        if (s.length() > 32) {
            return false;
        }
        boolean letter = false, digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                letter = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if ("-_./#".indexOf(c) < 0) {
                return false;
            }
        }
        return letter && digit;
    }

    private static int asciiDigits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c >= '0' && c <= '9' ? 1 : 0;
        }
        return n;
    }

    /** Runs of letters or digits in the value (its words). */
    public static int tokenCount(String s) {
        int count = 0;
        boolean inToken = false;
        for (int i = 0; i < s.length(); i++) {
            boolean word = Character.isLetterOrDigit(s.charAt(i));
            if (word && !inToken) {
                count++;
            }
            inToken = word;
        }
        return count;
    }

    /** Every k-th value, so that at most about {@value #SAMPLE} are looked at, spread over the whole column. */
    private static List<String> sample(String[] column) {
        int step = Math.max(1, column.length / SAMPLE);
        List<String> out = new ArrayList<>(Math.min(column.length, SAMPLE + 1));
        for (int i = 0; i < column.length; i += step) {
            String v = column[i];
            if (v != null && !v.isBlank()) {
                out.add(v.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
