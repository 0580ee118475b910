package dev.matcher.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The text-analysis chains the library uses, and a builder for others ({@link Analyzer}). Features, token alignment,
 * variant extraction and classification read text through {@link #TEXT} (repair, fold, words); blocking keys through
 * {@link #KEYS} (fold, runs of letters and digits), {@link #keyGrams} and {@link #KEY_CODES}.
 *
 * <pre>{@code
 * Analyzers.TEXT.tokens("Crème  Brûlée 1,5 kg");               // [creme, brulee, 1,5, kg]
 * Analyzers.KEYS.joined("KDL-40V4100", "");                    // "kdl40v4100"
 * Analyzers.keyGrams(3).tokens("Anana");                       // [ana, nan]
 * Analyzer a = Analyzers.builder().fold().runs().distinct().build();
 * a;                                                           // Analyzer[fold > runs > distinct]
 * }</pre>
 */
public final class Analyzers {
    /** Repair of encoding damage, folding (NFKC, lower case, no accents), word tokens: the features' chain. */
    public static final Analyzer TEXT = builder().repair().fold().words().build();
    /** Word tokens of text that is prepared already ({@link #TEXT}'s {@code prepare}); no character steps. */
    public static final Analyzer WORDS = builder().words().build();
    /** Product codes ({@code KDL-40V4100 -> kdl40v4100}) of prepared text, sorted and distinct. */
    public static final Analyzer CODES = builder().codes().build();
    /** Folding, then runs of letters and digits: the blocking keys' chain ({@code prepare} folds only). */
    public static final Analyzer KEYS = builder().fold().runs().build();
    /** Blocking's product codes, with the parts of codes joined by {@code / | +}; first occurrences in order. */
    public static final Analyzer KEY_CODES = builder().keyCodes().build();

    private Analyzers() {
    }

    /** A new, empty chain: add character steps, one tokenizer, then filters. */
    public static Builder builder() {
        return new Builder();
    }

    /** Distinct q-grams of a value's folded letters and digits (a shorter value is its own gram), for blocking. */
    public static Analyzer keyGrams(int q) {
        return builder().fold().runs().join("").grams(q).build();
    }

    /**
     * Where the words of prepared text are, as {@code {start0, end0, start1, end1, ...}}: the tokens of
     * {@link #WORDS}, except that an apostrophe between letters stays inside a word ({@code men's}). For steps that
     * must say where they found something (variant extraction marks each value's place in a title).
     *
     * <pre>{@code
     * Analyzers.wordSpans("men's tee, 1.5 kg");   // [0, 5, 6, 9, 11, 14, 15, 17]
     * }</pre>
     */
    public static int[] wordSpans(String prepared) {
        return Tokenizer.wordSpans(prepared);
    }

    /** The tokens without repeats, first occurrences in order (the array itself when it has none). */
    public static String[] distinct(String[] tokens) {
        return KeyTokenizer.distinct(tokens);
    }

    /**
     * Builds an {@link Analyzer}: character steps first, then exactly one tokenizer, then filters, each applied in
     * the order added.
     */
    public static final class Builder {
        private final List<Chain.Step<UnaryOperator<String>>> characterSteps = new ArrayList<>();
        private Chain.Step<Function<String, String[]>> tokenizer;
        private final List<Chain.Step<UnaryOperator<String[]>>> filters = new ArrayList<>();

        private Builder() {
        }

        /** Repairs double-encoded UTF-8, HTML entities and control characters ({@code cafÃ© -> café}). */
        public Builder repair() {
            return character("repair", TextNormalizer::repair);
        }

        /** NFKC, lower case, accents removed ({@code Ｃafé -> cafe}, {@code ß -> ss}). */
        public Builder fold() {
            return character("fold", TextNormalizer::fold);
        }

        /** Word tokens: runs of letters and digits, with a decimal point or comma between digits kept inside. */
        public Builder words() {
            return tokenizer("words", Tokenizer::words);
        }

        /** Runs of letters and digits: every other character separates ({@code 1.5 -> 1, 5}). */
        public Builder runs() {
            return tokenizer("runs", KeyTokenizer::runs);
        }

        /**
         * Codes: chunks that, after dropping {@code - / . _ + #}, mix letters and digits (at least 3 characters) or
         * are digit runs of at least 6; numbers with units are not codes. Sorted and distinct.
         */
        public Builder codes() {
            return tokenizer("codes", Tokenizer::codes);
        }

        /**
         * Blocking's codes: blank-separated chunks folded and reduced to letters and digits that mix both (4
         * characters or more) or are digit runs of 4 or more, plus their parts when joined by {@code / | +}.
         */
        public Builder keyCodes() {
            return tokenizer("keyCodes", KeyTokenizer::codes);
        }

        /** Leaves out the tokens in {@code words} (e.g. {@link StopWords#ENGLISH}). */
        public Builder stopWords(Set<String> words) {
            Objects.requireNonNull(words, "words");
            return filter("stopWords", t -> Arrays.stream(t).filter(x -> !words.contains(x)).toArray(String[]::new));
        }

        /** Joins the tokens into one ("" when there are none). */
        public Builder join(String separator) {
            Objects.requireNonNull(separator, "separator");
            return filter("join", t -> new String[] {String.join(separator, t)});
        }

        /** Replaces each token by its distinct q-grams; a token shorter than q is its own gram, an empty one none. */
        public Builder grams(int q) {
            if (q < 1) {
                throw new IllegalArgumentException("q must be >= 1: " + q);
            }
            return filter("grams(" + q + ")", t -> {
                if (t.length == 1) {
                    return KeyTokenizer.grams(t[0], q);
                }
                List<String> out = new ArrayList<>();
                for (String s : t) {
                    out.addAll(Arrays.asList(KeyTokenizer.grams(s, q)));
                }
                return out.toArray(new String[0]);
            });
        }

        /** Drops repeated tokens, keeping first occurrences in order. */
        public Builder distinct() {
            return filter("distinct", KeyTokenizer::distinct);
        }

        /**
         * The chain.
         *
         * @throws IllegalStateException when no tokenizer was chosen
         */
        public Analyzer build() {
            if (tokenizer == null) {
                throw new IllegalStateException("an analyzer needs a tokenizer: words(), runs(), codes() or keyCodes()");
            }
            return new Chain(characterSteps, tokenizer, filters);
        }

        private Builder character(String name, UnaryOperator<String> step) {
            if (tokenizer != null) {
                throw new IllegalStateException(name + "() is a character step: add it before the tokenizer ("
                        + tokenizer.name() + ")");
            }
            characterSteps.add(new Chain.Step<>(name, step));
            return this;
        }

        private Builder tokenizer(String name, Function<String, String[]> step) {
            if (tokenizer != null) {
                throw new IllegalStateException("an analyzer has one tokenizer: " + tokenizer.name() + " is chosen, "
                        + name + " is not possible");
            }
            tokenizer = new Chain.Step<>(name, step);
            return this;
        }

        private Builder filter(String name, UnaryOperator<String[]> step) {
            if (tokenizer == null) {
                throw new IllegalStateException(name + "() filters tokens: choose a tokenizer first");
            }
            filters.add(new Chain.Step<>(name, step));
            return this;
        }
    }
}
