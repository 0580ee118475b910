/**
 * Seeded synthetic data with ground truth: Febrl-style people ({@link dev.matcher.eval.synth.PersonGenerator}) and
 * product catalogues with variant families ({@link dev.matcher.eval.synth.ProductGenerator}), in memory or streamed
 * to CSV, Parquet or a benchmark dataset folder with bounded memory.
 *
 * <pre>{@code
 * SyntheticData d = ProductGenerator.builder().records(5_000).seed(1).build().generate();
 * PersonGenerator.builder().records(10_000_000).build().writeCsv(Path.of("people.csv"));
 * ProductGenerator.builder().records(100_000).build().writeDataset(Path.of("datasets/synthetic_products"));
 * }</pre>
 */
package dev.matcher.eval.synth;
