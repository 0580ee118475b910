package dev.matcher.blocking;

import dev.matcher.classify.Categorizer;
import dev.matcher.classify.RecordCategories;
import dev.matcher.data.Pairs;
import dev.matcher.data.Table;
import dev.matcher.data.Task;
import dev.matcher.util.Parallel;

import java.util.Arrays;
import java.util.List;

/**
 * Blocking by predicted category: a pair is a candidate when the two records' two most likely classes (at one label
 * level) overlap. Alone it makes one block per class, as large as the class (the usual size guard applies); in an
 * intersection ({@code Blockers.auto().and(Blockers.categories(c))}) it filters the other blocker's pairs without
 * building blocks: the same pairs, in linear time. Records are categorized once per table.
 */
final class CategoryBlocking implements BlockBuilder {
    private final Categorizer categorizer;
    /** The label level, or null for the finest. */
    private final String level;
    private final KeyBlocking blocks;

    CategoryBlocking(Categorizer categorizer, String level) {
        this.categorizer = categorizer;
        this.level = level;
        this.blocks = new KeyBlocking("categories", List.of(new Keys()), KeyBlocking.DEFAULT_MAX_BLOCK_SIZE);
    }

    @Override
    public Blocks blocks(Task task) {
        return blocks.blocks(task);
    }

    private int level(RecordCategories c) {
        if (level == null) {
            return c.labels().size() - 1;
        }
        int l = c.labels().indexOf(level);
        if (l < 0) {
            throw new IllegalArgumentException("blocking by the categories of '" + level + "': the categorizer "
                    + "predicts " + c.labels());
        }
        return l;
    }

    /** The two most likely classes of a record (those with a positive probability) are its keys. */
    private final class Keys implements KeyFunction {
        @Override
        public RowKeys bind(Table table) {
            RecordCategories c = categorizer.categorize(table);
            int l = level(c);
            return row -> {
                String a = c.probability(row, l, 0) > 0 ? c.name(row, l, 0) : null;
                String b = c.probability(row, l, 1) > 0 ? c.name(row, l, 1) : null;
                return a == null ? new String[0] : b == null || b.equals(a) ? new String[] {a} : new String[] {a, b};
            };
        }

        @Override
        public String toString() {
            return "top2(" + (level == null ? "categories" : level) + ")";
        }
    }

    /** The pairs of {@code pairs} whose records' two most likely classes overlap, in their order. */
    Pairs filter(Task task, Pairs pairs) {
        RecordCategories l = categorizer.categorize(task.left());
        RecordCategories r = task.isDeduplication() ? l : categorizer.categorize(task.right()).alignedTo(l);
        int level = level(l);
        int[] li = top2(l, level);
        int[] ri = r == l ? li : top2(r, level);
        long[] packed = pairs.toPacked();
        boolean[] keep = new boolean[packed.length];
        Parallel.forRange(packed.length, 1 << 14, (from, to) -> {
            for (int i = from; i < to; i++) {
                int a = Pairs.left(packed[i]) * 2;
                int b = Pairs.right(packed[i]) * 2;
                keep[i] = li[a] >= 0 && (li[a] == ri[b] || li[a] == ri[b + 1])
                        || li[a + 1] >= 0 && (li[a + 1] == ri[b] || li[a + 1] == ri[b + 1]);
            }
            return null;
        });
        int n = 0;
        for (int i = 0; i < packed.length; i++) {
            if (keep[i]) {
                packed[n++] = packed[i];
            }
        }
        return Pairs.fromPacked(Arrays.copyOf(packed, n));
    }

    /** Per row its two most likely class ids with a positive probability (-1 for none). */
    private static int[] top2(RecordCategories c, int level) {
        int[] ids = c.classIds(level);
        int[] out = new int[c.size() * 2];
        Arrays.fill(out, -1);
        for (int row = 0; row < c.size(); row++) {
            for (int k = 0; k < 2; k++) {
                if (c.probability(row, level, k) > 0) {
                    out[row * 2 + k] = ids[row * RecordCategories.TOP + k];
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "categories(" + (level == null ? categorizer : level) + ")";
    }
}
