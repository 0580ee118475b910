package dev.matcher.compare;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.text.TextNormalizer;
import dev.matcher.util.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Variants, in EXACT mode only: variant.colour_conflict, size_conflict, capacity_conflict, pack_conflict and one per
 * learned category, over the variant attributes and the text of the others (name-like columns excepted: "green" and
 * "rose" are names there), when at least 2% of the records mention such values.
 *
 * <pre>{@code
 * // variant.colour_conflict: 1 for "black" vs "white", 0 for "black" vs "black / grey", -1 when either names none
 * }</pre>
 */
final class VariantRecipe implements Recipe {
    @Override
    public void record(List<Attribute> compared, FeatureGenerator g) {
        if (g.neutralize()) {
            return;
        }
        List<Attribute> used = new ArrayList<>();
        for (Attribute a : compared) {
            boolean text = a.kind() == AttributeKind.TEXT || a.kind() == AttributeKind.STRING
                    || a.kind() == AttributeKind.CATEGORICAL;
            if (g.isVariantField(a.name()) || text && !g.statistic("name_like:" + a.name(), Boolean.class,
                    () -> nameLike(g, a))) {
                used.add(a);
            }
        }
        if (used.isEmpty()
                || g.vocabulary.categories().stream().noneMatch(c -> g.wants(Comparisons.Variants.name(c)))) {
            return;
        }
        String[] l = g.prepare(g.concat(true, used, false), TextNormalizer::normalize);
        String[] r = g.dedup ? l : g.prepare(g.concat(false, used, false), TextNormalizer::normalize);
        List<String> categories = new ArrayList<>();
        List<long[][]> lk = new ArrayList<>();
        List<long[][]> rk = new ArrayList<>();
        for (String c : g.vocabulary.categories()) {
            if (!g.wants(Comparisons.Variants.name(c))) {
                continue;
            }
            long[][] kl = keys(g, c, l);
            long[][] kr = g.dedup ? kl : keys(g, c, r);
            if (g.allMeasures() || common(kl, kr, g.dedup)) {
                categories.add(c);
                lk.add(kl);
                rk.add(kr);
            }
        }
        if (!categories.isEmpty()) {
            g.add(new Comparisons.Variants(categories, lk.toArray(new long[0][][]), rk.toArray(new long[0][][])));
        }
    }

    /** Whether at least 2% of the records (of both tables, once in deduplication) have keys. */
    static boolean common(long[][] left, long[][] right, boolean dedup) {
        long present = Arrays.stream(left).filter(k -> k.length > 0).count()
                + (dedup ? 0 : Arrays.stream(right).filter(k -> k.length > 0).count());
        long total = left.length + (dedup ? 0 : right.length);
        return present >= Math.max(1, 0.02 * total);
    }

    /** Mostly one or two words of letters, as in person, street and town names (a sample of the left values). */
    private static boolean nameLike(FeatureGenerator g, Attribute attribute) {
        String[] v = g.values(attribute, true);
        long present = 0;
        long names = 0;
        for (int i = 0; i < v.length; i += Math.max(1, v.length / 2000)) {
            String s = TextNormalizer.normalize(v[i]);
            if (s == null || s.isBlank()) {
                continue;
            }
            present++;
            if (s.length() <= 24 && s.split("\\s+").length <= 2
                    && s.chars().allMatch(c -> c == ' ' || Character.isLetter(c))) {
                names++;
            }
        }
        return present > 0 && names >= 0.8 * present;
    }

    private static long[][] keys(FeatureGenerator g, String category, String[] text) {
        long[][] k = new long[text.length][];
        Parallel.forEach(text.length, i -> k[i] = g.vocabulary.mentionKeys(category, text[i]));
        return k;
    }
}
