package dev.matcher.compare;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import dev.matcher.text.Years;
import dev.matcher.util.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The whole record {@code *} (with at least two compared attributes besides images, or columns no other column
 * corresponds to; see {@code FeatureGenerator.wholeRecord}): tfidf_cosine, token_jaccard,
 * idf_jaccard, codes_exact and numbers over all attributes' text joined, so values in the wrong column still count;
 * year_conflict when at least 2% of the records mention a year.
 *
 * <pre>{@code
 * // *.tfidf_cosine, *.token_jaccard, *.idf_jaccard, *.codes_exact, *.numbers, *.year_conflict
 * }</pre>
 */
final class WholeRecordRecipe implements Recipe {
    @Override
    public void record(List<Attribute> compared, FeatureGenerator g) {
        if (!g.wholeRecord(compared)) {
            return;
        }
        List<Measure> fixed = g.rebuilding() ? g.wanted("*", measures(null, true)) : null;
        boolean year = g.wants("*.year_conflict");
        if (fixed != null && fixed.isEmpty() && !year) {
            return;
        }
        String[][] whole = g.records(compared);
        String[] l = whole[0];
        String[] r = whole[1];
        if (fixed == null || !fixed.isEmpty()) {
            TextField f = TextField.build("*", l, r, new TextField.Options(false,
                    fixed == null || fixed.contains(Measure.CODES_EXACT) || fixed.contains(Measure.CODES_FUZZY),
                    fixed == null || fixed.contains(Measure.NUMBERS), false, g.stopWords(), g.stripper()),
                    g.given("text:*", TextField.Fitted.class));
            g.fitted("text:*", f.fitted());
            g.add(new Comparisons.Text("*", f, fixed != null ? fixed : measures(f, g.allMeasures())));
        }
        if (year) {
            years(l, r, g);
        }
    }

    /** The whole-record bundle; {@code f} (its statistics) is only read when not every measure is on. */
    private static List<Measure> measures(TextField f, boolean all) {
        List<Measure> m = new ArrayList<>(List.of(Measure.TFIDF_COSINE, Measure.TOKEN_JACCARD, Measure.IDF_JACCARD));
        if (all || f.codeShare >= 0.05) {
            m.add(Measure.CODES_EXACT);
            if (all) {
                m.add(Measure.CODES_FUZZY);                    // per attribute by default: costly over all codes
            }
        }
        if (all || f.numberShare >= 0.05) {
            m.add(Measure.NUMBERS);
        }
        return m;
    }

    /**
     * {@code *.year_conflict} over the whole record, so a year still counts when it sits in another column (dirty
     * data) or inside a date or title.
     */
    private static void years(String[] l, String[] r, FeatureGenerator g) {
        long[][] kl = new long[l.length][];
        long[][] kr = g.dedup ? kl : new long[r.length][];
        Parallel.forEach(l.length, i -> kl[i] = Years.in(l[i]));
        if (!g.dedup) {
            Parallel.forEach(r.length, i -> kr[i] = Years.in(r[i]));
        }
        if (g.allMeasures() || FeatureGenerator.common(kl, kr, g.dedup)) {
            g.add(new Comparisons.Variants(new String[] {"*.year_conflict"}, new long[][][] {kl},
                    new long[][][] {kr}));
        }
    }
}
