/**
 * Variant dimensions as values: colour, apparel size, shoe size, capacity, bedding size, pack count, volume/weight
 * and user-named ones. A {@link dev.matcher.variant.VariantExtractor} finds each record's value once (named
 * attribute, else title labels, slots and words, else {@code Colour:}-style labels in the description) and
 * canonicalises it with a {@link dev.matcher.variant.Vocabulary} into a {@code long} code
 * ({@link dev.matcher.variant.VariantCode}); a {@link dev.matcher.variant.VariantTable} holds the codes of a table,
 * and a pair compares per dimension as {@link dev.matcher.variant.Verdict#EQUAL}, {@code DIFFERENT} or
 * {@code UNKNOWN} in O(1).
 *
 * <pre>{@code
 * VariantTable v = VariantExtractor.defaults().learn(products).extract(products);
 * for (VariantTable.Comparison c : v.explain(i, v, j)) System.out.println(c);
 * // colour: grey (heather grey) [title] vs grey [attribute] -> EQUAL
 * // apparel_size: s [description] vs m [attribute] -> DIFFERENT
 * }</pre>
 */
package dev.matcher.variant;
