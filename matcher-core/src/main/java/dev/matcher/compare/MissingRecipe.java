package dev.matcher.compare;

import dev.matcher.data.Attribute;

/**
 * Every attribute: left_null, right_null, both_null. The null flags of 64 attributes at a time share one long per
 * record, so the indicators of a pair cost one memory access per side; a generator's one instance keeps the masks.
 *
 * <pre>{@code
 * // price.left_null, price.right_null, price.both_null
 * }</pre>
 */
final class MissingRecipe implements Recipe {
    private long[] nullsLeft;
    private long[] nullsRight;
    private int count;

    @Override
    public void attribute(Attribute a, String[] left, String[] right, FeatureGenerator g) {
        int bit = count++ % 64;
        if (bit == 0) {
            nullsLeft = new long[left.length];
            nullsRight = g.dedup ? nullsLeft : new long[right.length];
        }
        nulls(left, nullsLeft, bit);
        if (!g.dedup) {
            nulls(right, nullsRight, bit);
        }
        g.add(new Comparisons.Missing(a.name(), nullsLeft, nullsRight, bit));
    }

    /** Sets {@code bit} of {@code mask[row]} for every missing (null or blank) value. */
    private static void nulls(String[] raw, long[] mask, int bit) {
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == null || raw[i].isBlank()) {
                mask[i] |= 1L << bit;
            }
        }
    }
}
