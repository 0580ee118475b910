/**
 * Text analysis, done once per record, in one chain of composable steps (Lucene-style): character steps (repair of
 * mojibake, HTML entities and control characters; NFKC, case and accent folding), one tokenizer (words, runs of
 * letters and digits, product codes such as {@code KDL-40V4100 -> kdl40v4100}), token filters (stop words, q-grams,
 * joining, duplicates), plus the typed views of prepared text (padded q-gram keys, numbers with units such as
 * {@code 1.5 kg -> 1500 g}). The public face is the {@link dev.matcher.text.Analyzer} interface and its factory
 * {@link dev.matcher.text.Analyzers}; the steps themselves are package-private. Blocking keys, features, token
 * alignment, variant extraction and classification all read text through it. Beside it: {@link
 * dev.matcher.text.StopWords}, {@link dev.matcher.text.Phonetics} (Soundex, Double Metaphone, NYSIIS via Commons
 * Codec), {@link dev.matcher.text.Years} (years anywhere in a text) and {@link dev.matcher.text.PersonList} (lists of
 * people's names); variant values such as colours and sizes: {@link dev.matcher.variant}.
 *
 * <pre>{@code
 * String s = Analyzers.TEXT.prepare("Sony KDL-40V4100 40\" LCD &amp; stand");   // "sony kdl-40v4100 40" lcd & stand"
 * String[] codes = Analyzers.CODES.tokens(s);                                    // [kdl40v4100]
 * Quantity[] q = Analyzers.WORDS.quantities(s);                                  // [40 in]
 * String[] keys = Analyzers.KEYS.tokens("Müller-Lüdenscheidt");                  // [muller, ludenscheidt]
 * }</pre>
 */
package dev.matcher.text;
