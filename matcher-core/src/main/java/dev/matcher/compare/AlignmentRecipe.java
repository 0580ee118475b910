package dev.matcher.compare;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import java.util.List;

/**
 * Few-valued STRING, TEXT and CATEGORICAL attributes (2-64 distinct values per side, at least 4 records per value):
 * aligned, how often the two values meet in unlabelled anchor pairs ({@link ValueAlignment}). The anchors are found
 * once for all such attributes; a rebuilt spec gets the feature for the attributes it names.
 *
 * <pre>{@code
 * // venue.aligned: near 1 for "vldb" / "very large data bases"
 * }</pre>
 */
final class AlignmentRecipe implements Recipe {
    @Override
    public void record(List<Attribute> compared, FeatureGenerator g) {
        ValueAlignment alignment = null;
        for (Attribute a : compared) {
            String name = a.name() + "." + ValueAlignment.SUFFIX;
            boolean text = a.kind() == AttributeKind.STRING || a.kind() == AttributeKind.TEXT
                    || a.kind() == AttributeKind.CATEGORICAL;
            if (!text || !g.wants(name)) {
                continue;
            }
            String[] lv = g.values(a, true);
            String[] rv = g.dedup ? lv : g.values(a, false);
            if (g.rebuilding() ? g.selects(name) : ValueAlignment.eligible(lv, rv)) {
                if (g.applying()) {
                    throw new UnsupportedOperationException(name + ": value alignment's anchors cannot yet be "
                            + "applied to part of the tables; rebuild the space on the whole tables");
                }
                if (alignment == null) {
                    String[][] whole = g.records(compared);
                    alignment = ValueAlignment.of(whole[0], whole[1]);
                }
                g.add(alignment.compare(a.name(), lv, rv));
            }
        }
    }
}
