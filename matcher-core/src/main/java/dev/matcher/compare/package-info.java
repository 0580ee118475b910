/**
 * Pairwise similarity features. {@link dev.matcher.compare.FeatureSpace} derives a named feature vector from two
 * tables' schemas and computes it per pair without allocating; {@link dev.matcher.compare.FeatureSpaceBuilder} sets
 * its options (one package-private recipe per attribute kind chooses the features);
 * {@link dev.matcher.compare.Measures} holds the kernels; {@link dev.matcher.compare.Similarity} is the interface for
 * custom features; image columns are compared by perceptual hashes (package-private {@code ImageHash});
 * {@link dev.matcher.compare.ColumnCorrespondence} finds which attributes of two tables correspond (by name, values
 * and unlabelled anchors) when they are not named alike; {@link dev.matcher.compare.RecordSimilarity} is the
 * whole-record TF-IDF cosine on its own.
 *
 * <p>Values: similarities in [0,1] (1 = same); -1 when a value is missing on either side; {@code *_null}
 * indicators are 0/1; {@code abs_diff}, {@code log_ratio} and {@code day_diff} are non-negative distances.
 *
 * <p>Threads: building a space (the per-record profiles) and {@code compute(Pairs)} run in the
 * {@link java.util.concurrent.ForkJoinPool} the caller runs in, the common pool by default; to bound the threads,
 * call from your own: {@code new ForkJoinPool(2).submit(() -> fs.compute(pairs)).join()}. Values do not depend on
 * the pool size.
 *
 * <h2>Measures (feature suffix: definition)</h2>
 * <ul>
 * <li>{@code exact}: 1 if the normalised values are equal, else 0.</li>
 * <li>{@code levenshtein}: 1 - edit distance (insert/delete/substitute) / longer length.</li>
 * <li>{@code damerau_levenshtein}: as levenshtein, adjacent transpositions cost 1 (optimal string alignment).</li>
 * <li>{@code jaro}: (m/|a| + m/|b| + (m - t)/m) / 3 over m characters matching within max(|a|,|b|)/2 - 1
 *     positions, t half the transposed matches.</li>
 * <li>{@code jaro_winkler}: jaro + 0.1 * l * (1 - jaro), l = common prefix up to 4, when jaro >= 0.7.</li>
 * <li>{@code lcs_substring}: longest common contiguous substring / longer length.</li>
 * <li>{@code lcs_subsequence}: longest common subsequence / longer length.</li>
 * <li>{@code prefix}: common prefix length / shorter length.</li>
 * <li>{@code abbreviation}: share of each side's words the other side explains, both directions averaged; a word is
 *     explained by an equal word, an abbreviation (same first letter, the shorter's letters in order in the longer:
 *     {@code trans}/{@code transactions}, {@code j}/{@code journal}; stop words abbreviate nothing) or an acronym
 *     ({@code vldb} explains {@code very large data bases}; stop words optional in the initials). See
 *     {@code Abbreviations}.</li>
 * <li>{@code token_jaccard}, {@code token_dice}, {@code token_overlap}: |A∩B| / |A∪B|, 2|A∩B| / (|A|+|B|),
 *     |A∩B| / min(|A|,|B|) over word sets.</li>
 * <li>{@code containment_lr}, {@code containment_rl}: |A∩B| / |A| and |A∩B| / |B|.</li>
 * <li>{@code qgram_jaccard}: Jaccard of padded character 3-gram sets.</li>
 * <li>{@code monge_elkan}: mean over tokens of the best Jaro-Winkler match on the other side, both directions
 *     averaged.</li>
 * <li>{@code tfidf_cosine}: cosine of (1 + ln tf) * idf word vectors, idf fitted on both tables.</li>
 * <li>{@code soft_tfidf}: TF-IDF cosine where tokens with Jaro-Winkler >= 0.9 count as shared, weighted by that
 *     similarity (Cohen, Ravikumar and Fienberg 2003), both directions averaged.</li>
 * <li>{@code idf_jaccard}: Σ idf(A∩B) / Σ idf(A∪B), an IDF-weighted token overlap.</li>
 * <li>{@code codes_exact}: share of the smaller set of extracted codes found in the other set.</li>
 * <li>{@code codes_fuzzy}: mean over the smaller code set of the best normalised Levenshtein to the other set.</li>
 * <li>{@code numbers}: overlap coefficient of the numbers-with-units sets (units scaled: 1 tb = 1000 gb).</li>
 * <li>{@code soundex}, {@code double_metaphone}, {@code nysiis}: 1 if the phonetic codes agree.</li>
 * <li>{@code abs_diff}: |a - b|; {@code rel_sim}: 1 - |a - b| / max(|a|,|b|);
 *     {@code log_ratio}: |ln(1+|a|) - ln(1+|b|)|; {@code within_1pct}: 1 if |a - b| &lt;= 1% of max(|a|,|b|).</li>
 * <li>{@code gauss}, {@code linear}, {@code exp}: decays of |a - b| that are 1 at 0 and 0.5 at a scale of a tenth
 *     of the column's median absolute deviation: 2^-(d/s)^2, max(0, 1 - d/2s), 2^-(d/s).</li>
 * <li>{@code day_diff}: |days between dates|; {@code date_sim}: 2^-(days/30); {@code same_year},
 *     {@code same_month}; {@code day_month_swap}: 1 if same year and day and month are swapped.</li>
 * <li>{@code tf_agree}: 1 - share of records holding the value when the values agree, else 0 (agreeing on a rare
 *     value counts more); {@code path_prefix}: shared leading segments of category paths / longer depth.</li>
 * <li>{@code value_rarity}: 1 / the number of records (both tables together, once in deduplication) holding the more
 *     common of the two values, compared normalised without punctuation; -1 if either is missing. Agreeing on a
 *     recurring value ({@code editorial}) is weak evidence (frequency-based weighting for free-text strings).</li>
 * <li>{@code dhash}, {@code phash}: 1 - Hamming distance / 64 of difference hashes and DCT hashes of the images.</li>
 * <li>{@code left_null}, {@code right_null}, {@code both_null}: 1 if the value is missing on that side.</li>
 * <li>{@code variant.<category>_conflict}: 1 if both records mention values of the category (colour, size,
 *     capacity, pack, learned ones) and share none, 0 if they share one, -1 if either mentions none.</li>
 * <li>{@code list_size_ratio}: shorter / longer number of listed names, on columns of person lists (authors).</li>
 * <li>{@code aligned} (attributes with 2..64 repeated values per side): {@code min(P(b|a), P(a|b))} for the two
 *     records' values, counted over unlabelled anchor pairs (each left record and its most similar right record);
 *     a missing value is looked for inside the record's other attributes. Catches counterparts the two sources
 *     name differently ("vldb" / "very large data bases"); -1 if either value is unknown.</li>
 * <li>{@code *.year_conflict}: 1 if both whole records mention a year (1800..2099 standing alone, in any attribute)
 *     and share none, 0 if they share one, -1 if either mentions none.</li>
 * </ul>
 */
package dev.matcher.compare;
