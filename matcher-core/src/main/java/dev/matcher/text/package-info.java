/**
 * Text preparation, done once per record: {@link dev.matcher.text.TextNormalizer} (mojibake and HTML-entity repair,
 * NFKC, case and accent folding), {@link dev.matcher.text.Tokenizer} (words, padded q-grams, codes such as
 * {@code KDL-40V4100 -> kdl40v4100}, numbers with units such as {@code 1.5 kg -> 1500 g}),
 * {@link dev.matcher.text.StopWords}, {@link dev.matcher.text.Phonetics} (Soundex, Double Metaphone, NYSIIS via
 * Commons Codec), (variant values such as colours and sizes: {@link dev.matcher.variant}),
 * {@link dev.matcher.text.Years} (years anywhere in a text) and {@link dev.matcher.text.PersonList} (lists of
 * people's names).
 *
 * <pre>{@code
 * String s = TextNormalizer.normalize("Sony KDL-40V4100 40\" LCD &amp; stand");   // "sony kdl-40v4100 40" lcd & stand"
 * String[] codes = Tokenizer.codes(s);                                            // [kdl40v4100]
 * Quantity[] q = Tokenizer.quantities(s);                                         // [40 in]
 * }</pre>
 */
package dev.matcher.text;
