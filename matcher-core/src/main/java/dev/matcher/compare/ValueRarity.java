package dev.matcher.compare;

import dev.matcher.text.Analyzers;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code attr.value_rarity}: 1 / the number of records, in both tables together (once in deduplication), that hold
 * the more common of the pair's two values (compared after normalisation, punctuation ignored); -1 when either is
 * missing. Agreeing on a value held by one record per table (0.5) is strong evidence; agreeing on a recurring value
 * ({@code editorial}, {@code book review column}, {@code keynote address}) is weak, and the model should then look at
 * the other attributes. This is the frequency-based weighting of Fellegi and Sunter for free-text strings, where
 * {@code tf_agree} does it for categories.
 */
final class ValueRarity extends Comparison {
    static final String SUFFIX = "value_rarity";

    private final int[] left;
    private final int[] right;

    private ValueRarity(String attribute, int[] left, int[] right) {
        super(new String[] {attribute + "." + SUFFIX});
        this.left = left;
        this.right = right;
    }

    /**
     * The value as compared: normalised words joined by single blanks, punctuation dropped (null stays null); with a
     * stripper (VARIANT mode) its variant words are removed first, so the colours and sizes of one product share a
     * value, as in every other text feature of that mode.
     */
    static String key(String raw, UnaryOperator<String> variants) {
        String norm = Analyzers.TEXT.prepare(raw);
        return norm == null ? null : Analyzers.WORDS.joined(variants == null ? norm : variants.apply(norm), " ");
    }

    /**
     * Counts the keys ({@link #key}; null or blank when missing) of both columns ({@code right == left} for
     * deduplication).
     */
    static ValueRarity of(String attribute, String[] l, String[] r) {
        return of(attribute, l, r, counts(l, r));
    }

    /** The counts of the keys of both columns (once in deduplication): this feature's corpus statistic. */
    static HashMap<String, Integer> counts(String[] l, String[] r) {
        HashMap<String, Integer> counts = new HashMap<>();
        for (String[] side : l == r ? new String[][] {l} : new String[][] {l, r}) {
            for (String v : side) {
                if (v != null && !v.isBlank()) {
                    counts.merge(v, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** As {@link #of(String, String[], String[])} with the counts given (fitted on tables holding these). */
    static ValueRarity of(String attribute, String[] l, String[] r, Map<String, Integer> counts) {
        int[] lc = counted(attribute, l, counts);
        return new ValueRarity(attribute, lc, l == r ? lc : counted(attribute, r, counts));
    }

    private static int[] counted(String attribute, String[] keys, Map<String, Integer> counts) {
        int[] c = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null && !keys[i].isBlank()) {
                Integer k = counts.get(keys[i]);
                if (k == null) {
                    throw new IllegalArgumentException(attribute + ": the value '" + keys[i] + "' is not in the "
                            + "given statistics; they were fitted on other tables");
                }
                c[i] = k;
            }
        }
        return c;
    }

    @Override
    void compare(int l, int r, double[] out, Scratch scratch) {
        int a = left[l];
        int b = right[r];
        put(out, 0, a == 0 || b == 0 ? -1 : 1.0 / Math.max(a, b));
    }
}
