package dev.matcher.compare;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.data.Values;
import dev.matcher.util.Parallel;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * NUMERIC attributes (prices, years, counts): abs_diff, rel_sim, log_ratio, within_1pct, and gauss, linear, exp
 * decays at a scale of a tenth of the column's median absolute deviation; levenshtein of the written value.
 *
 * <pre>{@code
 * // price.abs_diff, price.rel_sim, price.log_ratio, price.within_1pct, price.gauss, ..., price.levenshtein
 * }</pre>
 */
final class NumberRecipe implements Recipe {
    @Override
    public void attribute(Attribute a, String[] left, String[] right, FeatureGenerator g) {
        if (a.kind() != AttributeKind.NUMERIC) {
            return;
        }
        String n = a.name();
        if (g.wantsAny(n, Comparisons.Numeric.ALL)) {
            double[] lv = numbers(left);
            double[] rv = g.dedup ? lv : numbers(right);
            double scale = g.statistic("scale:" + n, Double.class, () -> scale(lv, g.dedup ? null : rv));
            g.add(new Comparisons.Numeric(n, lv, rv, scale));
        }
        g.writtenLevenshtein(n, left, right);
    }

    private static double[] numbers(String[] c) {
        double[] v = new double[c.length];
        Parallel.forEach(v.length, i -> {
            double x = Values.parseNumber(c[i]);
            v[i] = Double.isFinite(x) ? x : Double.NaN;
        });
        return v;
    }

    /** A tenth of the median absolute deviation of all values: typical differences between near-equal values. */
    private static double scale(double[] a, double[] b) {
        double[] all = IntStream.range(0, a.length + (b == null ? 0 : b.length))
                .mapToDouble(i -> i < a.length ? a[i] : b[i - a.length]).filter(x -> !Double.isNaN(x)).sorted()
                .toArray();
        if (all.length == 0) {
            return 1;
        }
        double median = all[all.length / 2];
        double[] dev = Arrays.stream(all).map(x -> Math.abs(x - median)).sorted().toArray();
        double mad = dev[dev.length / 2];
        return mad > 0 ? mad / 10 : Math.max(Math.abs(median) / 100, 1e-6);
    }
}
