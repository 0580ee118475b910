/**
 * Metamorphic transformations of benchmark datasets: the same records with columns renamed (to synonyms or to
 * random names), reordered, split, merged or dropped, a value moved into the title, values in another case or
 * numbers in another format. A matcher that is robust to the layouts users have scores about the same on each.
 *
 * <pre>{@code
 * BenchmarkDataset d = BenchmarkDataset.load(Path.of("datasets/dm_structured_beer"));
 * for (Transformation t : Transformations.standard(Transformation.Side.RIGHT, 1)) {
 *     DatasetFolder.write(t.apply(d), Path.of("/tmp/beer-" + t.name()));
 * }
 * }</pre>
 */
package dev.matcher.eval.transform;
