package dev.matcher.compare;

import dev.matcher.data.Attribute;
import dev.matcher.data.AttributeKind;
import java.util.List;

/**
 * Title-like TEXT and STRING attributes (2 to 40 tokens on average, at least 5% of the values holding a model code or
 * a number with a unit, as product offers do, on each side of a linkage; not mostly URLs): the {@link TokenAlignment} features — how much of each side's IDF mass
 * the other side explains, what is left over, and conflicting codes, quantities and numbers of the same type.
 *
 * <pre>{@code
 * // title.align_word_cov_min, title.align_code_conflict (1 for "i7-4790" vs "i3-4340"), title.align_qty_conflict
 * // (1 for "64gb" vs "128gb"), ...
 * }</pre>
 */
final class TokenAlignmentRecipe implements Recipe {
    static final double MIN_WORDS = 2;
    static final double MAX_WORDS = 40;
    static final double MIN_TYPED_SHARE = 0.05;

    @Override
    public void attribute(Attribute a, String[] left, String[] right, FeatureGenerator g) {
        if (a.kind() != AttributeKind.TEXT && a.kind() != AttributeKind.STRING) {
            return;
        }
        String n = a.name();
        List<String> names = TokenAlignment.SUFFIXES.stream().map(s -> n + "." + s).toList();
        if (g.rebuilding() ? names.stream().noneMatch(g::selects) : names.stream().noneMatch(g::wants)) {
            return;
        }
        if (g.rebuilding() || g.allMeasures() || eligible(left, right)) {
            TokenAlignment t = TokenAlignment.build(n, left, right, g.stripper(),
                    g.given("align:" + n, TokenAlignment.Fitted.class));
            g.fitted("align:" + n, t.fitted);
            g.add(t.comparison(n));
        }
    }

    /**
     * Short texts with codes or quantities, what a product title looks like: judged on a sample of at most 2,000
     * values per side, so that other attributes cost no profiles.
     */
    static boolean eligible(String[] left, String[] right) {
        String[] l = sample(left);
        String[] r = left == right ? l : sample(right);
        if (links(l) || links(r)) {
            return false;                                   // addresses of images or pages, not titles
        }
        return titles(TokenAlignment.build(l, l, null)) && (r == l || titles(TokenAlignment.build(r, r, null)));
    }

    /** Each side on its own: a feature about codes needs both sources to write them. */
    private static boolean titles(TokenAlignment t) {
        return t.meanWords >= MIN_WORDS && t.meanWords <= MAX_WORDS && t.codeOrQuantityShare >= MIN_TYPED_SHARE;
    }

    /** Whether at least half of the present values hold a URL. */
    private static boolean links(String[] values) {
        int present = 0;
        int links = 0;
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                present++;
                links += v.contains("://") ? 1 : 0;
            }
        }
        return present > 0 && 2 * links >= present;
    }

    private static String[] sample(String[] values) {
        int step = Math.max(1, values.length / 2000);
        String[] s = new String[(values.length + step - 1) / step];
        for (int i = 0, k = 0; i < values.length; i += step) {
            s[k++] = values[i];
        }
        return s;
    }
}
