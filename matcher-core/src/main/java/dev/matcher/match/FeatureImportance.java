package dev.matcher.match;

import dev.matcher.data.TextTable;
import java.util.Arrays;

/**
 * Global feature importance: the mean absolute contribution of each feature to the raw score over (a sample of) the
 * training pairs. Prints as a table, most important first.
 *
 * <pre>{@code
 * FeatureImportance fi = matcher.featureImportance();
 * fi.top(5);            // five most useful features
 * System.out.println(fi);
 * }</pre>
 */
public record FeatureImportance(String[] names, double[] importance) {
    public FeatureImportance {
        names = names.clone();
        importance = importance.clone();
    }

    /** Feature indices by decreasing importance. */
    public int[] order() {
        return Ranking.descending(importance);
    }

    /** The names of the {@code k} most important features. */
    public String[] top(int k) {
        return Ranking.top(names, order(), k);
    }

    public double of(String feature) {
        return Ranking.valueOf(names, importance, feature);
    }

    @Override
    public String[] names() {
        return names.clone();
    }

    @Override
    public double[] importance() {
        return importance.clone();
    }

    @Override
    public String toString() {
        double total = Arrays.stream(importance).sum();
        TextTable t = new TextTable("feature", "importance", "share");
        for (int i : order()) {
            t.row(names[i], String.format("%.4f", importance[i]),
                    String.format("%.1f%%", total > 0 ? 100 * importance[i] / total : 0));
        }
        return t.toString();
    }
}
