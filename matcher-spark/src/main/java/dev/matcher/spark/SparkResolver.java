package dev.matcher.spark;

import dev.matcher.blocking.KeyFunction;
import dev.matcher.match.Matcher;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The front door on Apache Spark: resolves one table (deduplication) or two (linkage) held as DataFrames with a
 * trained {@link Matcher}, giving the answers the single-machine {@code Resolver} gives with the same matcher,
 * blocking keys and clusterer — the same candidate pairs, the same scores, the same clusters and cluster ids:
 * <ol>
 * <li>blocking: each record's keys (the same {@link KeyFunction}s as {@code Blockers.standard(keys)}), exploded,
 * grouped by key with the same size guard (a block of more than {@link Builder#maxBlockSize} records is dropped and
 * reported as a {@code Candidates.Cut}), joined to pairs, distinct;</li>
 * <li>scoring: the model file's bytes and the feature space's corpus statistics (fitted once on the driver) are
 * broadcast, and each partition scores its pairs in a feature space of just their records
 * ({@code Matcher.features(left, right, statistics)}): the same floating-point features and scores;</li>
 * <li>clustering: deduplication by connected components (iterative min-label propagation) at the threshold, as
 * {@code Clusterers.connectedComponents}; linkage by unique mapping (mutually best pairs, round by round), as the
 * greedy {@code Clusterers.uniqueMapping}; a cluster's id is its smallest record id in natural order, as in
 * {@code Clusters}.</li>
 * </ol>
 *
 * <pre>{@code
 * SparkSession spark = SparkSession.builder().appName("dedupe").getOrCreate();
 * SparkResolution r = SparkResolver.builder()
 *     .matcher(Matcher.load(Path.of("people.bin")))
 *     .keys(() -> List.of(KeyFunctions.prefix("surname", 3), KeyFunctions.exact("postcode")))
 *     .build()
 *     .deduplicate(SparkTables.read(spark, "people.csv"));
 * r.write("out/people.parquet");             // input rows + match_id, match_confidence
 * r.cuts().forEach(System.out::println);     // what the size guard dropped, never silently
 * }</pre>
 *
 * <p>What is not distributed: the corpus statistics (token dictionaries, document frequencies, value counts) are
 * fitted on the driver over the collected table, as large as the distinct words and values. Average-linkage
 * clustering, the single-machine default for deduplication, has no distributed form here.
 */
public final class SparkResolver {
    /**
     * The blocking key functions, built where they are used (the functions themselves are not serializable): a
     * lambda such as {@code () -> List.of(KeyFunctions.prefix("surname", 3))} is.
     */
    @FunctionalInterface
    public interface Keys extends Serializable {
        List<KeyFunction> functions();
    }

    final Matcher matcher;
    final Keys keys;
    final int maxBlockSize;
    final double threshold;
    final int partitions;
    final int maxIterations;

    private SparkResolver(Builder b) {
        matcher = b.matcher;
        keys = b.keys;
        maxBlockSize = b.maxBlockSize;
        threshold = Double.isNaN(b.threshold) ? b.matcher.threshold() : b.threshold;
        partitions = b.partitions;
        maxIterations = b.maxIterations;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Finds the records of one table that describe the same thing (connected components at the threshold). */
    public SparkResolution deduplicate(Dataset<Row> table) {
        return new SparkRun(this, table, null).run();
    }

    /** Finds the records of two tables that describe the same thing (unique mapping at the threshold). */
    public SparkResolution link(Dataset<Row> left, Dataset<Row> right) {
        return new SparkRun(this, left, Objects.requireNonNull(right, "right table")).run();
    }

    @Override
    public String toString() {
        return "SparkResolver[matcher " + matcher + ", threshold " + threshold + ", max block size " + maxBlockSize
                + (partitions > 0 ? ", " + partitions + " scoring partitions" : "") + "]";
    }

    /** Options of a {@link SparkResolver}; {@link #matcher} and {@link #keys} are required. */
    public static final class Builder {
        private Matcher matcher;
        private Keys keys;
        private int maxBlockSize = 1000;
        private double threshold = Double.NaN;
        private int partitions;
        private int maxIterations = 100;

        private Builder() {
        }

        /** The trained (or loaded) matcher. */
        public Builder matcher(Matcher m) {
            matcher = Objects.requireNonNull(m, "matcher");
            return this;
        }

        /** Blocking keys: a pair is a candidate when any function gives both records a common key. */
        public Builder keys(Keys k) {
            keys = Objects.requireNonNull(k, "keys");
            return this;
        }

        /** The size guard: blocks of more records are dropped and reported (default 1000, as on one machine). */
        public Builder maxBlockSize(int size) {
            if (size < 2) {
                throw new IllegalArgumentException("maxBlockSize must be at least 2, got " + size);
            }
            maxBlockSize = size;
            return this;
        }

        /** The match threshold (default: the matcher's). */
        public Builder threshold(double t) {
            if (!(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("threshold must be in [0, 1]: " + t);
            }
            threshold = t;
            return this;
        }

        /** Partitions of the scoring stage (default: {@code spark.sql.shuffle.partitions}). */
        public Builder partitions(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("partitions must be at least 1: " + n);
            }
            partitions = n;
            return this;
        }

        /** Rounds the clustering may take before it fails (default 100). */
        public Builder maxIterations(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxIterations must be at least 1: " + n);
            }
            maxIterations = n;
            return this;
        }

        public SparkResolver build() {
            if (matcher == null) {
                throw new IllegalStateException("no matcher: give the builder matcher(Matcher.load(path))");
            }
            if (keys == null) {
                throw new IllegalStateException("no blocking keys: give the builder keys(() -> List.of(...))");
            }
            if (keys.functions() == null || keys.functions().isEmpty()) {
                throw new IllegalStateException("the blocking keys give no key function");
            }
            return new SparkResolver(this);
        }
    }
}
