package dev.matcher.eval.report;

import java.util.Locale;

/** Number formatting shared by the renderers; absent figures (NaN) print as a dash. */
final class Format {
    static final String NONE = "–";

    private Format() {
    }

    /** A fraction as a percentage with one decimal: 0.8933 -> "89.3". */
    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f", 100 * fraction) : NONE;
    }

    static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : NONE;
    }

    static String seconds(double value) {
        if (!Double.isFinite(value)) {
            return NONE;
        }
        return value < 10 ? String.format(Locale.ROOT, "%.2f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /** A signed difference in percentage points: "+3.1" / "-12.0". */
    static String delta(double points) {
        return Double.isFinite(points) ? String.format(Locale.ROOT, "%+.1f", points) : NONE;
    }
}
