package dev.matcher.variant;

/**
 * How two records compare on one variant dimension. {@link #UNKNOWN} when either side does not say (or the values
 * are on scales that cannot be compared, such as US and EU shoe sizes): unknown is never equal.
 *
 * <pre>{@code
 * Verdict v = VariantCode.compare(a, b);
 * double feature = v.feature();           // 1 equal, 0 different, -1 unknown (the library's missing value)
 * }</pre>
 */
public enum Verdict {
    EQUAL(1),
    DIFFERENT(0),
    UNKNOWN(-1);

    private final double feature;

    Verdict(double feature) {
        this.feature = feature;
    }

    /** 1 for equal, 0 for different, -1 for unknown: the feature-value convention of {@code FeatureSpace}. */
    public double feature() {
        return feature;
    }
}
