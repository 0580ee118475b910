package dev.matcher.data;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing of raw cell values into numbers and dates, shared by schema inference and the comparators.
 *
 * <pre>{@code
 * Values.parseNumber("$1,299.00");   // 1299.0
 * Values.parseDate("2001-03-04");    // epoch day of 4 March 2001
 * }</pre>
 */
public final class Values {
    /** Returned by {@link #parseDate} for values that are not dates. */
    public static final int NO_DATE = Integer.MIN_VALUE;

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern THOUSANDS = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");
    private static final Pattern ISO = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[T ].*)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
    private static final Pattern NAMED = Pattern.compile(
            "(?:(\\d{1,2})[\\s-]+)?([a-z]{3,9})\\.?[\\s-]+(?:(\\d{1,2})\\s*,?\\s+)?(\\d{4}|\\d{2})");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private Values() {
    }

    /**
     * Parses a number, tolerating a currency sign, thousands separators and surrounding blanks.
     * Returns NaN for null and for anything else that is not a plain number.
     */
    public static double parseNumber(String value) {
        if (value == null || !hasDigit(value)) {   // every number has a digit: no regex for the rest
            return Double.NaN;
        }
        String s = value.strip();
        int start = 0;
        while (start < s.length() && "$€£¥".indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        int end = s.length();
        if (end > start && s.charAt(end - 1) == '%') {
            end--;
        }
        if (start > 0 || end < s.length()) {
            s = s.substring(start, end).strip();
        }
        if (s.indexOf(',') >= 0 && THOUSANDS.matcher(s).matches()) {
            s = s.replace(",", "");
        }
        if (s.isEmpty() || !NUMBER.matcher(s).matches()) {
            return Double.NaN;
        }
        return Double.parseDouble(s);
    }

    static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** True when the value is an integer written with digits only (codes like postcodes keep leading zeros). */
    public static boolean isDigits(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses a calendar date written as {@code yyyy-mm-dd} (also with / or .), {@code yyyymmdd},
     * {@code dd/mm/yyyy} (read as {@code mm/dd/yyyy} when the second number is above 12), or with an English month
     * name ({@code 4 Mar 2001}, {@code 31-Mar-15}, {@code March 4, 2001}); two-digit years below 50 are 20xx.
     *
     * @return days since 1970-01-01, or {@link #NO_DATE}
     */
    public static int parseDate(String value) {
        if (value == null) {
            return NO_DATE;
        }
        String s = value.strip().toLowerCase(Locale.ROOT);
        if (s.length() < 6 || s.length() > 40 || !Character.isDigit(s.charAt(s.length() - 1))) {
            return NO_DATE;
        }
        Matcher m;
        if ((m = ISO.matcher(s)).matches() || (m = COMPACT.matcher(s)).matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        if ((m = DMY.matcher(s)).matches()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            return b > 12 ? date(m.group(3), a, b) : date(m.group(3), b, a);
        }
        if ((m = NAMED.matcher(s)).matches()) {
            Integer month = MONTHS.get(m.group(2).substring(0, 3));
            String day = m.group(1) != null ? m.group(1) : m.group(3);
            if (month != null && day != null) {
                return date(m.group(4), month, Integer.parseInt(day));
            }
        }
        return NO_DATE;
    }

    private static int date(String year, String month, String day) {
        return date(year, Integer.parseInt(month), Integer.parseInt(day));
    }

    private static int date(String year, int month, int day) {
        int y = Integer.parseInt(year);
        if (year.length() == 2) {
            y += y < 50 ? 2000 : 1900;
        }
        if (y < 1000 || y > 2999 || month < 1 || month > 12 || day < 1
                || day > Month.of(month).length(Year.isLeap(y))) {
            return NO_DATE;                 // checked, not caught: typos in dates are common and exceptions slow
        }
        return (int) LocalDate.of(y, month, day).toEpochDay();
    }
}
