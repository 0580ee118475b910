package dev.matcher.match;

/**
 * The learning algorithm behind a matcher. All three are trained with Smile 2.6 and then copied into primitive
 * arrays ({@link TreeEnsemble}, {@link LinearModel}) so that scoring never goes through Smile's data frames.
 *
 * <pre>{@code
 * Matcher.builder().model(ModelType.RANDOM_FOREST)...
 * }</pre>
 */
public enum ModelType {
    /** Gradient-boosted regression trees on the logistic loss (the default): raw scores are log-odds. */
    GRADIENT_BOOSTING,
    /** Random forest of classification trees: raw scores are the mean leaf match fraction. */
    RANDOM_FOREST,
    /** L2-regularised logistic regression: raw scores are log-odds. */
    LOGISTIC_REGRESSION
}
