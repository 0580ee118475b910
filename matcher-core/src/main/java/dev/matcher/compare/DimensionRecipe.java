package dev.matcher.compare;

import dev.matcher.data.Attribute;
import dev.matcher.variant.Dimension;
import dev.matcher.variant.VariantCode;
import dev.matcher.variant.VariantTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Variant dimensions, in EXACT mode only: per dimension that at least 2% of the records state (colour, apparel size,
 * shoe size, capacity, bedding size, pack, amount, user-named ones), {@code variant.<dimension>} is 1 when both
 * records' canonical values are equal, 0 when they differ and -1 when either side does not say (unknown is never
 * equal); {@code variant.different} is 1 when any dimension differs, else 0, and {@code variant.equal} the share of
 * the dimensions that are equal (unknown ones count as not equal). The canonical
 * values come from {@link FeatureGenerator#variants()}: extracted once per record (attribute, title slots, labels in
 * the description) by a {@link dev.matcher.variant.VariantExtractor}; a pair compares {@code long} codes only.
 *
 * <pre>{@code
 * // "Acme Tee - Jet Black / XL" vs color=Black, size=X-Large: variant.colour 1, variant.apparel_size 1
 * // "Acme Tee, Gray, XXL" vs "Acme Tee - Grey / L":            variant.colour 1, variant.apparel_size 0
 * }</pre>
 */
final class DimensionRecipe implements Recipe {
    static final String PREFIX = "variant.";
    static final String DIFFERENT = PREFIX + "different";
    static final String EQUAL = PREFIX + "equal";

    @Override
    public void record(List<Attribute> compared, FeatureGenerator g) {
        if (g.neutralize()) {
            return;                     // VARIANT mode: variants of one family differ here by definition
        }
        if (!g.wantsPrefix(PREFIX)) {
            return;                     // a rebuilt model that reads none: no extraction at all
        }
        VariantTable[] v = g.variants();
        List<String> names = new ArrayList<>();
        List<long[]> left = new ArrayList<>();
        List<long[]> right = new ArrayList<>();
        for (Dimension d : v[0].dimensions()) {
            String name = PREFIX + d.name();
            long[] l = v[0].codes(d);
            long[] r = g.dedup ? l : v[1].codes(d);
            if (g.selects(name) || !g.rebuilding() && (g.allMeasures() || common(l, r, g.dedup))) {
                names.add(name);
                left.add(l);
                right.add(r);
            }
        }
        if (names.isEmpty() && !g.selects(DIFFERENT) && !g.selects(EQUAL)) {
            return;
        }
        names.add(DIFFERENT);
        names.add(EQUAL);
        g.add(new Dimensions(names.toArray(new String[0]), left.toArray(new long[0][]),
                g.dedup ? null : right.toArray(new long[0][])));
    }

    /** Whether at least 2% of the records (of both tables, once in deduplication) state a value. */
    static boolean common(long[] left, long[] right, boolean dedup) {
        long present = known(left) + (dedup ? 0 : known(right));
        long total = left.length + (dedup ? 0 : right.length);
        return present >= Math.max(1, 0.02 * total);
    }

    private static long known(long[] codes) {
        long n = 0;
        for (long c : codes) {
            n += c != VariantCode.UNKNOWN ? 1 : 0;
        }
        return n;
    }

    /**
     * The verdicts of a pair per dimension, then whether any differs and the share that is equal. Reads two longs per
     * dimension; the codes are per dimension (columnar), {@code right == null} in deduplication.
     */
    static final class Dimensions extends Comparison {
        private final long[][] left;
        private final long[][] right;

        Dimensions(String[] names, long[][] left, long[][] right) {
            super(names);
            this.left = left;
            this.right = right == null ? left : right;
        }

        @Override
        void compare(int l, int r, double[] out, Scratch scratch) {
            int different = 0;
            int equal = 0;
            int k = 0;
            for (; k < left.length; k++) {
                double f = VariantCode.compare(left[k][l], right[k][r]).feature();
                different += f == 0 ? 1 : 0;
                equal += f == 1 ? 1 : 0;
                put(out, k, f);
            }
            put(out, k, different > 0 ? 1 : 0);
            put(out, k + 1, k == 0 ? 0 : (double) equal / k);
        }
    }
}
