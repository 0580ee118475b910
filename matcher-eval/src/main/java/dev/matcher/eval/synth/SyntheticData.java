package dev.matcher.eval.synth;

import dev.matcher.data.Pairs;
import dev.matcher.data.Table;

import java.util.Arrays;
import java.util.Locale;

/**
 * A generated table with its ground truth at two levels: {@code item(row)} groups exact duplicates (the same
 * person, the same product variant), {@code family(row)} groups the variants of one base product (for people,
 * family == item). Every item lies inside one family.
 *
 * <pre>{@code
 * SyntheticData d = ProductGenerator.builder().records(5_000).seed(7).build().generate();
 * Pairs duplicates = d.matches();          // same item
 * Pairs variants = d.familyMatches();      // same family (includes the duplicates)
 * }</pre>
 */
public final class SyntheticData {
    private final Table table;
    private final int[] items;
    private final int[] families;

    SyntheticData(Table table, int[] items, int[] families) {
        this.table = table;
        this.items = items;
        this.families = families;
    }

    public Table table() {
        return table;
    }

    public int size() {
        return items.length;
    }

    /** The exact-duplicate group of a row (ids are dense from 0 in order of generation). */
    public int item(int row) {
        return items[row];
    }

    /** The variant family of a row. */
    public int family(int row) {
        return families[row];
    }

    /** The item of every row (a copy). */
    public int[] items() {
        return items.clone();
    }

    /** The family of every row (a copy). */
    public int[] families() {
        return families.clone();
    }

    /** Every unordered pair of rows of one item, as (earlier row, later row), sorted. */
    public Pairs matches() {
        return pairsWithin(items);
    }

    /** Every unordered pair of rows of one family, as (earlier row, later row), sorted. */
    public Pairs familyMatches() {
        return pairsWithin(families);
    }

    public int itemCount() {
        return distinct(items);
    }

    public int familyCount() {
        return distinct(families);
    }

    private static int distinct(int[] groups) {
        return (int) Arrays.stream(groups).distinct().count();
    }

    private static Pairs pairsWithin(int[] groups) {
        long[] byGroup = new long[groups.length];   // group in the high bits, row in the low bits: sort groups rows
        for (int r = 0; r < groups.length; r++) {
            byGroup[r] = Pairs.pack(groups[r], r);
        }
        Arrays.sort(byGroup);
        long count = 0;
        for (int start = 0, end; start < byGroup.length; start = end) {
            end = groupEnd(byGroup, start);
            count += (long) (end - start) * (end - start - 1) / 2;
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(count + " pairs are too many to list");
        }
        long[] keys = new long[(int) count];
        int k = 0;
        for (int start = 0, end; start < byGroup.length; start = end) {
            end = groupEnd(byGroup, start);
            for (int i = start; i < end; i++) {
                for (int j = i + 1; j < end; j++) {
                    keys[k++] = Pairs.pack(Pairs.right(byGroup[i]), Pairs.right(byGroup[j]));
                }
            }
        }
        Arrays.sort(keys);
        return Pairs.fromPacked(keys);
    }

    private static int groupEnd(long[] byGroup, int start) {
        int group = Pairs.left(byGroup[start]);
        int end = start + 1;
        while (end < byGroup.length && Pairs.left(byGroup[end]) == group) {
            end++;
        }
        return end;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SyntheticData[%s: %d records, %d items, %d families, %d duplicate pairs]",
                table.name(), size(), itemCount(), familyCount(), matches().size()) + "\n" + table;
    }
}
