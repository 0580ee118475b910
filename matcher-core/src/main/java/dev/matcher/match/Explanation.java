package dev.matcher.match;

import dev.matcher.data.TextTable;
import java.util.List;

/**
 * Why one pair got its score: each feature's value and its additive contribution to the raw score (exact TreeSHAP
 * for tree models), so that {@code base + sum(contributions) == raw}. Prints as a table sorted by the size of the
 * contribution; positive contributions push toward "match"; then both records' canonical variant values and the
 * verdict per dimension ({@code colour: grey (heather grey) [title] vs grey [attribute] -> EQUAL}).
 *
 * <pre>{@code
 * Explanation e = matcher.explain(left, right, 3, 17);
 * System.out.println(e);                // feature | value | contribution
 * e.top(3);                             // the three features that mattered most
 * }</pre>
 */
public record Explanation(String[] names, double[] values, double[] contributions, double base, double raw,
                         double probability, String unit, List<String> variants) {
    public Explanation {
        names = names.clone();
        values = values.clone();
        contributions = contributions.clone();
        variants = List.copyOf(variants);
    }

    /** Without variant values. */
    public Explanation(String[] names, double[] values, double[] contributions, double base, double raw,
                       double probability, String unit) {
        this(names, values, contributions, base, raw, probability, unit, List.of());
    }

    /** The same with these variant lines (one per dimension: both values and the verdict). */
    public Explanation withVariants(List<String> lines) {
        return new Explanation(names, values, contributions, base, raw, probability, unit, lines);
    }

    /** The same with another final probability (a rule overrode the model). */
    public Explanation withProbability(double p) {
        return new Explanation(names, values, contributions, base, raw, p, unit, variants);
    }

    /** Feature indices by decreasing absolute contribution. */
    public int[] order() {
        double[] magnitude = new double[contributions.length];
        for (int i = 0; i < magnitude.length; i++) {
            magnitude[i] = Math.abs(contributions[i]);
        }
        return Ranking.descending(magnitude);
    }

    /** The names of the {@code k} features with the largest absolute contributions. */
    public String[] top(int k) {
        return Ranking.top(names, order(), k);
    }

    public double contribution(String feature) {
        return Ranking.valueOf(names, contributions, feature);
    }

    @Override
    public String[] names() {
        return names.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] contributions() {
        return contributions.clone();
    }

    /** The table, with at most {@code rows} features (the rest summed in one line). */
    public String toString(int rows) {
        TextTable t = new TextTable("feature", "value", "contribution (" + unit + ")");
        int[] o = order();
        double rest = 0;
        int shown = 0;
        for (int i : o) {
            if (shown < rows && contributions[i] != 0) {
                t.row(names[i], String.format("%.3f", values[i]), String.format("%+.4f", contributions[i]));
                shown++;
            } else {
                rest += contributions[i];
            }
        }
        if (rest != 0) {
            t.row("(" + (o.length - shown) + " others)", "", String.format("%+.4f", rest));
        }
        StringBuilder v = new StringBuilder();
        if (!variants.isEmpty()) {
            v.append("variant values (left vs right -> verdict):\n");
            for (String line : variants) {
                v.append("  ").append(line).append('\n');
            }
        }
        return String.format("match probability %.3f (raw %.3f = base %.3f %+.3f)%n", probability, raw, base,
                raw - base) + t + v;
    }

    @Override
    public String toString() {
        return toString(15);
    }
}
