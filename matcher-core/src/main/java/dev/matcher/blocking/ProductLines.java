package dev.matcher.blocking;

import dev.matcher.text.Analyzers;
import dev.matcher.data.Table;
import dev.matcher.variant.VariantExtractor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Variant-aware blocking keys: the product line of each record — its title with every variant mention removed
 * ({@link VariantExtractor#productLines}: colours, sizes, capacities, packs, {@code Colour:} labels, {@code - Navy / XL}
 * slots) — and of that line the words that are not template words (in more than {@link #MAX_SHARE} of the records, and at least {@link #MIN_TEMPLATE}:
 * {@code the}, {@code new}, a shop's product type; plurals folded to the singular); a key is any two of the first {@link #WORDS} such words,
 * so brand + line ({@code acme essential}), line + number ({@code nova 12}) and line + type each make a block, and
 * one word no listing of the family shares (a dropped brand, a shop's own type word) does not lose the pair. The
 * variants of one product then share their blocks, and frequent words never decide.
 *
 * <pre>{@code
 * KeyFunction k = ProductLines.keys(VariantExtractor.defaults());
 * k.bind(products).keys(0);    // "Acme Essential Tee - Navy / XL" -> [acme essential, acme tee, essential tee]
 * }</pre>
 */
final class ProductLines implements KeyFunction {
    /** Words in more records than this share are template words. */
    static final double MAX_SHARE = 0.2;
    /** A word in fewer records is never a template word (a small table has no evidence of one). */
    static final int MIN_TEMPLATE = 50;
    /** Words of a line that make keys. */
    static final int WORDS = 6;

    private final VariantExtractor extractor;

    ProductLines(VariantExtractor extractor) {
        this.extractor = extractor;
    }

    @Override
    public RowKeys bind(Table table) {
        String[] lines = extractor.productLines(table);
        String[][] words = new String[lines.length][];
        Map<String, Integer> df = new HashMap<>();
        for (int i = 0; i < lines.length; i++) {
            Set<String> w = new LinkedHashSet<>();
            for (String t : Analyzers.WORDS.tokens(lines[i] == null ? "" : lines[i])) {
                w.add(singular(t));
            }
            words[i] = w.toArray(new String[0]);
            for (String t : words[i]) {
                df.merge(t, 1, Integer::sum);
            }
        }
        double max = Math.max(MIN_TEMPLATE, MAX_SHARE * lines.length);
        return row -> {
            String[] kept = new String[WORDS];
            int n = 0;
            for (String t : words[row]) {
                if (n < WORDS && df.get(t) <= max && (t.length() > 1 || Character.isDigit(t.charAt(0)))) {
                    kept[n++] = t;
                }
            }
            if (n == 1) {
                return new String[] {kept[0]};
            }
            String[] keys = new String[n * (n - 1) / 2];
            int k = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    keys[k++] = kept[i].compareTo(kept[j]) < 0 ? kept[i] + " " + kept[j] : kept[j] + " " + kept[i];
                }
            }
            return Analyzers.distinct(keys);
        };
    }

    /** A plural's simple singular ({@code sheets -> sheet}; not {@code glass}, {@code bus}): one key for both. */
    static String singular(String w) {
        return w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")
                ? w.substring(0, w.length() - 1) : w;
    }

    @Override
    public String toString() {
        return "productLines";
    }
}
