/**
 * JMH benchmarks for the hot paths of the library, built as one shaded jar.
 *
 * <table>
 * <caption>What each benchmark measures</caption>
 * <tr><th>Hot path</th><th>Benchmark</th></tr>
 * <tr><td>CSV reading</td><td>{@link dev.matcher.bench.CsvReadBenchmark}</td></tr>
 * <tr><td>text profiling (normalise, words, q-grams, codes, quantities, years, phonetic codes)</td>
 *     <td>{@link dev.matcher.bench.TextProfilingBenchmark}</td></tr>
 * <tr><td>each similarity measure</td><td>{@link dev.matcher.bench.SimilarityBenchmark}</td></tr>
 * <tr><td>full feature vectors and building the feature space</td>
 *     <td>{@link dev.matcher.bench.FeatureVectorBenchmark}</td></tr>
 * <tr><td>each blocker</td><td>{@link dev.matcher.bench.BlockingBenchmark}</td></tr>
 * <tr><td>model scoring</td><td>{@link dev.matcher.bench.ScoringBenchmark}</td></tr>
 * <tr><td>clustering</td><td>{@link dev.matcher.bench.ClusterUnionFindBenchmark} (random worst case),
 *     {@link dev.matcher.bench.ClusteringBenchmark} (deduplication-like graph)</td></tr>
 * </table>
 *
 * <p>Build once, then run. The <b>short profile</b> is the default: one fork, a few short iterations and small
 * parameters (3 min 41 s for everything on 2 busy cores, measured):
 *
 * <pre>{@code
 * ./mvnw -q -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar
 * }</pre>
 *
 * <p>The <b>full profile</b> overrides forks, iterations and parameters on the command line, in two runs: the
 * per-value and per-pair benchmarks (average time or throughput; timed iterations of 2 s) and the whole-run
 * benchmarks (single shot: one operation per iteration, at one to ten million records):
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar "Similarity|TextProfiling|FeatureVector|Scoring" \
 *     -f 3 -wi 5 -i 10 -w 2s -r 2s \
 *     -p kind=name,address,title,mixed -p datasets=febrl3,dm_textual_abt_buy \
 *     -p dataset=febrl3,dm_textual_abt_buy -p order=sorted,random \
 *     -p labelled=dm_textual_abt_buy,dm_structured_dblp_acm \
 *     -p model=GRADIENT_BOOSTING,RANDOM_FOREST,LOGISTIC_REGRESSION
 * java -jar benchmarks/target/benchmarks.jar "CsvRead|Blocker|Cluster" -f 3 -wi 2 -i 5 \
 *     -p source=generated:1000000 -p size=1000000 -p records=1000000,10000000 \
 *     -p algorithm=connectedComponents,hierarchicalAverage,hierarchicalComplete,center,mergeCenter,pivot
 * }</pre>
 *
 * <p>Add {@code -rf json -rff results.json} to keep machine-readable results, and {@code -p folder=/path/to/datasets}
 * (or {@code java -Dmatcher.datasets=/path/to/datasets -jar ...}, or the environment variable
 * {@code MATCHER_DATASETS}) to say where the benchmark datasets are; a benchmark that needs them fails at setup with
 * a message saying how to point at them. Parameter names are shared across benchmarks on purpose ({@code -p} applies to every benchmark with
 * that parameter): {@code dataset} (feature vectors), {@code datasets} (text profiling, {@code +} joins several into
 * one value), {@code labelled} (scoring: needs train/valid splits), {@code people} (the seed of the blocking
 * generator), {@code size} (generated records for blocking and clustering), {@code records} (union-find).
 *
 * <p>Two plain {@code main()} reports live here too: {@link dev.matcher.bench.FeatureSpaceReport} and
 * {@link dev.matcher.bench.BlockingScale}.
 */
package dev.matcher.bench;
