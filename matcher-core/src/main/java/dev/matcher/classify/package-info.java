/**
 * k-way classification of records: {@link dev.matcher.classify.Classifier} puts every row of a table into one of
 * the classes of a label column (or a coarse-to-fine hierarchy of them), from the same per-record features the
 * matcher uses (text chain, numbers, categories, codes), with gradient-boosted trees stacked on the linear model
 * when validation says they help (numbers with units, dates, image hashes).
 *
 * <pre>{@code
 * Classifier c = Classifier.builder().label("category").train(table);
 * Predictions p = c.predict(table);
 * }</pre>
 */
package dev.matcher.classify;
