package dev.matcher.text;

import java.util.Set;

/**
 * A small English stop-word list (articles, prepositions, conjunctions, pronouns), used when stop-word removal is
 * switched on. Product words like "black" or "pack" are deliberately absent.
 *
 * <pre>{@code
 * StopWords.ENGLISH.contains("the");   // true
 * }</pre>
 */
public final class StopWords {
    /** The built-in English list. */
    public static final Set<String> ENGLISH = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "he", "in", "is", "it",
            "its", "of", "on", "or", "that", "the", "this", "to", "was", "were", "will", "with", "which", "who",
            "whom", "but", "not", "no", "so", "if", "then", "than", "there", "their", "they", "them", "these", "those",
            "into", "onto", "over", "under", "about", "after", "before", "between", "also", "our", "your", "you",
            "we", "us", "i", "me", "my", "she", "her", "his", "him", "been", "being", "do", "does", "did", "can",
            "could", "should", "would", "may", "might", "must", "shall", "all", "any", "each", "other", "such", "only",
            "own", "same", "too", "very", "just", "more", "most", "some", "via", "per", "new");

    private StopWords() {
    }
}
