package dev.matcher.compare;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.text.Analyzers;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CATEGORICAL attributes (brands, genres, cities): exact, jaro_winkler, tf_agree (agreeing on a rare value counts
 * more) and path_prefix for category paths such as {@code a > b > c}.
 *
 * <pre>{@code
 * // genre.exact, genre.jaro_winkler, genre.tf_agree, genre.path_prefix
 * }</pre>
 */
final class CategoryRecipe implements Recipe {
    private static final Pattern PATH = Pattern.compile("\\s*(>|/|\\||»|::)\\s*");

    @Override
    public void attribute(Attribute a, String[] left, String[] right, FeatureGenerator g) {
        if (a.kind() != AttributeKind.CATEGORICAL) {
            return;
        }
        String n = a.name();
        List<Measure> m = g.wanted(n, g.pick(List.of(Measure.EXACT, Measure.JARO_WINKLER),
                List.of(Measure.LEVENSHTEIN)));
        if (m.isEmpty() && !g.wantsAny(n, List.of("tf_agree", "path_prefix"))) {
            return;
        }
        String[] l = g.prepare(left, Analyzers.TEXT::prepare);
        String[] r = g.dedup ? l : g.prepare(right, Analyzers.TEXT::prepare);
        Fitted fit = g.statistic("category:" + n, Fitted.class, () -> fit(l, r, g.dedup));
        float[] freq = new float[l.length];
        for (int i = 0; i < l.length; i++) {
            if (l[i] != null) {
                Integer c = fit.counts.get(l[i]);
                if (c == null) {
                    throw new IllegalArgumentException(n + ": the value '" + l[i] + "' is not in the given "
                            + "statistics; they were fitted on other tables");
                }
                freq[i] = (float) c / fit.total;
            }
        }
        boolean paths = fit.paths;
        String[][] lp = paths ? paths(l) : null;
        String[][] rp = paths ? (g.dedup ? lp : paths(r)) : null;
        int[][] ids = Comparison.valueIds(l, r);
        if (!m.isEmpty()) {
            g.add(new Comparisons.Chars(n, l, r, ids, m));
        }
        g.add(new Comparisons.Categorical(n, ids, freq, lp, rp));
    }

    /** The corpus statistics of a category: value counts over both tables, their total, whether values are paths. */
    record Fitted(HashMap<String, Integer> counts, int total, boolean paths) implements java.io.Serializable {
    }

    private static Fitted fit(String[] l, String[] r, boolean dedup) {
        HashMap<String, Integer> counts = new HashMap<>();
        int total = 0;
        for (String[] side : dedup ? List.<String[]>of(l) : List.<String[]>of(l, r)) {
            for (String v : side) {
                if (v != null) {
                    counts.merge(v, 1, Integer::sum);
                    total++;
                }
            }
        }
        long withPath = Arrays.stream(l).filter(v -> v != null && PATH.matcher(v).find()).count();
        boolean paths = withPath >= 0.2 * Math.max(1, Arrays.stream(l).filter(v -> v != null).count());
        return new Fitted(counts, total, paths);
    }

    private static String[][] paths(String[] v) {
        String[][] p = new String[v.length][];
        for (int i = 0; i < v.length; i++) {
            p[i] = v[i] == null ? new String[0] : PATH.split(v[i]);
        }
        return p;
    }
}
