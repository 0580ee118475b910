package dev.matcher.compare;

import dev.matcher.classify.RecordCategories;
import dev.matcher.data.Attribute;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code category_agree} features, when the builder was given each record's predicted categories
 * ({@link FeatureSpaceBuilder#categories}): per label level {@code L}, whether the two records' most likely classes
 * are equal ({@code category_agree.L.top1}), whether their two most likely overlap ({@code .top2}) and the
 * probability that both are of one class, over their top classes ({@code .mass}); -1 when a record has no category.
 * Computed from flat per-record arrays: the records were categorized once, not per pair.
 */
final class CategoryAgreementRecipe implements Recipe {
    static final String PREFIX = "category_agree.";
    static final List<String> SUFFIXES = List.of("top1", "top2", "mass");

    /** The feature names for categories of these labels, level by level. */
    static List<String> names(List<String> labels) {
        List<String> out = new ArrayList<>();
        for (String label : labels) {
            for (String s : SUFFIXES) {
                out.add(PREFIX + label + "." + s);
            }
        }
        return out;
    }

    /** The label levels named by {@code category_agree} features among these names, in order: the inverse of {@link #names}. */
    static List<String> labels(List<String> names) {
        List<String> labels = new ArrayList<>();
        for (String n : names) {
            int last = n.lastIndexOf('.');
            if (n.startsWith(PREFIX) && last > PREFIX.length() && SUFFIXES.contains(n.substring(last + 1))) {
                String label = n.substring(PREFIX.length(), last);
                if (!labels.contains(label)) {
                    labels.add(label);
                }
            }
        }
        return labels;
    }

    @Override
    public void record(List<Attribute> compared, FeatureGenerator g) {
        RecordCategories[] c = g.categories();
        if (c == null) {
            return;
        }
        List<String> names = names(c[0].labels());
        if (names.stream().anyMatch(g::wants)) {
            g.add(new Agreement(names.toArray(new String[0]), c[0], c[1]));
        }
    }

    static final class Agreement extends Comparison {
        private static final int TOP = RecordCategories.TOP;
        private final int[][] leftIds;
        private final int[][] rightIds;
        private final float[][] leftProbs;
        private final float[][] rightProbs;

        Agreement(String[] names, RecordCategories left, RecordCategories right) {
            super(names);
            RecordCategories r = right == left ? left : right.alignedTo(left);
            int levels = left.labels().size();
            leftIds = new int[levels][];
            rightIds = new int[levels][];
            leftProbs = new float[levels][];
            rightProbs = new float[levels][];
            for (int l = 0; l < levels; l++) {
                leftIds[l] = left.classIds(l);
                leftProbs[l] = left.probabilities(l);
                rightIds[l] = r == left ? leftIds[l] : r.classIds(l);
                rightProbs[l] = r == left ? leftProbs[l] : r.probabilities(l);
            }
        }

        @Override
        void compare(int l, int r, double[] out, Scratch scratch) {
            int a = l * TOP;
            int b = r * TOP;
            for (int level = 0; level < leftIds.length; level++) {
                int[] li = leftIds[level];
                int[] ri = rightIds[level];
                int k = level * 3;
                if (li[a] < 0 || ri[b] < 0) {
                    put(out, k, -1);
                    put(out, k + 1, -1);
                    put(out, k + 2, -1);
                    continue;
                }
                float[] lp = leftProbs[level];
                float[] rp = rightProbs[level];
                double mass = 0;
                boolean top2 = false;
                for (int i = 0; i < TOP; i++) {
                    int c = li[a + i];
                    if (c < 0) {
                        break;
                    }
                    for (int j = 0; j < TOP; j++) {
                        if (ri[b + j] == c) {
                            mass += (double) lp[a + i] * rp[b + j];
                            top2 |= i < 2 && j < 2;
                        }
                    }
                }
                put(out, k, li[a] == ri[b] ? 1 : 0);
                put(out, k + 1, top2 ? 1 : 0);
                put(out, k + 2, Math.min(1, mass));
            }
        }
    }
}
