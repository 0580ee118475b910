package dev.matcher.classify;

import dev.matcher.data.Table;

import java.nio.file.Path;
import java.util.List;

/**
 * A trained k-way classifier of records: puts every row of a table into one of the classes of a label column (or
 * of a hierarchy of label columns, coarse to fine, predicted consistently: the fine class always lies inside the
 * predicted coarse one). Features come from every other column by its kind (see {@link ClassifierBuilder}); the
 * model is a multinomial logistic regression with calibrated probabilities, with gradient-boosted trees on dense
 * features (numbers, numbers with units, dates, lengths, category codes, image hashes) stacked on top when the
 * validation share says they help ({@link #model()}). Immutable and thread-safe.
 *
 * <pre>{@code
 * Table products = Table.readCsv(Path.of("products.csv"));
 * Classifier c = Classifier.builder().label("category").train(products);
 * Predictions p = c.predict(Table.readCsv(Path.of("new.csv")));
 * p.predicted(0);                 // "Mobile Phones"
 * p.top(0, 3);                    // [Mobile Phones 0.97, Tablets 0.02, ...]
 * c.explain(newTable, 0, 5);      // the features that pushed row 0 to its class
 * c.categorize(table);           // top 3 classes per record, for matching (see Categorizer)
 * c.save(Path.of("category.bin"));
 * Classifier same = Classifier.load(Path.of("category.bin"));
 *
 * Classifier h = Classifier.builder().label("category_coarse", "category_fine").train(products);   // hierarchy
 * }</pre>
 */
public interface Classifier extends Categorizer {
    /** A builder with the defaults: words, word bigrams, character 2- to 4-grams, numbers, categories, codes. */
    static ClassifierBuilder builder() {
        return new ClassifierBuilder();
    }

    /**
     * Reads a classifier saved by {@link #save}. The file is untrusted input: checked (magic, version, checksum,
     * then every count and value) before use; see {@link ClassifierFile}.
     *
     * @throws dev.matcher.data.DataException naming the file and the problem
     */
    static Classifier load(Path file) {
        return ClassifierFile.read(file);
    }

    /** The label columns, coarse to fine (one for a flat label). */
    List<String> labels();

    /** The leaf classes, a hierarchy's levels joined by {@code " > "}. */
    List<String> classes();

    /** The columns the features are read from, with the kinds they are read as. */
    List<String> features();

    /**
     * The model validation chose: {@code "linear"} (the logistic regression alone) or {@code "linear+trees"}
     * (gradient-boosted trees stacked on its calibrated log-probabilities).
     */
    String model();

    /** Class probabilities and predictions for every row; the table needs the {@link #features()} columns. */
    Predictions predict(Table table);

    /** Class probabilities and predictions for the given rows of the table, in that order. */
    Predictions predict(Table table, int[] rows);

    /** The categories of the given rows of the table, in that order (not kept: see {@link #categorize}). */
    RecordCategories categorize(Table table, int[] rows);

    /**
     * The {@code k} features that pushed row {@code row} most towards its predicted (leaf) class: a linear feature's
     * weight times its value (over the temperature). For a stacked model also the trees' part, named
     * {@code "trees: <dense feature>"}: each dense feature's TreeSHAP value for the class's trees (its push on the
     * class's score away from the trees' average), {@code "trees: linear model's log-probability"} being what the
     * trees made of the linear model's own score.
     */
    List<Contribution> explain(Table table, int row, int k);

    /** The {@code k} features with the largest weights for a leaf class (one of {@link #classes()}). */
    List<Contribution> topFeatures(String leafClass, int k);

    /** Saves to a file (written atomically). */
    void save(Path file);

    /** One feature's push towards a class: the feature's name and its weight (times its value, for a record). */
    record Contribution(String feature, double weight) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s %+.3f", feature, weight);
        }
    }
}
