package dev.matcher.compare;

import dev.matcher.text.Analyzers;
import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.text.PersonList;
import java.util.Arrays;

/**
 * Person lists (STRING or TEXT columns where most values list 2-4 word names, such as authors): list_size_ratio,
 * the shorter over the longer number of listed names.
 *
 * <pre>{@code
 * // authors.list_size_ratio: "a , b and c" vs "a and b" = 2 / 3
 * }</pre>
 */
final class PersonListRecipe implements Recipe {
    @Override
    public void attribute(Attribute a, String[] left, String[] right, FeatureGenerator g) {
        boolean text = a.kind() == AttributeKind.STRING || a.kind() == AttributeKind.TEXT;
        if (!text || !g.wants(a.name() + ".list_size_ratio") || !PersonList.isPersonListColumn(left)
                || !(g.dedup || PersonList.isPersonListColumn(right))) {
            return;
        }
        int[] lc = counts(left);
        g.add(new Comparisons.ListSize(a.name(), lc, g.dedup ? lc : counts(right)));
    }

    private static int[] counts(String[] raw) {
        int[] c = new int[raw.length];
        Arrays.setAll(c, i -> PersonList.count(Analyzers.TEXT.prepare(raw[i])));
        return c;
    }
}
