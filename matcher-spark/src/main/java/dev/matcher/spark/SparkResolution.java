package dev.matcher.spark;

import static org.apache.spark.sql.functions.col;

import dev.matcher.blocking.Candidates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * The result of a {@link SparkResolver} run: scored candidate pairs, a cluster id and confidence per record, what
 * the size guard dropped, and the time of each stage. The datasets are checkpointed: reading them again does not
 * re-run the pipeline.
 *
 * <pre>{@code
 * SparkResolution r = resolver.deduplicate(people);
 * r.records().show();           // side, row, id, match_id, match_confidence
 * r.write("out/people");        // Parquet: the input rows + match_id, match_confidence
 * }</pre>
 */
public final class SparkResolution {
    /** Output column: the cluster id (the smallest record id of the cluster, in natural order). */
    public static final String MATCH_ID = "match_id";
    /** Output column: the record's confidence in its cluster. */
    public static final String CONFIDENCE = "match_confidence";

    private final boolean dedup;
    private final Dataset<Row> leftIn;
    private final Dataset<Row> rightIn;
    private final Dataset<Row> left;
    private final Dataset<Row> right;
    private final Dataset<Row> scored;
    private final Dataset<Row> clusters;
    private final double threshold;
    private final long candidates;
    private final List<Candidates.Cut> cuts;
    private final List<String> warnings;
    private final Map<String, Double> seconds;
    private final int iterations;

    SparkResolution(boolean dedup, Dataset<Row> leftIn, Dataset<Row> rightIn, Dataset<Row> left, Dataset<Row> right,
                    Dataset<Row> scored, Dataset<Row> clusters, double threshold, long candidates,
                    List<Candidates.Cut> cuts, List<String> warnings, Map<String, Double> seconds, int iterations) {
        this.dedup = dedup;
        this.leftIn = leftIn;
        this.rightIn = rightIn;
        this.left = left;
        this.right = right;
        this.scored = scored;
        this.clusters = clusters;
        this.threshold = threshold;
        this.candidates = candidates;
        this.cuts = List.copyOf(cuts);
        this.warnings = List.copyOf(warnings);
        this.seconds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(seconds));
        this.iterations = iterations;
    }

    public boolean isDeduplication() {
        return dedup;
    }

    /** Number of candidate pairs scored. */
    public long candidates() {
        return candidates;
    }

    /**
     * Every candidate pair with its score: {@code left_row, right_row} (positions in their tables, from 0),
     * {@code left_id, right_id, score}.
     */
    public Dataset<Row> pairs() {
        Dataset<Row> l = left.select(col("row").as("left_row"), col(SparkTables.ID).as("left_id"));
        Dataset<Row> r = right.select(col("row").as("right_row"), col(SparkTables.ID).as("right_id"));
        return scored.withColumnRenamed("l", "left_row").withColumnRenamed("r", "right_row")
                .join(l, "left_row").join(r, "right_row")
                .select("left_row", "right_row", "left_id", "right_id", "score");
    }

    /** The pairs at or above the threshold. */
    public Dataset<Row> matches() {
        return pairs().where(col("score").geq(threshold));
    }

    /** One row per record: {@code side} (0 left, 1 right), {@code row}, {@code id}, match_id, match_confidence. */
    public Dataset<Row> records() {
        return clusters;
    }

    public double threshold() {
        return threshold;
    }

    /** What the blocking size guard dropped (also in {@link #warnings()}); empty when nothing was. */
    public List<Candidates.Cut> cuts() {
        return cuts;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** Seconds per stage: reading, blocking, statistics, scoring, clustering. */
    public Map<String, Double> seconds() {
        return seconds;
    }

    /** Rounds the distributed clustering took. */
    public int clusteringIterations() {
        return iterations;
    }

    /**
     * Writes the input rows with {@code match_id} and {@code match_confidence} as Parquet, in input order:
     * deduplication to {@code path}, linkage to {@code path/left} and {@code path/right}. An existing output is an
     * error, never replaced.
     */
    public void write(String path) {
        if (dedup) {
            output(leftIn, 0).write().mode(SaveMode.ErrorIfExists).parquet(path);
        } else {
            output(leftIn, 0).write().mode(SaveMode.ErrorIfExists).parquet(path + "/left");
            output(rightIn, 1).write().mode(SaveMode.ErrorIfExists).parquet(path + "/right");
        }
    }

    private Dataset<Row> output(Dataset<Row> input, int side) {
        Dataset<Row> c = clusters.where(col("side").equalTo(side)).select(col(SparkTables.ID).as("_cid"),
                col("row").as("_row"), col(MATCH_ID), col(CONFIDENCE));
        List<Column> cols = new ArrayList<>();
        for (String name : input.columns()) {
            cols.add(input.col("`" + name + "`"));
        }
        cols.add(c.col(MATCH_ID));
        cols.add(c.col(CONFIDENCE));
        return input.join(c, input.col(SparkTables.ID).equalTo(c.col("_cid"))).orderBy(c.col("_row"))
                .select(cols.toArray(new Column[0]));
    }

    /** A summary: records, pairs, matches, clusters, cuts and time per stage. */
    public String summary() {
        long records = clusters.count();
        long clusterCount = clusters.select(MATCH_ID).distinct().count();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "%s of %,d records: %,d candidate pairs, %,d clusters (%d clustering rounds)",
                dedup ? "deduplication" : "linkage", records, candidates, clusterCount, iterations));
        seconds.forEach((k, v) -> b.append(String.format(Locale.ROOT, "%n  %-11s %8.1f s", k, v)));
        warnings.forEach(w -> b.append("\n  warning: ").append(w));
        return b.toString();
    }

    @Override
    public String toString() {
        return "SparkResolution[" + (dedup ? "deduplication" : "linkage") + ", " + candidates + " candidate pairs, "
                + cuts.size() + " cuts, stages " + Arrays.toString(seconds.keySet().toArray()) + "]";
    }
}
