package dev.matcher.cluster;

import dev.matcher.data.Pairs;
import dev.matcher.data.TextTable;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * Two levels of clusters for variant matching: <em>families</em> (e.g. one t-shirt in all colours and sizes),
 * clustered from scores that ignore the variant attributes, and inside each family its <em>items</em> (exact
 * duplicates: the same colour and size), clustered from exact-mode scores. An item never crosses families: the exact
 * pairs are restricted to records of one family before clustering.
 *
 * <pre>{@code
 * VariantFamilies v = VariantFamilies.cluster(n, variantScores, Clusterers.connectedComponents(0.5),
 *                                             exactScores, Clusterers.hierarchical(0.5, Linkage.AVERAGE))
 *                                    .withIds(ids);
 * v.familyId(7);   // the t-shirt
 * v.itemId(7);     // the red, size M t-shirt
 * }</pre>
 */
public final class VariantFamilies {
    private final Clusters families;
    private final Clusters items;
    private final int[] itemOffsets;
    private final int[] itemsByFamily;

    private VariantFamilies(Clusters families, Clusters items) {
        this.families = families;
        this.items = items;
        int f = families.count();
        itemOffsets = new int[f + 1];
        for (int i = 0; i < items.count(); i++) {
            itemOffsets[familyOfItem(i) + 1]++;
        }
        for (int k = 0; k < f; k++) {
            itemOffsets[k + 1] += itemOffsets[k];
        }
        itemsByFamily = new int[items.count()];
        int[] fill = Arrays.copyOf(itemOffsets, f);
        for (int i = 0; i < items.count(); i++) {
            itemsByFamily[fill[familyOfItem(i)]++] = i;
        }
    }

    private int familyOfItem(int item) {
        return families.clusterOf(items.members(item)[0]);
    }

    /**
     * Clusters families from {@code variantScores} with {@code familyClusterer}, then items from the
     * {@code exactScores} of pairs inside one family with {@code itemClusterer}.
     */
    public static VariantFamilies cluster(int recordCount, ScoredPairs variantScores, Clusterer familyClusterer,
                                          ScoredPairs exactScores, Clusterer itemClusterer) {
        Clusters families = familyClusterer.cluster(recordCount, variantScores);
        return of(families, itemClusterer.cluster(recordCount, inside(families, exactScores)));
    }

    /**
     * Families and items clustered elsewhere; an item that spans families is cut along the family borders.
     */
    public static VariantFamilies of(Clusters families, Clusters items) {
        if (families.size() != items.size()) {
            throw new IllegalArgumentException(families.size() + " records in families, " + items.size() + " in items");
        }
        int n = families.size();
        long[] key = new long[n];
        for (int r = 0; r < n; r++) {
            key[r] = ((long) families.clusterOf(r) << 32) | items.clusterOf(r);
        }
        // one label per (family, item) combination
        long[] distinct = Arrays.stream(key).distinct().sorted().toArray();
        int[] labels = new int[n];
        for (int r = 0; r < n; r++) {
            labels[r] = Arrays.binarySearch(distinct, key[r]);
        }
        Clusters nested = items.samePartition(Clusters.of(labels)) ? items : Clusters.of(labels);
        return new VariantFamilies(families, nested);
    }

    /** The exact pairs between records of the same family. */
    static ScoredPairs inside(Clusters families, ScoredPairs pairs) {
        int m = 0;
        for (int i = 0; i < pairs.size(); i++) {
            if (families.together(pairs.left(i), pairs.right(i))) {
                m++;
            }
        }
        int[] l = new int[m];
        int[] r = new int[m];
        double[] s = new double[m];
        for (int i = 0, k = 0; i < pairs.size(); i++) {
            if (families.together(pairs.left(i), pairs.right(i))) {
                l[k] = pairs.left(i);
                r[k] = pairs.right(i);
                s[k++] = pairs.score(i);
            }
        }
        return new ScoredPairs(Pairs.of(l, r), s);
    }

    /** Both levels with record ids (see {@link Clusters#withIds}). */
    public VariantFamilies withIds(String[] recordIds) {
        return withIds(recordIds, Clusters.NATURAL_ORDER);
    }

    public VariantFamilies withIds(String[] recordIds, Comparator<String> order) {
        return new VariantFamilies(families.withIds(recordIds, order), items.withIds(recordIds, order));
    }

    public Clusters families() {
        return families;
    }

    public Clusters items() {
        return items;
    }

    public int size() {
        return families.size();
    }

    public String familyId(int record) {
        return families.clusterId(record);
    }

    public String itemId(int record) {
        return items.clusterId(record);
    }

    /** The item cluster indices (of {@link #items()}) inside a family cluster index (of {@link #families()}). */
    public int[] itemsOf(int family) {
        return Arrays.copyOfRange(itemsByFamily, itemOffsets[family], itemOffsets[family + 1]);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "VariantFamilies[%d records in %d families of %d items]%n", size(), families.count(), items.count()));
        Integer[] order = new Integer[families.count()];
        for (int f = 0; f < order.length; f++) {
            order[f] = f;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer f) -> -families.size(f)).thenComparingInt(f -> f));
        TextTable table = new TextTable("family", "records", "items", "item ids (size)");
        for (int k = 0; k < Math.min(10, order.length) && families.size(order[k]) > 1; k++) {
            int f = order[k];
            StringBuilder itemList = new StringBuilder();
            for (int item : itemsOf(f)) {
                if (itemList.length() > 40) {
                    break;
                }
                itemList.append(itemList.length() == 0 ? "" : ", ").append(items.idOfCluster(item))
                        .append(" (").append(items.size(item)).append(')');
            }
            table.row(families.idOfCluster(f), families.size(f), itemOffsets[f + 1] - itemOffsets[f], itemList);
        }
        return sb.append(table).toString();
    }
}
