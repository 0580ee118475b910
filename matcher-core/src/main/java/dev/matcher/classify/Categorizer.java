package dev.matcher.classify;

import dev.matcher.data.Table;

/**
 * Anything that puts the records of a table into categories: a trained {@link Classifier}, or predictions made
 * elsewhere (another tool, a cross-validation). Matching reads it through
 * {@code Resolver.builder().categories(...)}, {@code Matcher.builder().categories(...)} and
 * {@code Blockers.categories(...)}: a {@code category_agree} feature per label level and blocking by predicted
 * category.
 *
 * <pre>{@code
 * Categorizer c = Classifier.load(Path.of("category.bin"));
 * RecordCategories cats = c.categorize(products);        // top 3 classes per record, per label level
 * Categorizer fixed = t -> RecordCategories.of("category", t.column("category").toArray());   // a trusted column
 * }</pre>
 */
@FunctionalInterface
public interface Categorizer {
    /**
     * The most likely categories of every row of the table; the same labels (levels) for every table.
     *
     * @throws dev.matcher.data.DataException when the table lacks a column the categorizer reads
     */
    RecordCategories categorize(Table table);

    /**
     * This categorizer keeping the categories of the last two tables it was given (by identity), so that blocking
     * and features, asking for the same table, categorize it once. A trained {@link Classifier} already does.
     *
     * <pre>{@code
     * Categorizer c = ((Categorizer) t -> RecordCategories.of("type", t.column("type").toArray())).remembering();
     * }</pre>
     */
    default Categorizer remembering() {
        return this instanceof Remembering || this instanceof TrainedClassifier ? this : new Remembering(this);
    }
}
