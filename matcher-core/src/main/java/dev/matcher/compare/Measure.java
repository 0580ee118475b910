package dev.matcher.compare;

/** The string, token and code measures a text or code attribute can get; the suffix is the feature name. */
enum Measure {
    EXACT("exact"), LEVENSHTEIN("levenshtein"), DAMERAU_LEVENSHTEIN("damerau_levenshtein"), JARO("jaro"),
    JARO_WINKLER("jaro_winkler"), LCS_SUBSTRING("lcs_substring"), LCS_SUBSEQUENCE("lcs_subsequence"),
    ABBREVIATION("abbreviation"),
    PREFIX("prefix"), TOKEN_JACCARD("token_jaccard"), TOKEN_DICE("token_dice"), TOKEN_OVERLAP("token_overlap"),
    CONTAINMENT_LR("containment_lr"), CONTAINMENT_RL("containment_rl"), QGRAM_JACCARD("qgram_jaccard"),
    MONGE_ELKAN("monge_elkan"), TFIDF_COSINE("tfidf_cosine"), SOFT_TFIDF("soft_tfidf"), IDF_JACCARD("idf_jaccard"),
    CODES_EXACT("codes_exact"), CODES_FUZZY("codes_fuzzy"), NUMBERS("numbers"), SOUNDEX("soundex"),
    DOUBLE_METAPHONE("double_metaphone"), NYSIIS("nysiis");

    final String suffix;

    Measure(String suffix) {
        this.suffix = suffix;
    }

    /** Character-level measures: need only the two strings. */
    boolean isCharacter() {
        return ordinal() <= PREFIX.ordinal();
    }

    /** Measures that are 1 whenever the two prepared texts are equal (not codes, numbers or phonetic codes). */
    boolean isStringOrToken() {
        return ordinal() <= IDF_JACCARD.ordinal();
    }

    /** Measures computed from one merge of the two token-id sets. */
    boolean isTokenSet() {
        return switch (this) {
            case TOKEN_JACCARD, TOKEN_DICE, TOKEN_OVERLAP, CONTAINMENT_LR, CONTAINMENT_RL, TFIDF_COSINE,
                 IDF_JACCARD -> true;
            default -> false;
        };
    }

    /** Agreement of phonetic codes. */
    boolean isPhonetic() {
        return ordinal() >= SOUNDEX.ordinal();
    }

    /** Character-level measure of two non-null strings; {@code table}: a zeroed 256-entry scratch table. */
    static double character(Measure m, String a, String b, long[] table) {
        return switch (m) {
            case EXACT -> a.equals(b) ? 1 : 0;
            case LEVENSHTEIN -> Measures.levenshtein(a, b, table);
            case DAMERAU_LEVENSHTEIN -> Measures.damerauLevenshtein(a, b);
            case JARO -> Measures.jaro(a, b, table);
            case JARO_WINKLER -> Measures.jaroWinkler(a, b, table);
            case LCS_SUBSTRING -> Measures.lcsSubstring(a, b);
            case LCS_SUBSEQUENCE -> Measures.lcsSubsequence(a, b);
            case ABBREVIATION -> Abbreviations.similarity(a, b);
            case PREFIX -> Measures.prefix(a, b);
            default -> throw new IllegalArgumentException(m + " is not a character measure");
        };
    }
}
