package dev.matcher.compare;

import dev.matcher.data.Attribute;
import java.util.List;

/**
 * One row of the feature table: which features an attribute kind (or the whole record, or the variants) gets, and
 * how their per-record profiles are prepared. A per-attribute recipe adds the comparisons of one attribute and
 * ignores kinds not its own; a record-level recipe adds comparisons over all compared attributes at once. The
 * {@link FeatureGenerator} runs every recipe on every attribute in a fixed order (the order of the features), then
 * the record-level ones; what to compute, the tables and the helpers come from the generator.
 *
 * <pre>{@code
 * final class DateRecipe implements Recipe {
 *     public void attribute(Attribute a, String[] left, String[] right, FeatureGenerator g) {
 *         if (a.kind() == AttributeKind.DATE) { g.add(...); }
 *     }
 * }
 * }</pre>
 */
interface Recipe {
    /**
     * Adds the comparisons of attribute {@code a}; {@code left} and {@code right} are its raw values per record (the
     * same array in deduplication).
     */
    default void attribute(Attribute a, String[] left, String[] right, FeatureGenerator g) {
    }

    /** Adds comparisons over all compared attributes together (whole-record text, value alignment, variants). */
    default void record(List<Attribute> compared, FeatureGenerator g) {
    }
}
