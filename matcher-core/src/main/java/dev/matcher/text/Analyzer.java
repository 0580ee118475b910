package dev.matcher.text;

/**
 * One text-analysis chain, in the manner of Lucene's analyzers: character steps (repair of encoding damage, folding
 * of case, accents and Unicode forms) turn raw text into prepared text, a tokenizer cuts it (words, runs of letters
 * and digits, product codes), token filters refine the tokens (stop words, q-grams, joining, duplicates). Every part
 * of the library that reads text (blocking keys, features, token alignment, variant extraction, classification)
 * goes through one of these; the ready-made chains and a builder are in {@link Analyzers}. Stateless and
 * thread-safe; meant to run once per record, never per pair.
 *
 * <pre>{@code
 * Analyzers.TEXT.prepare("TrÃ¶egs &amp; Co.");             // "troegs & co."
 * Analyzers.TEXT.tokens("Sony KDL-40V4100 40\" LCD");      // [sony, kdl, 40v4100, 40, lcd]
 * Analyzers.KEYS.tokens("Müller-Lüdenscheidt, 42!");       // [muller, ludenscheidt, 42]
 * Analyzer titles = Analyzers.builder().repair().fold().words().stopWords(StopWords.ENGLISH).build();
 * }</pre>
 */
public interface Analyzer {
    /** The text after the chain's character steps (the raw text itself when it has none); null stays null. */
    String prepare(String raw);

    /** The tokens of the text: character steps, then the tokenizer, then the filters, in order. Never null. */
    String[] tokens(String raw);

    /** The tokens joined by {@code separator} ("" when there are none). */
    default String joined(String raw, String separator) {
        return String.join(separator, tokens(raw));
    }

    /**
     * Character q-grams of the prepared text's words, padded with {@code q-1} boundary marks on both sides, as sorted
     * distinct 64-bit keys (exact for {@code q <= 4}: four 16-bit chars packed; hashed above).
     *
     * @throws IllegalArgumentException when {@code q < 1}
     */
    default long[] qgramKeys(String raw, int q) {
        return Tokenizer.qgrams(prepare(raw), q);
    }

    /**
     * Numbers with optional units in the prepared text, scaled to base units ({@code 1.5 kg -> 1500 g},
     * {@code 40" -> 40 in}); pack counts ({@code pack of 6}, {@code 6-pack}, {@code x6}).
     */
    default Quantity[] quantities(String raw) {
        return Tokenizer.quantities(prepare(raw));
    }

    /** Sorted distinct keys of {@link #quantities}; with {@code unitsOnly} plain numbers are left out. */
    default long[] quantityKeys(String raw, boolean unitsOnly) {
        return Tokenizer.quantityKeys(prepare(raw), unitsOnly);
    }
}
