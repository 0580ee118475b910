package dev.matcher.eval.transform;

import dev.matcher.eval.BenchmarkDataset;

/**
 * A documented, seeded change to one table of a benchmark dataset that keeps every record, its id and its row, so
 * the gold pairs and labelled splits stay valid unchanged: the same entities, laid out or written differently.
 * Matching quality should survive it (a metamorphic test). Obtain them from {@link Transformations}.
 *
 * <pre>{@code
 * BenchmarkDataset d = BenchmarkDataset.load(Path.of("datasets/dm_textual_abt_buy"));
 * BenchmarkDataset renamed = Transformations.renameRandom(Transformation.Side.RIGHT, 7).apply(d);
 * DatasetFolder.write(renamed, Path.of("/tmp/abt_buy_random_names"));
 * }</pre>
 */
public interface Transformation {
    /** Which table a transformation changes; deduplication has one table, which either side names. */
    enum Side { LEFT, RIGHT }

    /** A short name for reports, e.g. {@code rename-random(right, seed 7)}. */
    String name();

    /** The dataset with one table transformed; ids, row order, gold pairs and splits are kept. */
    BenchmarkDataset apply(BenchmarkDataset dataset);
}
