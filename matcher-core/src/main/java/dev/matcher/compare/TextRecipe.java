package dev.matcher.compare;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * TEXT attributes (descriptions, titles, abstracts): token_jaccard, qgram_jaccard, tfidf_cosine, idf_jaccard,
 * containment_lr/rl; codes and numbers when at least 5% of the values hold some. The same {@link TextField}
 * comparison serves STRING attributes ({@link StringRecipe}) with character and name measures added.
 *
 * <pre>{@code
 * // description.token_jaccard, description.qgram_jaccard, description.tfidf_cosine, description.idf_jaccard, ...
 * }</pre>
 */
final class TextRecipe implements Recipe {
    @Override
    public void attribute(Attribute a, String[] left, String[] right, FeatureGenerator g) {
        if (a.kind() == AttributeKind.TEXT) {
            add(a.name(), true, left, right, g);
        }
    }

    /** The text comparison of a TEXT ({@code isText}) or STRING attribute. */
    static void add(String n, boolean isText, String[] lraw, String[] rraw, FeatureGenerator g) {
        // rebuilding a spec: the measures are known before the profiles, which then hold only what they need
        List<Measure> fixed = g.rebuilding() ? g.wanted(n, measures(null, isText, g.allMeasures())) : null;
        if (fixed != null && fixed.isEmpty()) {
            return;
        }
        TextField.Options o = fixed == null
                ? new TextField.Options(true, true, true, !isText, g.stopWords(), g.stripper())
                : new TextField.Options(fixed.contains(Measure.QGRAM_JACCARD),
                        fixed.contains(Measure.CODES_EXACT) || fixed.contains(Measure.CODES_FUZZY),
                        fixed.contains(Measure.NUMBERS), fixed.stream().anyMatch(Measure::isPhonetic),
                        g.stopWords(), g.stripper());
        TextField f = TextField.build(n, lraw, rraw, o, g.given("text:" + n, TextField.Fitted.class));
        g.fitted("text:" + n, f.fitted());
        g.add(new Comparisons.Text(n, f, fixed != null ? fixed : measures(f, isText, g.allMeasures())));
    }

    /** The bundle for a text attribute; {@code f} (its statistics) is only read when not every measure is on. */
    private static List<Measure> measures(TextField f, boolean isText, boolean all) {
        List<Measure> m = new ArrayList<>();
        if (!isText) {
            m.addAll(List.of(Measure.EXACT, Measure.LEVENSHTEIN, Measure.JARO_WINKLER));
            if (all) {
                m.addAll(List.of(Measure.DAMERAU_LEVENSHTEIN, Measure.JARO, Measure.LCS_SUBSTRING,
                        Measure.LCS_SUBSEQUENCE, Measure.PREFIX));
            }
        }
        if (all || isText || f.meanWords >= 1.2) {    // single words: token sets add nothing to exact
            m.addAll(List.of(Measure.TOKEN_JACCARD, Measure.TFIDF_COSINE));
        }
        m.add(Measure.QGRAM_JACCARD);
        if (isText || all) {
            m.add(Measure.IDF_JACCARD);
            m.add(Measure.CONTAINMENT_LR);
            m.add(Measure.CONTAINMENT_RL);
        }
        if (all) {
            m.addAll(List.of(Measure.TOKEN_DICE, Measure.TOKEN_OVERLAP));
        }
        if (all || (!isText && f.meanWords >= 1.5)) {
            m.add(Measure.MONGE_ELKAN);
            m.add(Measure.SOFT_TFIDF);
            m.add(Measure.ABBREVIATION);     // acronyms and abbreviated words: multi-word names, venues, streets
        }
        if (all || f.codeShare >= 0.05) {
            m.add(Measure.CODES_EXACT);
            m.add(Measure.CODES_FUZZY);
        }
        if (all || f.numberShare >= 0.05) {
            m.add(Measure.NUMBERS);
        }
        if (!isText && (all || (f.nameLike >= 0.8 && f.meanWords < 1.3))) {   // single names
            m.addAll(List.of(Measure.SOUNDEX, Measure.DOUBLE_METAPHONE, Measure.NYSIIS));
        }
        return m;
    }
}
