package dev.matcher.compare;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import java.util.function.UnaryOperator;

/**
 * STRING attributes (names, short titles, venues): exact, levenshtein, jaro_winkler, qgram_jaccard; token and TF-IDF
 * measures for multi-word columns; monge_elkan, soft_tfidf, abbreviation from 1.5 words on average; codes and numbers
 * when at least 5% of the values hold some; soundex, double_metaphone, nysiis for single names; and value_rarity.
 *
 * <pre>{@code
 * // surname.exact, surname.levenshtein, surname.jaro_winkler, surname.qgram_jaccard, surname.soundex, ...
 * }</pre>
 */
final class StringRecipe implements Recipe {
    @Override
    public void attribute(Attribute a, String[] left, String[] right, FeatureGenerator g) {
        if (a.kind() != AttributeKind.STRING) {
            return;
        }
        String n = a.name();
        TextRecipe.add(n, false, left, right, g);
        if (g.wants(n + "." + ValueRarity.SUFFIX)) {
            UnaryOperator<String> strip = g.stripper();
            String[] lk = g.prepare(left, v -> ValueRarity.key(v, strip));
            String[] rk = g.dedup ? lk : g.prepare(right, v -> ValueRarity.key(v, strip));
            @SuppressWarnings("unchecked")
            java.util.HashMap<String, Integer> counts = g.statistic("rarity:" + n, java.util.HashMap.class,
                    () -> ValueRarity.counts(lk, rk));
            g.add(ValueRarity.of(n, lk, rk, counts));
        }
    }
}
