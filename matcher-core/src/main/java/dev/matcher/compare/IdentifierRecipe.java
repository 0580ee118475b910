package dev.matcher.compare;

import dev.matcher.text.Analyzer;
import dev.matcher.text.Analyzers;
import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import java.util.List;

/**
 * IDENTIFIER attributes (SKUs, ISBNs, phone numbers): exact, levenshtein, jaro_winkler and prefix on the letters and
 * digits alone, so {@code KDL-40V4100} and {@code kdl 40v4100} are equal.
 *
 * <pre>{@code
 * // sku.exact, sku.levenshtein, sku.jaro_winkler, sku.prefix
 * }</pre>
 */
final class IdentifierRecipe implements Recipe {
    @Override
    public void attribute(Attribute a, String[] left, String[] right, FeatureGenerator g) {
        if (a.kind() != AttributeKind.IDENTIFIER) {
            return;
        }
        String n = a.name();
        List<Measure> m = g.wanted(n, g.pick(
                List.of(Measure.EXACT, Measure.LEVENSHTEIN, Measure.JARO_WINKLER, Measure.PREFIX),
                List.of(Measure.DAMERAU_LEVENSHTEIN, Measure.JARO, Measure.LCS_SUBSTRING, Measure.LCS_SUBSEQUENCE)));
        if (!m.isEmpty()) {
            String[] l = g.prepare(left, IdentifierRecipe::alnum);
            g.add(FeatureGenerator.chars(n, l, g.dedup ? l : g.prepare(right, IdentifierRecipe::alnum), m));
        }
    }

    /** The identifier's letters and digits, repaired and folded; null stays null. */
    private static String alnum(String raw) {
        return raw == null ? null : ALNUM.joined(raw, "");
    }

    private static final Analyzer ALNUM = Analyzers.builder().repair().fold().runs().build();
}
