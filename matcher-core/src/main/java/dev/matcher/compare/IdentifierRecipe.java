package dev.matcher.compare;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.text.TextNormalizer;
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

    private static String alnum(String raw) {
        String s = TextNormalizer.normalize(raw);
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
