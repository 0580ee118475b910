package dev.matcher.match;

/**
 * What "the same" means for a matcher.
 *
 * <ul>
 *   <li>{@link #EXACT}: the same real-world item, variant included (same shirt, same colour, same size).</li>
 *   <li>{@link #VARIANT}: the same item ignoring the variant dimensions the user names (colour, size, capacity...):
 *       those attributes, and variant words found inside text, are neutralised in the feature space.</li>
 * </ul>
 *
 * <pre>{@code
 * Matcher.builder().mode(MatchMode.VARIANT).variantAttributes("color", "size")...
 * }</pre>
 */
public enum MatchMode { EXACT, VARIANT }
