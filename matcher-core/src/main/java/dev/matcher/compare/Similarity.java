package dev.matcher.compare;

import dev.matcher.text.Analyzers;


/**
 * A similarity of two attribute values, in {@code [0,1]} (1 = same). Implement it to add a custom feature to a
 * {@link FeatureSpace}; the space calls it only when both values are present (missing values give -1) and maps a
 * NaN result to -1 and clamps the rest to [0,1].
 *
 * <pre>{@code
 * Similarity sameFirstWord = (a, b) -> a.split(" ")[0].equalsIgnoreCase(b.split(" ")[0]) ? 1 : 0;
 * FeatureSpace fs = FeatureSpace.builder(left, right).add("title.first_word", sameFirstWord).build();
 * Similarity.JARO_WINKLER.score("MARTHA", "MARHTA");   // 0.961
 * }</pre>
 */
@FunctionalInterface
public interface Similarity {
    /** The similarity of two non-null raw values. */
    double score(String left, String right);

    /** Equality after normalisation (case, accents, encoding damage). */
    Similarity EXACT = (a, b) -> Measures.exact(Analyzers.TEXT.prepare(a), Analyzers.TEXT.prepare(b));
    /** Normalised Levenshtein similarity on the raw strings. */
    Similarity LEVENSHTEIN = Measures::levenshtein;
    /** Normalised Damerau-Levenshtein (optimal string alignment) similarity on the raw strings. */
    Similarity DAMERAU_LEVENSHTEIN = Measures::damerauLevenshtein;
    /** Jaro similarity on the raw strings. */
    Similarity JARO = Measures::jaro;
    /** Jaro-Winkler similarity on the raw strings. */
    Similarity JARO_WINKLER = Measures::jaroWinkler;
    /** Longest common substring / longer length. */
    Similarity LCS_SUBSTRING = Measures::lcsSubstring;
    /** Longest common subsequence / longer length. */
    Similarity LCS_SUBSEQUENCE = Measures::lcsSubsequence;
    /** Jaccard of the normalised word sets. */
    Similarity TOKEN_JACCARD = (a, b) -> {
        String[] x = Analyzers.TEXT.tokens(a);
        String[] y = Analyzers.TEXT.tokens(b);
        java.util.Set<String> sx = java.util.Set.of(java.util.Arrays.stream(x).distinct().toArray(String[]::new));
        long inter = java.util.Arrays.stream(y).distinct().filter(sx::contains).count();
        long union = sx.size() + java.util.Arrays.stream(y).distinct().count() - inter;
        return union == 0 ? 1 : (double) inter / union;
    };
    /** Jaccard of the padded character 3-gram sets of the normalised strings. */
    Similarity QGRAM_JACCARD = (a, b) -> Measures.jaccard(
            Analyzers.TEXT.qgramKeys(a, 3), Analyzers.TEXT.qgramKeys(b, 3));
    /** Symmetric Monge-Elkan over normalised words with Jaro-Winkler inside. */
    Similarity MONGE_ELKAN = (a, b) -> Measures.mongeElkan(Analyzers.TEXT.tokens(a),
            Analyzers.TEXT.tokens(b), Measures::jaroWinkler);
}
